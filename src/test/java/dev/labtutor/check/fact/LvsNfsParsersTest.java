package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Parsers for the LVS and NFS lessons' facts, on captured output (see fixtures/README.md). */
class LvsNfsParsersTest {

    @Test
    void persistedSysctlsFollowSysctlDPrecedence() {
        String debian = Fixtures.text("sysctl/sysctl-conf-debian.out");
        PersistedSysctls p =
                (PersistedSysctls) FactParsers.parse(Probe.of(Probe.Kind.SYSCTL_CONF), Fixtures.ok(debian));
        assertEquals("2", p.get("fs.protected_regular").orElseThrow().value());
        assertEquals("/usr/lib/sysctl.d/99-protect-links.conf", p.get("fs.protected_regular").get().file(),
                "for one file name the first directory wins (/usr/lib before /lib)");
        assertEquals(
                List.of("/usr/lib/sysctl.d/50-pid-max.conf", "/usr/lib/sysctl.d/99-protect-links.conf",
                        "/etc/sysctl.d/99-sysctl.conf", "/etc/sysctl.conf"),
                p.files(), "applied in file-name order, /etc/sysctl.conf last");
        assertTrue(p.get("net.ipv4.conf.all.arp_ignore").isEmpty());

        String lvs = debian
                + "labtutor:sysctl-file /etc/sysctl.d/90-lvs.conf\n# real server\nnet.ipv4.conf.all.arp_ignore = 1\n"
                + "net/ipv4/conf/lo/arp_announce=2\n-net.ipv4.conf.all.arp_announce = 1\n"
                + "labtutor:sysctl-file /etc/sysctl.conf\nnet.ipv4.conf.all.arp_announce = 2\n";
        PersistedSysctls q = (PersistedSysctls) FactParsers.parse(Probe.of(Probe.Kind.SYSCTL_CONF), Fixtures.ok(lvs));
        assertEquals(new PersistedSysctls.Setting("1", "/etc/sysctl.d/90-lvs.conf", 2),
                q.get("net.ipv4.conf.all.arp_ignore").orElseThrow());
        assertEquals("2", q.get("net.ipv4.conf.lo.arp_announce").orElseThrow().value(),
                "slash-separated keys are the same keys");
        assertEquals(new PersistedSysctls.Setting("2", "/etc/sysctl.conf", 1),
                q.get("net.ipv4.conf.all.arp_announce").orElseThrow(), "/etc/sysctl.conf is applied last");
        assertEquals("net.ipv4.conf.eth0/100.rp_filter",
                PersistedSysctlsParser.normalize("net/ipv4/conf/eth0.100/rp_filter"));
    }

    @Test
    void exportfsVerboseAndTheExportsFile() {
        String out = "labtutor:exportfs\n" + Fixtures.text("nfs/exportfs-v.out")
                + "labtutor:exportfs-rc 0\nlabtutor:nfsd yes\n" + "labtutor:exports-file /etc/exports\n"
                + Fixtures.text("nfs/exports");
        NfsExports x = (NfsExports) FactParsers.parse(Probe.of(Probe.Kind.EXPORTS), Fixtures.ok(out));
        assertTrue(x.exportfsInstalled() && x.nfsdAvailable());
        assertEquals(2, x.active().size());
        NfsExports.Export www = x.active().get(0);
        assertEquals("/opt/wwwroot", www.path());
        assertEquals(List.of("10.88.0.21", "10.88.0.22"), www.clients().stream().map(NfsExports.Client::spec).toList());
        assertTrue(www.clients().get(0).options().contains("no_root_squash"));
        assertEquals("10.88.0.0/24", x.active().get(1).clients().get(0).spec(),
                "a long path puts its client on the next line");
        assertEquals(
                new NfsExports.Export("/opt/wwwroot",
                        List.of(new NfsExports.Client("10.88.0.21", "rw,sync,no_root_squash"),
                                new NfsExports.Client("10.88.0.22", "rw,sync,no_root_squash")),
                        "/etc/exports", 1),
                x.configured().get(0));
    }

    @Test
    void noExportfsOnAKernelWithoutNfsd() {
        NfsExports x = (NfsExports) FactParsers.parse(Probe.of(Probe.Kind.EXPORTS),
                Fixtures.ok("labtutor:exportfs-missing\nlabtutor:nfsd no\n"));
        assertFalse(x.exportfsInstalled());
        assertFalse(x.nfsdAvailable());
        assertEquals(List.of(), x.configured());
    }

    @Test
    void showmountListsTheExportsOrSaysWhyNot() {
        ExportList l = (ExportList) FactParsers.parse(Probe.of(Probe.Kind.SHOWMOUNT, "10.88.0.31"),
                Fixtures.ok(Fixtures.text("nfs/showmount-e.out") + "labtutor:showmount-rc 0\n"));
        assertEquals(Optional.empty(), l.error());
        assertEquals(List.of("/srv/a-very-long-directory-name-for-wrapping/share", "/opt/wwwroot"),
                l.exports().stream().map(NfsExports.Export::path).toList());
        assertEquals(List.of("10.88.0.22", "10.88.0.21"),
                l.exports().get(1).clients().stream().map(NfsExports.Client::spec).toList());
        ExportList down = (ExportList) FactParsers.parse(Probe.of(Probe.Kind.SHOWMOUNT, "10.88.0.99"),
                Fixtures.ok(Fixtures.text("nfs/showmount-e-unreachable.err") + "labtutor:showmount-rc 1\n"));
        assertEquals(Optional.of("clnt_create: RPC: Unable to receive"), down.error());
    }

    @Test
    void mountTableAndFstab() {
        String mounts = "proc /proc proc rw,relatime 0 0\n"
                + "10.88.0.31:/opt/wwwroot /var/www/html nfs4 rw,relatime,vers=4.2,rsize=131072,wsize=131072,namlen=255,hard,proto=tcp,timeo=600,retrans=2,sec=sys,clientaddr=10.88.0.21,local_lock=none,addr=10.88.0.31 0 0\n"
                + "tmpfs /mnt/with\\040space tmpfs rw 0 0\n";
        Mounts m = (Mounts) FactParsers.parse(Probe.of(Probe.Kind.MOUNTS), Fixtures.ok(mounts));
        assertEquals("nfs4", m.at("/var/www/html").orElseThrow().fstype());
        assertEquals("10.88.0.31:/opt/wwwroot", m.at("/var/www/html").get().source());
        assertTrue(m.at("/mnt/with space").isPresent());
        Fstab f = Fstab.parse(
                "# /etc/fstab\nUUID=1ce0 / ext4 defaults 0 1\n10.88.0.31:/opt/wwwroot  /var/www/html/  nfs  defaults,_netdev  0 0\n");
        assertEquals(3, f.at("/var/www/html").orElseThrow().line());
        assertEquals("nfs", f.at("/var/www/html").get().fstype());
    }
}
