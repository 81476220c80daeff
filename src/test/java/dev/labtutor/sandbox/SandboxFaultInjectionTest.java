package dev.labtutor.sandbox;

import static dev.labtutor.sandbox.RootLab.okSsh;
import static dev.labtutor.sandbox.RootLab.ssh;
import static dev.labtutor.sandbox.SandboxRole.LB01;
import static dev.labtutor.sandbox.SandboxRole.LB02;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.lab.ExecResult;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault on a real sandbox, observed the way the tutor would observe it. */
class SandboxFaultInjectionTest {

    private static Sandbox sandbox;

    @BeforeAll
    static void up() {
        RootLab.requireRoot();
        sandbox = Sandbox.up(RootLab.uniqueSpec(List.of(LB01, LB02)));
    }

    @AfterAll
    static void down() {
        RootLab.downAndClean(sandbox);
    }

    @Test
    void stoppedSshdRefusesConnectionsUntilStartedAgain() {
        sandbox.inject(new SandboxFault.SshdStopped(LB02));
        ExecResult refused = ssh(sandbox, LB02, "true");
        assertEquals(255, refused.exitStatus());
        assertTrue(refused.stderr().contains("Connection refused"), refused.stderr());
        assertFalse(sandbox.status().hosts().get(1).sshd());

        sandbox.startSshd(LB02);
        assertEquals("lb02\n", okSsh(sandbox, LB02, "hostname").stdout());
    }

    @Test
    void changedHostKeyFailsTheKnownHostsCheck() {
        okSsh(sandbox, LB01, "true");
        sandbox.inject(new SandboxFault.HostKeyChanged(LB01));
        ExecResult r = ssh(sandbox, LB01, "true");
        assertEquals(255, r.exitStatus());
        assertTrue(r.stderr().contains("REMOTE HOST IDENTIFICATION HAS CHANGED"), r.stderr());
    }

    @Test
    void keepalivedSettingIsRewrittenAndKeepalivedRestarted() {
        okSsh(sandbox, LB02,
                "dnf install -y keepalived >/dev/null && cd /etc/keepalived"
                        + " && cp keepalived.conf.sample keepalived.conf" + " && sed -i 's/interface eth0/interface "
                        + sandbox.iface() + "/; /vrrp_strict/d' keepalived.conf"
                        + " && systemctl stop firewalld && systemctl start keepalived");
        String pidBefore = okSsh(sandbox, LB02, "cat /run/keepalived.pid").stdout();

        sandbox.inject(SandboxFault.parse("priority=150", java.util.Optional.of(LB02)));
        String conf = okSsh(sandbox, LB02, "cat /etc/keepalived/keepalived.conf").stdout();
        assertTrue(conf.contains("\n    priority 150\n"), conf);
        assertFalse(conf.contains("priority 100"), conf);
        assertEquals("active\n", okSsh(sandbox, LB02, "systemctl is-active keepalived").stdout());
        assertNotEquals(pidBefore, okSsh(sandbox, LB02, "cat /run/keepalived.pid").stdout(), "restarted");

        sandbox.inject(new SandboxFault.KeepalivedStopped(LB02));
        assertEquals("inactive\n", ssh(sandbox, LB02, "systemctl is-active keepalived").stdout());
    }

    @Test
    void vrrpBlockedIsARealNftablesRule() {
        sandbox.inject(new SandboxFault.VrrpBlocked(LB01));
        String rules = sandbox.exec(LB01, "nft", "list", "table", "inet", "labtutor_fault").stdout();
        assertTrue(rules.contains("ip protocol vrrp drop"), rules);
        sandbox.exec(LB01, "nft", "delete", "table", "inet", "labtutor_fault");
    }
}
