package dev.labtutor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The progress line on a terminal: redrawn in place, held while a prompt asks, ended once. */
class GradeProgressTest {

    private static int redraws(StringWriter out) {
        return out.toString().split("grading: ", -1).length - 1;
    }

    @Test
    void aPromptHoldsTheLineAndNothingIsDrawnAfterClose() throws Exception {
        StringWriter out = new StringWriter();
        GradeProgress progress = new GradeProgress(new PrintWriter(out), true);
        progress.started(3, 6);
        Thread.sleep(1200);
        assertTrue(redraws(out) >= 1, "redrawn every half second: " + out);
        progress.pause();
        int held = redraws(out);
        Thread.sleep(1200);
        assertEquals(held, redraws(out), "nothing is drawn over a prompt");
        progress.resume();
        Thread.sleep(1200);
        assertTrue(redraws(out) > held, "drawn again after the prompt");
        progress.close();
        progress.resume();
        progress.close();
        int closed = redraws(out);
        String last = out.toString().substring(out.toString().lastIndexOf('\r'));
        assertTrue(
                last.startsWith("\r\u001b[Kgrading: 0/3 students · 0/6 hosts") && last.endsWith(System.lineSeparator()),
                "close leaves the final line: " + last);
        Thread.sleep(1200);
        assertEquals(closed, redraws(out), "a closed line stays closed, even after resume");
    }
}
