package dev.labtutor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whether the tutor takes the full screen: the launcher's answer, else Java's own. */
class TutorStartTest {

    private final String before = System.getProperty("labtutor.tty");

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty("labtutor.tty");
        } else {
            System.setProperty("labtutor.tty", before);
        }
    }

    @Test
    void theLaunchersAnswerIsTaken() {
        System.setProperty("labtutor.tty", "yes");
        assertTrue(TutorStart.onTerminal());
        System.setProperty("labtutor.tty", "no");
        assertFalse(TutorStart.onTerminal());
    }

    @Test
    void withoutTheLauncherJavaIsAsked() {
        System.clearProperty("labtutor.tty");
        assertEquals(System.console() != null, TutorStart.onTerminal());
    }
}
