package dev.labtutor.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.screen.TerminalScreen;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tutor's terminal without a device: buffered output that lanterna's flushes send, and stty's size line. */
class TutorTerminalTest {

    @Test
    void outputWaitsForTheRefreshThenGoesOutWhole() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TutorTerminal t = TutorTerminal.detached(InputStream.nullInputStream(), out, new TerminalSize(40, 6))) {
            TerminalScreen screen = new TerminalScreen(t);
            assertEquals(new TerminalSize(40, 6), screen.getTerminalSize(),
                    "the size comes from the device, not from a question to the terminal");
            screen.startScreen();
            int started = out.size();
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("\u001b[?1049h"),
                    "entering the alternate screen is flushed at once");
            screen.newTextGraphics().putString(2, 1, "实验 lab");
            assertEquals(started, out.size(), "nothing is written before the refresh");
            screen.refresh();
            String sent = out.toString(StandardCharsets.UTF_8);
            assertTrue(sent.contains("实") && sent.contains("验") && sent.contains("lab"),
                    "the refresh sends the screen: " + sent);
            screen.stopScreen();
            assertTrue(out.toString(StandardCharsets.UTF_8).endsWith("\u001b[?1049l"),
                    "leaving the alternate screen is flushed at once");
        }
    }

    @Test
    void sttySizeIsRowsThenColumns() {
        assertEquals(Optional.of(new TerminalSize(100, 30)), SttyTty.parseSize("30 100\n"));
        assertEquals(Optional.empty(), SttyTty.parseSize(""));
        assertEquals(Optional.empty(), SttyTty.parseSize("0 0"));
        assertEquals(Optional.empty(), SttyTty.parseSize("stty: 'standard input': Inappropriate ioctl for device"));
        assertFalse(SttyTty.parseSize("30").isPresent());
    }
}
