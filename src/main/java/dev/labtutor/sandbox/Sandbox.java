package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;
import dev.labtutor.io.FileTree;
import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.HostSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A running local lab: one network namespace per host on a bridge, a link from the machine (address {@code .1}, no
 * default route anywhere) so the tutor reaches the hosts over real SSH, and per host a mount and UTS namespace held
 * open by an anchor process (resource {@code anchor.sh}) that also boots the host: its own root, firewalld's nftables
 * rules and a real sshd. On the machine's kernel ({@link SandboxKernel#MACHINE}, {@link NamespaceRuntime}) the bridge
 * lives in its own namespace and the link is a veth; in a VM ({@link SandboxKernel#VM}, {@link VmRuntime}) the same
 * hosts run inside one qemu VM on a distribution kernel and the link is qemu's tap. What is laid down in the state
 * directory is {@link Provisioner}'s, faults are {@link FaultInjector}'s. Everything needed to tear it down is in
 * {@code state.properties}, so {@link #down(Path)} works from a fresh process after a crash.
 */
public final class Sandbox {

    private final SandboxSpec spec;
    private final Duration startupTime;
    private final KernelChoice choice;
    private final HostRuntime runtime;
    private final Provisioner files;

    private Sandbox(SandboxSpec spec, Duration startupTime, KernelChoice choice, HostRuntime runtime) {
        this.spec = spec;
        this.startupTime = startupTime;
        this.choice = choice;
        this.runtime = runtime;
        this.files = new Provisioner(spec);
    }

    /**
     * What a start reports while it runs: each line of progress as it happens (the lines {@code sandbox up} prints).
     */
    @FunctionalInterface
    public interface Listener {
        void progress(String line);
    }

    /** {@link #up(SandboxSpec, Listener)} with each line of progress printed to {@code out}. */
    public static Sandbox up(SandboxSpec spec, PrintWriter out) {
        return up(spec, line -> {
            out.println(line);
            out.flush();
        });
    }

    /** {@link #up(SandboxSpec, Listener)} without progress output. */
    public static Sandbox up(SandboxSpec spec) {
        return up(spec, line -> {
        });
    }

    /**
     * Builds and boots the sandbox and returns once every host's sshd accepts connections: on the machine's kernel or
     * in a VM as {@link SandboxSpec#kernel()} says ({@link SandboxKernel#AUTO}: the VM when the machine's kernel lacks
     * ip_vs or nfsd). Leftovers of an earlier sandbox with the same name (crashed or killed labtutor, killed qemu) are
     * removed first; a sandbox of that name that is still running, or still being brought up by another process, is an
     * error. On failure, and on Ctrl-C, everything created so far is removed again.
     *
     * @param listener receives progress, then the subnet, VIP, interface, hosts, kernel and the time it took
     * @throws SandboxException with the one sentence to show the learner
     */
    public static Sandbox up(SandboxSpec spec, Listener listener) {
        SandboxPreflight.problem().ifPresent(p -> {
            throw new SandboxException(p);
        });
        long start = System.nanoTime();
        KernelChoice choice = KernelChoice.decide(spec.kernel());
        if (choice.kernel() == SandboxKernel.VM) {
            VmLab.problem().ifPresent(p -> {
                throw new SandboxException(p);
            });
        }
        SandboxSpec resolved = spec.withKernel(choice.kernel());
        removeLeftover(spec);
        refuseTakenSubnet(resolved);
        FileTree.delete(spec.stateDir());
        long self = ProcessHandle.current().pid();
        new SandboxState(resolved, Map.of(), choice, 0, self).write();
        HostRuntime runtime = HostRuntime.of(resolved, choice, Map.of(), 0);
        Sandbox sandbox = new Sandbox(resolved, Duration.ZERO, choice, runtime);
        Thread cleanup = new Thread(sandbox::down, "labtutor-sandbox-up-cancelled");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            listener.progress("Sandbox " + spec.name() + ": " + choice.reason().en());
            sandbox.build(listener);
            new SandboxState(resolved, runtime.anchorPids(), choice, runtime.vmPid(), 0).write();
            Sandbox upNow = new Sandbox(resolved, Duration.ofNanos(System.nanoTime() - start), choice, runtime);
            upNow.reportSummary(listener);
            return upNow;
        } catch (RuntimeException e) {
            if (System.getenv("LABTUTOR_SANDBOX_KEEP_FAILED") == null) {
                sandbox.down();
            } else {
                listener.progress(
                        "LABTUTOR_SANDBOX_KEEP_FAILED is set: leaving the failed sandbox in " + spec.stateDir()
                                + " for inspection; remove it with: labtutor sandbox down" + spec.whereOptions());
                Runtime.getRuntime().removeShutdownHook(cleanup);
            }
            throw e;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now
            }
        }
    }

    /** Removes an earlier sandbox of this name unless it runs or is being brought up by a live process. */
    private static void removeLeftover(SandboxSpec spec) {
        Optional<SandboxState> existing = SandboxState.read(spec.stateDir());
        if (existing.isEmpty()) {
            return;
        }
        SandboxState old = existing.get();
        Sandbox leftover = fromState(old);
        if (!old.complete() && ProcessHandle.of(old.upPid()).map(ProcessHandle::isAlive).orElse(false)
                && old.upPid() != ProcessHandle.current().pid()) {
            throw new SandboxException(Text.of("沙箱 " + spec.name() + " 正在由另一个进程（" + old.upPid() + "）启动",
                    "Sandbox " + spec.name() + " is being brought up by another process (pid " + old.upPid() + ")"));
        }
        if (old.complete() && leftover.running()) {
            throw new SandboxException(
                    Text.of("沙箱 " + spec.name() + " 已在运行；先运行：sudo labtutor sandbox down" + spec.whereOptions(),
                            "Sandbox " + spec.name() + " is already up; run first: sudo labtutor sandbox down"
                                    + spec.whereOptions()));
        }
        leftover.down();
    }

    /** Files and keys, the hosts booted, sshd listening everywhere, known_hosts, usable, the lab file. */
    private void build(Listener listener) {
        files.prepareHosts(runtime.extraHostKeys());
        runtime.boot(listener);
        for (SandboxRole role : spec.roles()) {
            HostRuntime.awaitSshd(spec, role);
        }
        files.writeKnownHosts();
        runtime.awaitUsable(files);
        files.writeLabFile(hosts());
    }

    /** The sandbox whose state is in {@code stateDir}, running or not; empty when there is none. */
    public static Optional<Sandbox> open(Path stateDir) {
        return SandboxState.read(stateDir).map(Sandbox::fromState);
    }

    private static Sandbox fromState(SandboxState s) {
        return new Sandbox(s.spec(), Duration.ZERO, s.choice(),
                HostRuntime.of(s.spec(), s.choice(), s.anchorPids(), s.vmPid()));
    }

    /** Where the hosts run and why (machine kernel or VM). */
    public KernelChoice kernel() {
        return choice;
    }

    /** True while the sandbox runs: its VM, or on the machine's kernel any host's anchor. */
    public boolean running() {
        return runtime.running();
    }

    /**
     * Removes whatever the state in {@code stateDir} lists: processes inside the sandbox's namespaces, the namespaces,
     * the root link, then the state dir. Safe to call twice and on a half-built sandbox. Returns false when there was
     * no state (nothing to do).
     */
    public static boolean down(Path stateDir) {
        Optional<Sandbox> s = open(stateDir);
        s.ifPresent(Sandbox::down);
        return s.isPresent();
    }

    private void reportSummary(Listener out) {
        out.progress(String.format(
                "Sandbox %s up in %.2f s: subnet %s, VIP %s, interface %s, tutor address %s (no default route)",
                spec.name(), startupTime.toMillis() / 1000.0, spec.subnet(), spec.vip(), spec.iface(),
                spec.tutorAddress()));
        out.progress(String.format("Flavour:     %s (%s)", spec.flavour().word(), spec.flavour().pretty()));
        out.progress(String.format("Kernel:      %s", runtime.describe()));
        for (SandboxHost h : hosts()) {
            out.progress(String.format("  %-10s %-15s netns %s%s", h.role().id(), h.address(), h.namespace(),
                    runtime.hostNote()));
        }
        out.progress("Lab file:    " + labFile());
        out.progress("Key:         " + privateKey());
        out.progress("known_hosts: " + knownHosts());
    }

    /** Removes everything; see {@link #down(Path)}. */
    public void down() {
        runtime.down();
    }

    /** Per host: running, sshd up, keepalived up, and its IPv4 addresses. */
    public SandboxStatus status() {
        return runtime.status();
    }

    /**
     * A path as host {@code role} sees it (its /etc overlay, its private /run), read or written from the root namespace
     * through {@code /proc/ANCHOR/root}.
     */
    public Path hostPath(SandboxRole role, String absolute) {
        return machineKernel("hostPath").hostPath(role, absolute);
    }

    /**
     * Runs {@code command} inside host {@code role}: its network, mount and UTS namespaces, as root, with the stand-ins
     * first on PATH (as in an SSH session there) and {@code LC_ALL=C}.
     */
    public ExecResult exec(SandboxRole role, String... command) {
        return exec(role, Duration.ofSeconds(60), command);
    }

    public ExecResult exec(SandboxRole role, Duration timeout, String... command) {
        return exec(role, timeout, null, command);
    }

    /** {@link #exec(SandboxRole, Duration, String...)} with {@code stdin} (null for none) fed to the command. */
    public ExecResult exec(SandboxRole role, Duration timeout, byte[] stdin, String... command) {
        requireRole(role);
        return runtime.exec(role, timeout, stdin, Arrays.asList(command));
    }

    /** {@link #exec} of {@code sh -c script}. */
    public ExecResult sh(SandboxRole role, String script) {
        return exec(role, "sh", "-c", script);
    }

    /**
     * The nsenter prefix that enters host {@code role}; {@code ssh HOST} uses it when there is no ssh client. Only on
     * the machine's kernel: a VM's hosts are reached over SSH.
     */
    public List<String> nsenter(SandboxRole role) {
        return machineKernel("nsenter").nsenter(role);
    }

    /** Injects {@code fault}; see {@link SandboxFault} for what each does. */
    public void inject(SandboxFault fault) {
        requireRole(fault.role());
        new FaultInjector(this).inject(fault);
    }

    /** Starts the sshd of host {@code role} again (after {@link SandboxFault.SshdStopped}); a no-op when it runs. */
    public void startSshd(SandboxRole role) {
        new FaultInjector(this).startSshd(role);
    }

    private void requireRole(SandboxRole role) {
        if (!spec.roles().contains(role)) {
            throw new SandboxException(Text.of("这个沙箱里没有主机 " + role.id(),
                    "This sandbox has no host " + role.id() + " (hosts: " + spec.roles() + ")"));
        }
    }

    private NamespaceRuntime machineKernel(String what) {
        if (runtime instanceof NamespaceRuntime namespaces) {
            return namespaces;
        }
        throw new SandboxException(
                Text.of("沙箱 " + spec.name() + " 在虚拟机中运行，" + what + " 只适用于本机内核；请用 exec 或 SSH", "Sandbox " + spec.name()
                        + " runs in a VM: " + what + " works on the machine's kernel only; use exec or SSH"));
    }

    public SandboxSpec spec() {
        return spec;
    }

    public List<SandboxHost> hosts() {
        return spec.roles().stream().map(this::host).toList();
    }

    public SandboxHost host(SandboxRole role) {
        requireRole(role);
        return new SandboxHost(role, spec.hostNamespace(role), spec.address(role), spec.iface(), role.id());
    }

    /** The hosts as the tutor's SSH layer wants them: root, port 22, the sandbox key. */
    public List<HostSpec> hostSpecs() {
        return hosts().stream().map(h -> new HostSpec(h.role().id(), h.address(), 22, "root", Optional.of(privateKey()),
                Optional.empty(), false)).toList();
    }

    public String subnet() {
        return spec.subnet();
    }

    public String vip() {
        return spec.vip();
    }

    public String iface() {
        return spec.iface();
    }

    public Path stateDir() {
        return spec.stateDir();
    }

    public Path privateKey() {
        return files.privateKey();
    }

    public Path knownHosts() {
        return files.knownHosts();
    }

    public Path labFile() {
        return files.labFile();
    }

    /** Who started this sandbox (the user behind sudo when it was started with sudo), when known. */
    public Optional<String> startedBy() {
        return SandboxState.startedBy(spec.stateDir());
    }

    /** This host's /var/log/messages as a file in the root namespace. */
    public Path messages(SandboxRole role) {
        return new HostFiles(spec, role).logDir().resolve("messages");
    }

    /**
     * The pids of the anchors, one per host; every other process of a host runs in its network namespace. Empty for a
     * VM sandbox (its hosts' processes are the VM's).
     */
    public Map<SandboxRole, Long> anchorPids() {
        return runtime.anchorPids();
    }

    /** How long {@link #up} took; zero for a sandbox found by {@link #open}. */
    public Duration startupTime() {
        return startupTime;
    }

    private static void refuseTakenSubnet(SandboxSpec spec) {
        if (LocalCommand.run("ip", "link", "show", "dev", spec.rootLink()).exitStatus() == 0) {
            throw new SandboxException(Text.of("本机已有名为 " + spec.rootLink() + " 的网络接口；请换一个沙箱名（--name）",
                    "This machine already has a link named " + spec.rootLink()
                            + "; choose another sandbox name (--name)"));
        }
        ExecResult r = LocalCommand.run("ip", "-4", "-o", "addr", "show");
        Pattern taken = Pattern.compile("inet " + Pattern.quote(spec.subnetPrefix() + ".") + "\\d+/");
        if (taken.matcher(r.stdout()).find()) {
            throw new SandboxException(Text.of("本机已有 " + spec.subnet() + " 网段的地址；请换一个网段（--subnet）",
                    "This machine already has an address in " + spec.subnet() + "; choose another subnet (--subnet)"));
        }
    }

    /** Sleeps; an interrupt becomes a {@link SandboxException} (the wait is being cancelled). */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException(Text.of("被中断", "Interrupted"), e);
        }
    }
}
