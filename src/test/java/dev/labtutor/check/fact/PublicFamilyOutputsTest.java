package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * EXPORTS, SHOWMOUNT, IPVS and PACKAGE over outputs published from CentOS 7, Rocky/Alma 9 and Debian/Ubuntu hosts
 * (sources in the fixtures README, "Added for the distribution families"), wrapped the way the probes print them.
 */
class PublicFamilyOutputsTest {

    @Test
    void exportfsVerboseWithTabsAndWithAShortPath() {
        NfsExports tabs = exports("nfs/public-exportfs-v-tabs.out");
        assertEquals(List.of("/data/nfs/redis001", "/data/nfs/redis002", "/data/nfs/redis003"),
                tabs.active().stream().map(NfsExports.Export::path).toList());
        NfsExports.Client c = tabs.active().get(0).clients().get(0);
        assertEquals("10.0.0.0/24", c.spec());
        assertTrue(c.options().contains("root_squash"), c.options());
        NfsExports shortPath = exports("nfs/public-exportfs-v-short-path.out");
        assertEquals("/srv/nfs", shortPath.active().get(0).path());
        assertEquals("192.0.0.0/24", shortPath.active().get(0).clients().get(0).spec());
    }

    @Test
    void showmountFromCentos7AndUbuntu() {
        ExportList centos = showmount("192.168.0.15", "nfs/public-showmount-e-centos7.out");
        assertEquals(Optional.empty(), centos.error());
        assertEquals("192.168.0.0/24", centos.exports().get(0).clients().get(0).spec());
        assertEquals("/data", centos.exports().get(0).path());
        assertEquals("192.168.2.*", showmount("192.168.2.110", "nfs/public-showmount-e-centos7-wildcard.out").exports()
                .get(0).clients().get(0).spec());
        assertEquals("/share", showmount("192.168.1.6", "nfs/public-showmount-e-ubuntu.out").exports().get(0).path());
    }

    @Test
    void ipvsadm127OnCentos7() {
        IpvsTable t = (IpvsTable) FactParsers.parse(Probe.of(Probe.Kind.IPVS),
                Fixtures.ok(Fixtures.text("ipvsadm/public-centos7-1.27-route.txt")));
        assertEquals(List.of(new IpvsTable.VirtualService("TCP", "192.168.175.100", 80, "rr", true,
                List.of(new IpvsTable.RealServer("192.168.175.102", 80, "Route", 1, 0, 0),
                        new IpvsTable.RealServer("192.168.175.103", 80, "Route", 1, 0, 210)))),
                t.services());
    }

    @Test
    void rpmQueryLinesOfEl7AndEl9() {
        List<String> el7 = Fixtures.text("rpm/public-el7-q-keepalived-ipvsadm.out").lines().toList();
        assertEquals(new PackageState("keepalived", true, "1.3.5-8.el7_6.5.x86_64", "rpm"),
                rpm("keepalived", el7.get(0), 0));
        assertEquals(new PackageState("ipvsadm", true, "1.27-7.el7.x86_64", "rpm"), rpm("ipvsadm", el7.get(1), 0));
        List<String> el9 = Fixtures.text("rpm/public-el9-q-four.out").lines().toList();
        assertEquals(new PackageState("openssh-server", true, "8.7p1-44.el9.x86_64", "rpm"),
                rpm("openssh-server", el9.get(3), 0));
        assertEquals(new PackageState("ansible", false, "", "rpm"), rpm("ansible", el9.get(2), 1));
    }

    private static NfsExports exports(String fixture) {
        String out = "labtutor:exportfs\n" + Fixtures.text(fixture) + "labtutor:exportfs-rc 0\nlabtutor:nfsd yes\n";
        return (NfsExports) FactParsers.parse(Probe.of(Probe.Kind.EXPORTS), Fixtures.ok(out));
    }

    private static ExportList showmount(String server, String fixture) {
        return (ExportList) FactParsers.parse(Probe.of(Probe.Kind.SHOWMOUNT, server),
                Fixtures.ok(Fixtures.text(fixture) + "labtutor:showmount-rc 0\n"));
    }

    /** What the PACKAGE probe reads when {@code rpm -q name} prints {@code line} and exits {@code rc}. */
    private static PackageState rpm(String name, String line, int rc) {
        return (PackageState) FactParsers.parse(Probe.of(Probe.Kind.PACKAGE, name),
                new ProbeOutput("labtutor:via rpm\n" + line + "\n", "", rc, false, false));
    }
}
