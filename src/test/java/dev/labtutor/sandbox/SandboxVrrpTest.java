package dev.labtutor.sandbox;

import static dev.labtutor.sandbox.RootLab.eventually;
import static dev.labtutor.sandbox.RootLab.okSsh;
import static dev.labtutor.sandbox.RootLab.ssh;
import static dev.labtutor.sandbox.SandboxRole.LB01;
import static dev.labtutor.sandbox.SandboxRole.LB02;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.lab.ExecResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two directors in a real sandbox: SSH logins, private /etc, the stand-ins, and real VRRP between real keepalived. */
class SandboxVrrpTest {

    private static final Duration VRRP_SETTLE = Duration.ofSeconds(10);
    private static Sandbox sandbox;

    @BeforeAll
    static void up() {
        RootLab.requireRoot();
        StringWriter out = new StringWriter();
        sandbox = Sandbox.up(RootLab.uniqueSpec(List.of(LB01, LB02)), new PrintWriter(out));
        System.out.println(out);
    }

    @AfterAll
    static void down() {
        RootLab.downAndClean(sandbox);
    }

    @Test
    void everyHostAcceptsARealSshLoginAndIsNamedAfterItsRole() {
        for (SandboxRole role : List.of(LB01, LB02)) {
            ExecResult r = okSsh(sandbox, role, "hostname; ip -4 -o addr show dev " + sandbox.iface());
            String[] lines = r.stdout().split("\n");
            assertEquals(role.id(), lines[0]);
            assertTrue(lines[1].contains("inet " + sandbox.host(role).address() + "/24"), r.stdout());
        }
    }

    @Test
    void passwordLoginIsRefused() {
        ExecResult r = LocalCommand.run(List.of("ssh", "-F", "/dev/null", "-o", "BatchMode=yes", "-o",
                "PubkeyAuthentication=no", "-o", "UserKnownHostsFile=" + sandbox.knownHosts(), "-o",
                "StrictHostKeyChecking=yes", "root@" + sandbox.host(LB01).address(), "true"), Duration.ofSeconds(20),
                null);
        assertNotEquals(0, r.exitStatus());
        assertTrue(r.stderr().contains("Permission denied (publickey)"), r.stderr());
    }

    @Test
    void etcKeepalivedIsPrivateToEachHost() throws Exception {
        okSsh(sandbox, LB01, "mkdir -p /etc/keepalived && echo lb01-only > /etc/keepalived/private.txt");
        assertEquals("lb01-only\n", okSsh(sandbox, LB01, "cat /etc/keepalived/private.txt").stdout());
        assertNotEquals(0, ssh(sandbox, LB02, "cat /etc/keepalived/private.txt").exitStatus());
        assertFalse(Files.exists(Path.of("/etc/keepalived/private.txt")), "leaked onto the machine's /etc");
        okSsh(sandbox, LB01, "rm -r /etc/keepalived");
    }

    @Test
    void onlyNetworkSysctlsAreWritable() {
        okSsh(sandbox, LB02, "sysctl -w net.ipv4.conf.all.arp_ignore=1");
        assertEquals("1\n", okSsh(sandbox, LB02, "cat /proc/sys/net/ipv4/conf/all/arp_ignore").stdout());
        assertEquals("0\n", okSsh(sandbox, LB01, "cat /proc/sys/net/ipv4/conf/all/arp_ignore").stdout());
        assertNotEquals(0, ssh(sandbox, LB02, "echo x > /proc/sys/kernel/hostname").exitStatus());
        okSsh(sandbox, LB02, "sysctl -w net.ipv4.conf.all.arp_ignore=0");
    }

