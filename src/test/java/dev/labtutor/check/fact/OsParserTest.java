package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The OS probe's answer read from real /etc/os-release files, real {@code keepalived -v} output and the fragment run
 * here (fixtures/os/, fixtures/probe/os-*; sources in fixtures/README.md).
 */
class OsParserTest {

    private static final Probe OS = Probe.of(Probe.Kind.OS);

    /** What the OS fragment prints on a host with this os-release, package manager and keepalived. */
    private static ProbeOutput host(String osRelease, String pm, String keepalived) {
        return Fixtures.ok("labtutor:os-release\n" + osRelease + "labtutor:pm\n" + pm + "labtutor:keepalived\n"
                + keepalived);
    }

    private static Distro parse(ProbeOutput out) {
        return assertInstanceOf(OsRelease.class, FactParsers.parse(OS, out)).distro();
    }

    private static Distro fixture(String osRelease, String pm, String keepalived) {
        return parse(host(Fixtures.text("os/" + osRelease + ".os-release"), pm,
                keepalived.isEmpty() ? "" : Fixtures.text("os/keepalived-v-" + keepalived + ".out")));
    }

    private static void assertDistro(Distro d, String id, String version, Family family, String keepalived) {
        assertEquals(id, d.id());
        assertEquals(version, d.versionId());
        assertEquals(Optional.of(family), d.family());
        assertEquals(keepalived.isEmpty() ? Optional.empty() : Optional.of(keepalived), d.keepalivedVersion());
    }

    @Test
    void openEuler2403IsTheDocumentsFamily() {
        Distro sp1 = fixture("openeuler-24.03-lts-sp1", "dnf\nyum\n", "2.2.7");
        assertDistro(sp1, "openEuler", "24.03", Family.OPENEULER, "2.2.7");
        assertEquals("openEuler 24.03 · keepalived 2.2.7", sp1.display());
        assertDistro(fixture("openeuler-24.03-lts", "dnf\nyum\n", ""), "openEuler", "24.03", Family.OPENEULER, "");
    }

    @Test
    void rockyAndAlmaAreRhelLike() {
        assertDistro(fixture("rocky-8.7", "dnf\nyum\n", "2.2.7"), "rocky", "8.7", Family.RHEL, "2.2.7");
        Distro alma = fixture("almalinux-9.2", "dnf\nyum\n", "");
        assertDistro(alma, "almalinux", "9.2", Family.RHEL, "");
        assertEquals("AlmaLinux 9.2", alma.display());
        assertFalse(alma.keepalived1());
    }

    @Test
    void centos7AndRhel7AreTheYumFamilyWithKeepalived135() {
        Distro c7 = fixture("centos-7", "yum\n", "1.3.5");
        assertDistro(c7, "centos", "7", Family.CENTOS7, "1.3.5");
        assertEquals("CentOS Linux 7 · keepalived 1.3.5", c7.display());
        assertEquals("yum", c7.packageManager());
        assertTrue(c7.keepalived1());
        assertDistro(fixture("rhel-7.5", "yum\n", ""), "rhel", "7.5", Family.CENTOS7, "");
        assertTrue(fixture("rhel-7.5", "yum\n", "").keepalived1(), "CentOS 7 family without keepalived yet");
    }

    @Test
    void ubuntuAndDebianAreTheAptFamily() {
        assertDistro(fixture("ubuntu-22.04", "apt-get\n", ""), "ubuntu", "22.04", Family.DEBIAN, "");
        Distro noble = fixture("ubuntu-24.04", "apt-get\n", "2.2.7");
        assertDistro(noble, "ubuntu", "24.04", Family.DEBIAN, "2.2.7");
        assertEquals("Ubuntu 24.04 · keepalived 2.2.7", noble.display());
        assertDistro(fixture("debian-12", "apt-get\n", ""), "debian", "12", Family.DEBIAN, "");
    }

    @Test
    void theFragmentRunHereReadsThisDebian() {
        Distro d = parse(Fixtures.probe("os-debian"));
        assertDistro(d, "debian", "12", Family.DEBIAN, "2.2.7");
        assertEquals("apt-get", d.packageManager());
        assertEquals("Debian GNU/Linux 12 · keepalived 2.2.7", d.display());
    }

    @Test
    void aHostWithoutOsReleaseFallsBackOnItsPackageManager() {
        Distro d = parse(Fixtures.probe("os-no-release"));
        assertEquals("", d.id());
        assertEquals(Optional.of(Family.DEBIAN), d.family());
        assertEquals("apt-get · keepalived 2.2.7", d.display());
        assertEquals(Optional.of(Family.CENTOS7), parse(host("", "yum\n", "")).family());
        assertEquals(Optional.of(Family.RHEL), parse(host("", "dnf\nyum\n", "")).family());
        Distro nothing = parse(host("", "", ""));
        assertEquals(Optional.empty(), nothing.family());
        assertEquals(Family.OPENEULER, nothing.familyOrDefault());
    }

    @Test
    void anAnswerWithoutSectionsIsUnparseable() {
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(OS, Fixtures.ok("sh: 1: syntax error\n")));
    }

    @Test
    void hostileValuesNeverReachTheDisplay() {
        String esc = "NAME=\"\u001b]0;owned\u0007\u001b[2J evil\"\nID=\"\u001b[31mred\"\nVERSION_ID=\"<b>9</b>\"\n";
        Distro d = parse(host(esc, "dnf\n", ""));
        assertEquals("", d.name());
        assertEquals("", d.id());
        assertEquals("", d.versionId());
        assertEquals("dnf", d.display());

        String markup = "NAME=\"<script>alert(1)</script>\"\nID=centos\nVERSION_ID=\"7\"\n";
        Distro m = parse(host(markup, "yum\n", "Keepalived v1.3.5\u001b[2J (03/19,2017)\n"));
        assertEquals("centos 7 · keepalived 1.3.5", m.display());
        assertEquals(Optional.of(Family.CENTOS7), m.family());

        String huge = "NAME=\"" + "A".repeat(10 * 1024 * 1024) + "\"\nID=ubuntu\nVERSION_ID=\"24.04\"\n";
        long t0 = System.nanoTime();
        Distro h = parse(host(huge, "apt-get\n", ""));
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "a 10 MB line is refused quickly");
        assertEquals("ubuntu 24.04", h.display());

        String quoted = "NAME='Rocky Linux'\nID=rocky\nVERSION_ID=9.4\nNAME=\"second wins not\"\n";
        assertEquals("Rocky Linux 9.4", parse(host(quoted, "dnf\n", "")).display());
    }
}
