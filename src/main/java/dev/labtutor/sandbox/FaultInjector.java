package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ExecResult;
import java.nio.charset.StandardCharsets;

/**
 * Breaks a running sandbox's hosts the way {@link SandboxFault} says ({@code labtutor sandbox break}, the end-to-end
 * tests), through the hosts' own commands, so the same works on the machine's kernel and in a VM.
 */
final class FaultInjector {

    /** Fault table: drops VRRP (IP protocol 112) in and out, ahead of firewalld's chain. */
    private static final String VRRP_DROP = """
            table inet labtutor_fault {
            	chain input { type filter hook input priority -10; policy accept; ip protocol vrrp drop; }
            	chain output { type filter hook output priority -10; policy accept; ip protocol vrrp drop; }
            }
            """;

    private static final String SSHD_ALIVE =
            "alive() { [ -s /run/sshd.pid ] && kill -0 \"$(cat /run/sshd.pid)\" 2>/dev/null; }; ";

    private final Sandbox sandbox;

    FaultInjector(Sandbox sandbox) {
        this.sandbox = sandbox;
    }

    void inject(SandboxFault fault) {
        SandboxRole role = fault.role();
        if (fault instanceof SandboxFault.VrrpBlocked) {
            requireOk(role, sandbox.exec(role, LocalCommand.DEFAULT_TIMEOUT, VRRP_DROP.getBytes(StandardCharsets.UTF_8),
                    "nft", "-f", "-"));
        } else if (fault instanceof SandboxFault.KeepalivedStopped) {
            requireOk(role, sandbox.sh(role, "systemctl stop keepalived"));
        } else if (fault instanceof SandboxFault.KeepalivedSetting f) {
            String conf = "/etc/keepalived/keepalived.conf";
            ExecResult current = sandbox.exec(role, "cat", conf);
            if (current.exitStatus() != 0) {
                throw new SandboxException(
                        Text.of(role.id() + " 上还没有 " + conf, role.id() + " has no " + conf + " yet"));
            }
            String changed = KeepalivedConfEdit.set(current.stdout(), f.keyword().word(), f.value());
            requireOk(role, sandbox.exec(role, LocalCommand.DEFAULT_TIMEOUT, changed.getBytes(StandardCharsets.UTF_8),
                    "sh", "-c", "cat > \"$0\"", conf));
            requireOk(role, sandbox.sh(role, "systemctl restart keepalived"));
        } else if (fault instanceof SandboxFault.SshdStopped) {
            stopSshd(role);
        } else if (fault instanceof SandboxFault.HostKeyChanged) {
            stopSshd(role);
            Provisioner.keygen(new HostFiles(sandbox.spec(), role).hostKey(), "root@" + role.id()).join();
            startSshd(role);
        }
    }

    /** Stops the host's sshd (the listener; sessions already open end with it) and waits until it is gone. */
    private void stopSshd(SandboxRole role) {
        requireOk(role, sandbox.sh(role, SSHD_ALIVE + "if alive; then kill \"$(cat /run/sshd.pid)\"; fi; "
                + "for i in $(seq 50); do alive || exit 0; sleep 0.1; done; exit 1"));
    }

    /** Starts the host's sshd again; a no-op when it runs. */
    void startSshd(SandboxRole role) {
        requireOk(role, sandbox.exec(role, "bash", "-c",
                SSHD_ALIVE + "alive && exit 0; " + ". /usr/local/sbin/labtutor-lib.sh && lt_start_sshd"));
        HostRuntime.awaitSshd(sandbox.spec(), role);
    }

    private static void requireOk(SandboxRole role, ExecResult r) {
        if (r.exitStatus() != 0) {
            throw new SandboxException(
                    Text.of(role.id() + "：" + r.stderr().strip(), role.id() + ": " + r.stderr().strip()));
        }
    }
}
