package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Whether the tutor takes the full screen: the launcher's answer, else Java's own. */
class LearnCommandTest {

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
        assertTrue(LearnCommand.onTerminal());
        System.setProperty("labtutor.tty", "no");
        assertFalse(LearnCommand.onTerminal());
    }

    @Test
    void withoutTheLauncherJavaIsAsked() {
        System.clearProperty("labtutor.tty");
        assertEquals(System.console() != null, LearnCommand.onTerminal());
    }

    @Test
    void theFirstRunFormsLabFileHasTheVipUnderVarsAndReadsBack() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("XDG_CONFIG_HOME") == null, "the lab file's place follows XDG_CONFIG_HOME");
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("labtutor-home");
        String was = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            CliWorld world = new CliWorld(dev.labtutor.session.Fixtures.course(), new CourseOptions(), java.util.Optional.empty(),
                    java.time.Duration.ofSeconds(1));
            var host = new dev.labtutor.lab.HostSpec("lb01", "10.1.2.3", 22, "root", java.util.Optional.empty(), java.util.Optional.empty(), false);
            var lab = world.writeLab(java.util.Map.of("lb01", host), java.util.Map.of("vip", "10.1.2.254"));
            assertEquals(home.resolve(".config/labtutor/lab.yaml"), lab.source());
            assertEquals("10.1.2.254", lab.vars().get("vip"));
            assertTrue(java.nio.file.Files.readString(lab.source()).contains("vars:\n  vip: 10.1.2.254\nhosts:\n  lb01: "),
                    java.nio.file.Files.readString(lab.source()));
        } finally {
            System.setProperty("user.home", was);
            dev.labtutor.io.FileTree.delete(home);
        }
    }
}
