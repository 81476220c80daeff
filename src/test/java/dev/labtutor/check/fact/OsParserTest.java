package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The OS probe's answer read from real /etc/os-release files, real {@code keepalived -v} output and the fragment run
 * here (fixtures/os/, fixtures/probe/os-*; sources in fixtures/README.md).
 */
class OsParserTest {

    private static final Probe OS = Probe.of(Probe.Kind.OS);

    /** What the OS fragment prints on a host with this os-release, package manager and keepalived. */
    private static ProbeOutput host(String osRelease, String pm, String keepalived) {
        return Fixtures
                .ok("labtutor:os-release\n" + osRelease + "labtutor:pm\n" + pm + "labtutor:keepalived\n" + keepalived);
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

    /** Each real os-release (fixtures/os/) with the package managers and keepalived its distribution ships. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "openeuler-24.03-lts-sp1 | dnf,yum | 2.2.7 | openEuler | 24.03 | OPENEULER | openEuler 24.03 · keepalived 2.2.7",
            "openeuler-24.03-lts | dnf,yum | '' | openEuler | 24.03 | OPENEULER | openEuler 24.03",
            "rocky-8.7 | dnf,yum | 2.2.7 | rocky | 8.7 | RHEL | Rocky Linux 8.7 · keepalived 2.2.7",
            "almalinux-9.2 | dnf,yum | '' | almalinux | 9.2 | RHEL | AlmaLinux 9.2",
            "centos-7 | yum | 1.3.5 | centos | 7 | CENTOS7 | CentOS Linux 7 · keepalived 1.3.5",
            "rhel-7.5 | yum | '' | rhel | 7.5 | CENTOS7 | Red Hat Enterprise Linux Server 7.5",
            "ubuntu-22.04 | apt-get | '' | ubuntu | 22.04 | DEBIAN | Ubuntu 22.04",
            "ubuntu-24.04 | apt-get | 2.2.7 | ubuntu | 24.04 | DEBIAN | Ubuntu 24.04 · keepalived 2.2.7",
            "debian-12 | apt-get | '' | debian | 12 | DEBIAN | Debian GNU/Linux 12"})
    void eachRealOsReleaseParsesToItsFamily(String file, String pms, String keepalived, String id, String version,
            Family family, String display) {
        Distro d = fixture(file, String.join("\n", pms.split(",")) + "\n", keepalived);
        assertDistro(d, id, version, family, keepalived);
        assertEquals(pms.split(",")[0], d.packageManager());
        assertEquals(display, d.display());
        assertEquals(family == Family.CENTOS7, d.keepalived1(), "keepalived 1.x grammar: CentOS 7's family only");
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
