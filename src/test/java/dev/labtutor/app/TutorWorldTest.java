package dev.labtutor.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The tutor's world on this machine: what the first-run form writes. */
class TutorWorldTest {

    @Test
    void theFirstRunFormsLabFileHasTheVipUnderVarsAndReadsBack() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("XDG_CONFIG_HOME") == null,
                "the lab file's place follows XDG_CONFIG_HOME");
        java.nio.file.Path home = java.nio.file.Files.createTempDirectory("labtutor-home");
        String was = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        try {
            TutorWorld world = new TutorWorld(dev.labtutor.session.Fixtures.course(), () -> {
                throw new AssertionError("writing the lab file needs no check definitions");
            }, java.util.Optional.empty(), java.time.Duration.ofSeconds(1));
            var host = new dev.labtutor.lab.HostSpec("lb01", "10.1.2.3", 22, "root", java.util.Optional.empty(),
                    java.util.Optional.empty(), false);
            var lab = world.writeLab(java.util.Map.of("lb01", host), java.util.Map.of("vip", "10.1.2.254"));
            assertEquals(home.resolve(".config/labtutor/lab.yaml"), lab.source());
            assertEquals("10.1.2.254", lab.vars().get("vip"));
            assertTrue(
                    java.nio.file.Files.readString(lab.source()).contains("vars:\n  vip: 10.1.2.254\nhosts:\n  lb01: "),
                    java.nio.file.Files.readString(lab.source()));
        } finally {
            System.setProperty("user.home", was);
            dev.labtutor.io.FileTree.delete(home);
        }
    }
}