    @Test
    void keepalivedFailsOverAndSplitsBrainBehindFirewalld() throws Exception {
        ExecResult early = ssh(sandbox, LB01, "systemctl start keepalived");
        assertEquals(5, early.exitStatus());
        assertEquals("Failed to start keepalived.service: Unit keepalived.service not found.\n", early.stderr());
        assertEquals("LoadState=not-found\nActiveState=inactive\nSubState=dead\nUnitFileState=\n", okSsh(sandbox, LB01,
                "systemctl show -p LoadState,ActiveState,SubState,UnitFileState --no-pager" + " keepalived.service")
                .stdout());

        for (SandboxRole role : List.of(LB01, LB02)) {
            okSsh(sandbox, role, "dnf install -y keepalived ipvsadm");
            assertTrue(okSsh(sandbox, role, "rpm -q keepalived").stdout().startsWith("keepalived-2.2.8-"));
            assertTrue(okSsh(sandbox, role, "head -1 /etc/keepalived/keepalived.conf.sample").stdout()
                    .startsWith("! Configuration File for keepalived"));
            writeConfig(role, role == LB01 ? "MASTER" : "BACKUP", role == LB01 ? 100 : 90);
            okSsh(sandbox, role, "keepalived -t -f /etc/keepalived/keepalived.conf");
            okSsh(sandbox, role, "systemctl stop firewalld && systemctl start keepalived");
            assertEquals("active\n", okSsh(sandbox, role, "systemctl is-active keepalived").stdout());
        }
        assertTrue(eventually(VRRP_SETTLE, () -> vipHolders().equals(List.of(LB01))),
                "VIP should be on lb01 only, holders: " + vipHolders());
        String messages = okSsh(sandbox, LB01, "cat /var/log/messages").stdout();
        assertTrue(messages.matches("(?s).*\\n\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d lb01 Keepalived_vrrp\\[\\d+\\]: "
                + "\\(VI_1\\) Entering MASTER STATE\\n.*"), messages);

        okSsh(sandbox, LB01, "systemctl stop keepalived");
        assertEquals(3, ssh(sandbox, LB01, "systemctl is-active keepalived").exitStatus());
        assertTrue(eventually(VRRP_SETTLE, () -> vipHolders().equals(List.of(LB02))),
                "VIP should move to lb02, holders: " + vipHolders());

        okSsh(sandbox, LB01, "systemctl start keepalived");
        assertTrue(eventually(VRRP_SETTLE, () -> vipHolders().equals(List.of(LB01))),
                "VIP should return to lb01 (preempt), holders: " + vipHolders());

        for (SandboxRole role : List.of(LB01, LB02)) {
            okSsh(sandbox, role, "systemctl start firewalld");
            assertEquals("running\n", okSsh(sandbox, role, "firewall-cmd --state").stdout());
        }
        assertTrue(eventually(VRRP_SETTLE, () -> vipHolders().equals(List.of(LB01, LB02))),
                "firewalld drops VRRP, both should hold the VIP, holders: " + vipHolders());
        assertTrue(okSsh(sandbox, LB02, "tail -n 50 /var/log/messages").stdout().contains("Entering MASTER STATE"));

        for (SandboxRole role : List.of(LB01, LB02)) {
            okSsh(sandbox, role, "systemctl stop firewalld");
        }
        assertTrue(eventually(VRRP_SETTLE, () -> vipHolders().equals(List.of(LB01))),
                "without firewalld the pair should agree again, holders: " + vipHolders());
        sandbox.inject(new SandboxFault.VrrpBlocked(LB02));
        assertTrue(eventually(VRRP_SETTLE, () -> vipHolders().equals(List.of(LB01, LB02))),
                "vrrp-blocked on lb02 should split the brain, holders: " + vipHolders());
    }

    private void writeConfig(SandboxRole role, String state, int priority) {
        String conf = """
                ! Configuration File for keepalived
                global_defs {
                   router_id %s
                }
                vrrp_instance VI_1 {
                    state %s
                    interface %s
                    virtual_router_id 51
                    priority %d
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass 1111
                    }
                    virtual_ipaddress {
                        %s
                    }
                }
                """.formatted(role.id().toUpperCase(), state, sandbox.iface(), priority, sandbox.vip());
        ExecResult r = LocalCommand.run(
                List.of("ssh", "-F", "/dev/null", "-i", sandbox.privateKey().toString(), "-o", "BatchMode=yes", "-o",
                        "UserKnownHostsFile=" + sandbox.knownHosts(), "root@" + sandbox.host(role).address(),
                        "cat > /etc/keepalived/keepalived.conf"),
                Duration.ofSeconds(20), conf.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(0, r.exitStatus(), r.stderr());
    }

    private List<SandboxRole> vipHolders() {
        return sandbox.status().vipHolders();
    }
}
