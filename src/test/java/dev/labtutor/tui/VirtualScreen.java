package dev.labtutor.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.labtutor.view.DisplayWidth;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A lanterna virtual terminal behind a real {@link TerminalScreen}, read back as text rows (a wide character once). */
final class VirtualScreen implements AutoCloseable {

    final DefaultVirtualTerminal terminal;
    final TerminalScreen screen;

    VirtualScreen(int cols, int rows) throws IOException {
        terminal = new DefaultVirtualTerminal(new TerminalSize(cols, rows));
        screen = new TerminalScreen(terminal);
        screen.startScreen();
    }

    List<String> rows() {
        TerminalSize size = terminal.getTerminalSize();
        List<String> out = new ArrayList<>();
        for (int r = 0; r < size.getRows(); r++) {
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < size.getColumns(); c++) {
                TextCharacter ch = terminal.getBufferCharacter(c, r);
                String s = ch == null ? " " : ch.getCharacterString();
                sb.append(s);
                if (ch != null && ch.isDoubleWidth()) {
                    c++;
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    String text() {
        return String.join("\n", rows());
    }

    /** The display column where {@code needle} starts in {@code row}, or -1. */
    static int column(String row, String needle) {
        int i = row.indexOf(needle);
        return i < 0 ? -1 : DisplayWidth.of(row.substring(0, i));
    }

    @Override
    public void close() throws IOException {
        screen.stopScreen();
    }
}
