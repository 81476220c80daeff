package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ExecResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where a sandbox's hosts run: in network namespaces on this machine's kernel ({@link NamespaceRuntime}) or in the same
 * namespaces inside one qemu VM ({@link VmRuntime}). {@link Sandbox} picks one from its {@link KernelChoice} once, at
 * {@code up} or when it reads a state, and asks it everything that differs between the two.
 */
sealed interface HostRuntime permits NamespaceRuntime, VmRuntime {

    /** How long a host may take to boot (anchor running, sshd listening). */
    Duration HOST_BOOT_TIMEOUT = Duration.ofSeconds(60);

    /** The runtime of a sandbox: new at {@code up} (no pids yet), or as its state recorded it. */
    static HostRuntime of(SandboxSpec spec, KernelChoice choice, Map<SandboxRole, Long> anchors, long vmPid) {
        return choice.kernel() == SandboxKernel.VM ? new VmRuntime(spec, choice, new VmLab(spec, vmPid))
                : new NamespaceRuntime(spec, choice, anchors);
    }

    /** Host keys to generate with the hosts' own, before {@link #boot}. */
    List<Path> extraHostKeys();

    /**
     * Starts the hosts and returns once each one's anchor runs, recording pids in the state as soon as they are known
     * so a crash after that is still cleaned up.
     */
    void boot(Sandbox.Listener progress);

    /** After known_hosts is written: waits until the hosts are usable (a VM: SSH logins and its control channel). */
    void awaitUsable(Provisioner files);

    /** True while the sandbox runs: its VM, or on the machine's kernel any host's anchor. */
    boolean running();

    /** Removes every process, namespace, link and VM; safe to call twice and on a half-built sandbox. */
    void down();

    SandboxStatus status();

    /** Runs {@code argv} inside host {@code role} as root, with the stand-ins first on PATH and {@code LC_ALL=C}. */
    ExecResult exec(SandboxRole role, Duration timeout, byte[] stdin, List<String> argv);

    /** The pids of the hosts' anchors; empty in a VM. */
    Map<SandboxRole, Long> anchorPids();

    /** qemu's pid; 0 on the machine's kernel. */
    long vmPid();

    /** The summary's "Kernel:" line after the label. */
    String describe();

    /** What the summary appends to each host's line. */
    String hostNote();

    /** Waits until host {@code role}'s sshd accepts connections on port 22. */
    static void awaitSshd(SandboxSpec spec, SandboxRole role) {
        String address = spec.address(role);
        int port = 22;
        long deadline = System.nanoTime() + HOST_BOOT_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 500);
                return;
            } catch (IOException e) {
                last = e;
                Sandbox.sleep(20);
            }
        }
        throw new SandboxException(
                Text.of("沙箱主机 " + role.id() + " 的 sshd 没有在 " + address + ":" + port + " 上监听", "Sandbox host "
                        + role.id() + ": sshd is not listening on " + address + ":" + port + " (" + last + ")"));
    }

    /** The error for a host that is not running, with the command that brings it back. */
    static SandboxException notRunning(SandboxSpec spec, SandboxRole role) {
        return new SandboxException(Text
                .of("沙箱主机 " + role.id() + " 没有运行；请运行：sudo labtutor sandbox reset" + spec.whereOptions(), "Sandbox host "
                        + role.id() + " is not running; run: sudo labtutor sandbox reset" + spec.whereOptions()));
    }
}
