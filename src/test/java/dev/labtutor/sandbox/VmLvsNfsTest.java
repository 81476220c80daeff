package dev.labtutor.sandbox;

import static dev.labtutor.sandbox.RootLab.eventually;
import static dev.labtutor.sandbox.RootLab.okSsh;
import static dev.labtutor.sandbox.SandboxRole.LB01;
import static dev.labtutor.sandbox.SandboxRole.LB02;
import static dev.labtutor.sandbox.SandboxRole.NFS_SERVER;
import static dev.labtutor.sandbox.SandboxRole.WEB01;
import static dev.labtutor.sandbox.SandboxRole.WEB02;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.lab.ExecResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole LVS-DR cluster and NFS in the VM sandbox, one VM for the class, everything over real SSH from the machine
 * and real HTTP through the VIP: kernel IPVS driven by keepalived's DR virtual_server, Apache on the real servers with
 * the VIP on lo and the ARP sysctls, failover to lb02, TCP_CHECK removing a stopped web server, and one NFS export
 * serving both web hosts. Needs root, qemu and the VM kernel; fails instead of skipping when CI=true.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VmLvsNfsTest {

    private static SandboxSpec spec;
    private static Sandbox sandbox;
    private static String upOutput;

    @BeforeAll
    static void up() {
        RootLab.requireVm();
        spec = RootLab.uniqueVmSpec(List.of(SandboxRole.values()));
        StringWriter out = new StringWriter();
        try {
            sandbox = Sandbox.up(spec, new PrintWriter(out));
        } finally {
            upOutput = out.toString();
            System.out.println(upOutput);
        }
    }

    @AfterAll
    static void down() throws Exception {
        RootLab.downAndAssertNothingLeft(spec, sandbox);
    }

    private static String vip() {
        return spec.vip();
    }

    private static ExecResult curl(String address) {
        return LocalCommand.run(List.of("curl", "-s", "-m", "5", "http://" + address + "/"), Duration.ofSeconds(15),
                null);
    }

    /** The directors that hold the VIP (the real servers have it too, on lo, for DR). */
    private static List<SandboxRole> directorsWithVip() {
        return sandbox.status().vipHolders().stream().filter(r -> r == LB01 || r == LB02).toList();
    }

    private static String ipvs(SandboxRole director) {
        return okSsh(sandbox, director, "ipvsadm -Ln").stdout();
    }

    /** Runs the same setup on several hosts at once (each over its own SSH login). */
    private static void onEach(List<SandboxRole> roles, java.util.function.Function<SandboxRole, String> script) {
        List<CompletableFuture<ExecResult>> runs = roles.stream()
                .map(r -> CompletableFuture.supplyAsync(() -> okSsh(sandbox, r, script.apply(r)))).toList();
        runs.forEach(CompletableFuture::join);
    }

    @Test
    @Order(1)
    void theFiveHostsRunInTheVmAndIpvsadmWorksOnLb01() {
        assertEquals(SandboxKernel.VM, sandbox.kernel().kernel());
        assertTrue(upOutput.contains("Kernel:      VM"), upOutput);
        assertTrue(upOutput.matches("(?s).*Sandbox " + spec.name() + " up in [0-9.]+ s.*"), upOutput);
        SandboxStatus status = sandbox.status();
        for (SandboxStatus.Host h : status.hosts()) {
            assertTrue(h.running() && h.sshd(), h.toString());
            assertEquals(h.role().id() + "\n", okSsh(sandbox, h.role(), "hostname").stdout());
        }
        ExecResult ipvsadm = okSsh(sandbox, LB01, "ipvsadm -Ln");
        assertTrue(ipvsadm.stdout().startsWith("IP Virtual Server version"), ipvsadm.stdout());
        assertTrue(okSsh(sandbox, LB01, "uname -r").stdout().strip().endsWith("-amd64"));
    }

    @Test
    @Order(2)
    void theGuestClockIsWithinASecondOfTheMachines() {
        long before = System.currentTimeMillis();
        String guest = okSsh(sandbox, WEB02, "date +%s%N").stdout().strip();
        long after = System.currentTimeMillis();
        long guestMillis = Long.parseLong(guest) / 1_000_000;
        assertTrue(guestMillis >= before - 1000 && guestMillis <= after + 1000,
                "guest " + guestMillis + " machine " + before + ".." + after);
    }

    @Test
    @Order(3)
    void roundRobinThroughTheVipReachesBothRealServers() {
        onEach(List.of(WEB01, WEB02),
                web -> String.join("\n", "set -e", "dnf install -y httpd >/dev/null",
                        "echo 'page of " + web.id() + "' > /var/www/html/index.html", "systemctl stop firewalld",
                        "systemctl start httpd", "ip addr add " + vip() + "/32 dev lo",
                        "sysctl -q -w net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.all.arp_announce=2"
                                + " net.ipv4.conf.lo.arp_ignore=1 net.ipv4.conf.lo.arp_announce=2"));
        onEach(List.of(LB01, LB02),
                lb -> String.join("\n", "set -e", "dnf install -y keepalived ipvsadm >/dev/null",
                        "systemctl stop firewalld", "cat > /etc/keepalived/keepalived.conf <<'EOF'", keepalivedConf(lb),
                        "EOF", "systemctl start keepalived"));
        assertTrue(eventually(Duration.ofSeconds(60), () -> directorsWithVip().equals(List.of(LB01))),
                "lb01 should hold the VIP: " + directorsWithVip());
        assertTrue(eventually(Duration.ofSeconds(60), () -> {
            String table = ipvs(LB01);
            return table.contains(spec.address(WEB01) + ":80") && table.contains(spec.address(WEB02) + ":80");
        }), ipvs(LB01));
        String table = ipvs(LB01);
        assertTrue(table.contains("TCP  " + vip() + ":80 rr"), table);
        assertEquals(2, table.lines().filter(l -> l.contains("Route")).count(), table);

        Set<String> pages = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            ExecResult r = curl(vip());
            assertEquals(0, r.exitStatus(), "curl through the VIP: " + r.stderr());
            pages.add(r.stdout().strip());
        }
        assertEquals(Set.of("page of web01", "page of web02"), pages);
    }

    private static String keepalivedConf(SandboxRole lb) {
        boolean master = lb == LB01;
        StringBuilder real = new StringBuilder();
        for (SandboxRole web : List.of(WEB01, WEB02)) {
            real.append("""
                        real_server %s 80 {
                            weight 1
                            TCP_CHECK {
                                connect_timeout 2
                                connect_port 80
                            }
                        }
                    """.formatted(spec.address(web)));
        }
        return """
                global_defs {
                    router_id %1$s
                }
                vrrp_instance VI_1 {
                    state %2$s
                    interface %3$s
                    virtual_router_id 51
                    priority %4$d
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass lvs1
                    }
                    virtual_ipaddress {
                        %5$s
                    }
                }
                virtual_server %5$s 80 {
                    delay_loop 2
                    lb_algo rr
                    lb_kind DR
                    protocol TCP
                %6$s}""".formatted(lb.id(), master ? "MASTER" : "BACKUP", spec.iface(), master ? 100 : 90, vip(), real);
    }

    @Test
    @Order(4)
    void stoppingHttpdOnWeb01RemovesItFromLb01sTable() {
        okSsh(sandbox, WEB01, "systemctl stop httpd");
        assertTrue(eventually(Duration.ofSeconds(30), () -> !ipvs(LB01).contains(spec.address(WEB01) + ":80")),
                ipvs(LB01));
        assertTrue(ipvs(LB01).contains(spec.address(WEB02) + ":80"));
        for (int i = 0; i < 3; i++) {
            assertEquals("page of web02", curl(vip()).stdout().strip());
        }
        okSsh(sandbox, WEB01, "systemctl start httpd");
        assertTrue(eventually(Duration.ofSeconds(30), () -> ipvs(LB01).contains(spec.address(WEB01) + ":80")),
                ipvs(LB01));
    }

    @Test
    @Order(5)
    void stoppingKeepalivedOnLb01KeepsTheServiceUpThroughLb02() {
        okSsh(sandbox, LB01, "systemctl stop keepalived");
        assertTrue(eventually(Duration.ofSeconds(30), () -> directorsWithVip().equals(List.of(LB02))),
                "the VIP should move to lb02: " + directorsWithVip());
        String table = ipvs(LB02);
        assertTrue(table.contains(spec.address(WEB01) + ":80") && table.contains(spec.address(WEB02) + ":80"), table);
        assertFalse(okSsh(sandbox, LB01, "ipvsadm -Ln").stdout().contains(vip()), "keepalived removed lb01's table");
        Set<String> pages = new HashSet<>();
        assertTrue(eventually(Duration.ofSeconds(30), () -> {
            ExecResult r = curl(vip());
            pages.add(r.stdout().strip());
            return r.exitStatus() == 0 && pages.containsAll(Set.of("page of web01", "page of web02"));
        }), "both pages through lb02: " + pages);
        okSsh(sandbox, LB01, "systemctl start keepalived");
        assertTrue(eventually(Duration.ofSeconds(30), () -> directorsWithVip().equals(List.of(LB01))),
                "lb01 takes the VIP back: " + directorsWithVip());
    }

    @Test
    @Order(6)
    void anNfsExportMountedOnBothWebHostsServesTheSamePage() {
        okSsh(sandbox, NFS_SERVER,
                String.join("\n", "set -e", "dnf install -y nfs-utils >/dev/null", "systemctl stop firewalld",
                        "mkdir -p /data/web", "echo 'shared page' > /data/web/index.html",
                        "echo '/data/web " + spec.subnet() + "(rw,sync,no_root_squash)' > /etc/exports",
                        "systemctl enable --now nfs-server 2>/dev/null"));
        assertTrue(okSsh(sandbox, NFS_SERVER, "exportfs -v").stdout().contains("/data/web"));
        String showmount =
                okSsh(sandbox, WEB01, "dnf install -y nfs-utils >/dev/null && showmount -e nfs-server").stdout();
        assertTrue(showmount.contains("/data/web " + spec.subnet()), showmount);
        okSsh(sandbox, WEB01, "mount -t nfs nfs-server:/data/web /var/www/html");
        okSsh(sandbox, WEB02, "dnf install -y nfs-utils >/dev/null"
                + " && echo 'nfs-server:/data/web /var/www/html nfs defaults 0 0' >> /etc/fstab && mount -a");
        for (SandboxRole web : List.of(WEB01, WEB02)) {
            assertTrue(okSsh(sandbox, web, "mount -t nfs4").stdout().contains("nfs-server:/data/web on /var/www/html"));
            assertTrue(
                    eventually(Duration.ofSeconds(60),
                            () -> curl(spec.address(web)).stdout().strip().equals("shared page")),
                    web + " serves the export: " + curl(spec.address(web)).stdout());
        }
        okSsh(sandbox, NFS_SERVER, "echo 'changed on the server' > /data/web/index.html");
        for (SandboxRole web : List.of(WEB01, WEB02)) {
            assertTrue(eventually(Duration.ofSeconds(30),
                    () -> curl(spec.address(web)).stdout().strip().equals("changed on the server")), web.id());
        }
        assertEquals("changed on the server", curl(vip()).stdout().strip());
        assertFalse(
                okSsh(sandbox, WEB01, "test -e /data/web && echo visible || echo private").stdout().contains("visible"),
                "nfs-server's /data is its own, not the other hosts'");
    }
}
