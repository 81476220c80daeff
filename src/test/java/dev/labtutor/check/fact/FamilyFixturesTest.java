package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import org.junit.jupiter.api.Test;

/**
 * FIREWALLD and PACKAGE over real outputs of each family's tools (see the fixtures README, "Added for the distribution
 * families"): firewalld 1.3.3's firewall-cmd with no daemon on a system bus and with no system bus at all, Debian's
 * rpm 4.18 with its empty database beside dpkg, and dpkg-query for the Debian names of the course's packages.
 */
class FamilyFixturesTest {

    private static ProbeOutput raw(String base) {
        return new ProbeOutput(Fixtures.text(base + ".out"), Fixtures.text(base + ".err"),
                Integer.parseInt(Fixtures.text(base + ".rc").trim()), false, false);
    }

    @Test
    void firewallCmdNotRunningExits252OnStderr() {
        ProbeOutput state = raw("firewalld/firewall-cmd-state-not-running");
        assertEquals(252, state.exitCode());
        assertEquals("not running\n", state.stderr());
        assertEquals(new FirewalldState(true, false),
                FactParsers.parse(Probe.of(Probe.Kind.FIREWALLD), Fixtures.probe("firewalld-not-running")));
    }

    /** firewalld cannot run without the system bus, so firewall-cmd's D-Bus complaint means not running. */
    @Test
    void firewallCmdWithoutSystemBus() {
        assertEquals(36, raw("firewalld/firewall-cmd-state-no-dbus").exitCode());
        assertEquals(new FirewalldState(true, false),
                FactParsers.parse(Probe.of(Probe.Kind.FIREWALLD), Fixtures.probe("firewalld-no-dbus")));
    }

    /**
     * The defect the PACKAGE fragment's order fixes: on Debian with the rpm package installed, rpm answers "not
     * installed" for keepalived, which dpkg has installed. The probe, run in that very set-up, asks dpkg.
     */
    @Test
    void debianWithStrayRpmIsAnsweredByDpkg() {
        Probe p = Probe.of(Probe.Kind.PACKAGE, "keepalived");
        ProbeOutput rpm = raw("rpm/debian-stray-rpm-q");
        assertEquals(new PackageState("keepalived", false, "", "rpm"), FactParsers.parse(p,
                new ProbeOutput("labtutor:via rpm\n" + rpm.stdout(), rpm.stderr(), rpm.exitCode(), false, false)));
        assertEquals(new PackageState("keepalived", true, "1:2.2.7-1+b2", "dpkg"),
                FactParsers.parse(p, Fixtures.probe("package-debian-stray-rpm")));
    }

    @Test
    void debianPackageNamesOfTheCourse() {
        assertEquals(new PackageState("apache2", true, "2.4.71-1~deb12u1", "dpkg"), dpkg("apache2"));
        assertEquals(new PackageState("nfs-kernel-server", true, "1:2.6.2-4+deb12u1", "dpkg"),
                dpkg("nfs-kernel-server"));
        assertEquals(new PackageState("nfs-common", true, "1:2.6.2-4+deb12u1", "dpkg"), dpkg("nfs-common"));
        assertEquals(new PackageState("keepalived", true, "1:2.2.7-1+b2", "dpkg"), dpkg("keepalived"));
    }

    private static PackageState dpkg(String name) {
        ProbeOutput o = raw("dpkg/debian12-" + name);
        return (PackageState) FactParsers.parse(Probe.of(Probe.Kind.PACKAGE, name),
                new ProbeOutput("labtutor:via dpkg\n" + o.stdout(), o.stderr(), o.exitCode(), false, false));
    }
}
