package dev.labtutor.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.labtutor.check.probe.Probe.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PACKAGE asks the family's own tool. A Debian or Ubuntu host can carry a stray {@code rpm} (Debian packages rpm),
 * whose empty database calls everything "not installed": such a host is asked with dpkg-query. A host whose os-release
 * is not Debian-like is asked with rpm even when dpkg-query is there. The fragment runs here (Debian 12, real
 * dpkg-query) with os-release pointed at a file of the test's and a stand-in {@code rpm} first on PATH that answers
 * what Debian's rpm 4.18 answered here for keepalived (fixtures/rpm/debian-stray-rpm-q.out).
 */
class PackageProbeTest {

    private static final String DEBIAN = "PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
            + "VERSION_ID=\"12\"\nID=debian\n";
    private static final String UBUNTU = "NAME=\"Ubuntu\"\nVERSION_ID=\"24.04\"\nID=ubuntu\nID_LIKE=debian\n";
    private static final String ROCKY =
            "NAME=\"Rocky Linux\"\nVERSION_ID=\"9.4\"\nID=\"rocky\"\n" + "ID_LIKE=\"rhel centos fedora\"\n";
    private static final String OPENEULER = "NAME=\"openEuler\"\nID=\"openEuler\"\nVERSION_ID=\"24.03\"\n";

    @TempDir
    Path tmp;

    @Test
    void debianAndUbuntuWithAStrayRpmAreAskedWithDpkg() throws Exception {
        assumeTrue(Files.exists(Path.of("/var/lib/dpkg/status")), "needs dpkg-query (Debian build host)");
        assertTrue(run(DEBIAN).startsWith("labtutor:via dpkg\n"), run(DEBIAN));
        assertTrue(run(UBUNTU).startsWith("labtutor:via dpkg\n"), run(UBUNTU));
    }

    @Test
    void rpmFamiliesAreAskedWithRpmEvenBesideDpkg() throws Exception {
        assertEquals("labtutor:via rpm\npackage keepalived is not installed\n", run(ROCKY));
        assertEquals("labtutor:via rpm\npackage keepalived is not installed\n", run(OPENEULER));
        assertEquals("labtutor:via rpm\npackage keepalived is not installed\n", run(null));
    }

    private static String stray() throws java.io.IOException {
        try (java.io.InputStream in =
                PackageProbeTest.class.getResourceAsStream("/fixtures/rpm/debian-stray-rpm-q.out")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The fragment with os-release at {@code osRelease}'s text (none when null), the stand-in rpm first on PATH. */
    private String run(String osRelease) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path rpm = bin.resolve("rpm");
        Files.writeString(rpm, "#!/bin/sh\nprintf '%s' '" + stray() + "'\nexit 1\n");
        Files.setPosixFilePermissions(rpm, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path os = tmp.resolve("os-release");
        Files.deleteIfExists(os);
        if (osRelease != null) {
            Files.writeString(os, osRelease);
        }
        String fragment = ProbeCommands.shell(Probe.of(Kind.PACKAGE, "keepalived"))
                .replace("/etc/os-release", os.toString()).replace("/usr/lib/os-release", os + ".none");
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", fragment).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("LC_ALL", "C");
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
