package dev.labtutor.sandbox;

import dev.labtutor.io.FileTree;
import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.i18n.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * A running local lab: one network namespace per host on a bridge, a link from the machine
 * (address {@code .1}, no default route anywhere) so the tutor reaches the hosts over real SSH,
 * and per host a mount and UTS namespace held open by an anchor process (resource
 * {@code anchor.sh}) that also boots the host: its own root, firewalld's nftables rules and a real
 * sshd. On the machine's kernel ({@link SandboxKernel#MACHINE}) the bridge lives in its own
 * namespace and the link is a veth; in a VM ({@link SandboxKernel#VM}, see {@link VmLab}) the same
 * hosts run inside one qemu VM on a distribution kernel and the link is qemu's tap. Everything
 * needed to tear it down is in {@code state.properties}, so {@link #down(Path)} works from a
 * fresh process after a crash.
 */
public final class Sandbox {

    private static final Duration HOST_BOOT_TIMEOUT = Duration.ofSeconds(60);
    /** How long a host in the VM may take to accept its first SSH login once its sshd listens. */
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(120);
    private static final String RESOURCES = "/dev/labtutor/sandbox/";
    private static final List<String> STAND_INS = List.of("labtutor-lib.sh", "systemctl", "dnf", "yum", "rpm",
            "getenforce", "setenforce", "firewall-cmd", "journalctl", "keepalived-log", "httpd", "apachectl");
    /** openEuler's httpd configuration, laid down by {@code dnf install httpd} (see bin/dnf). */
    private static final List<String> HTTPD_DIST = List.of("httpd.conf", "00-base.conf", "00-mpm.conf");
    /** PATH for commands run with {@link #exec}: stand-ins first, as in the hosts' SSH sessions. */
    private static final String HOST_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /** Fault table: drops VRRP (IP protocol 112) in and out, ahead of firewalld's chain. */
    private static final String VRRP_DROP = """
            table inet labtutor_fault {
            	chain input { type filter hook input priority -10; policy accept; ip protocol vrrp drop; }
            	chain output { type filter hook output priority -10; policy accept; ip protocol vrrp drop; }
            }
            """;

    private final SandboxSpec spec;
    private final Map<SandboxRole, Long> anchors;
    private final Duration startupTime;
    private final KernelChoice choice;
    /** The VM the hosts run in; null on the machine's kernel. */
    private final VmLab vm;

    private Sandbox(SandboxSpec spec, Map<SandboxRole, Long> anchors, Duration startupTime, KernelChoice choice,
                    VmLab vm) {
        this.spec = spec;
        this.anchors = new LinkedHashMap<>(anchors);
        this.startupTime = startupTime;
        this.choice = choice;
        this.vm = vm;
    }

    /** What a start reports while it runs: each line of progress as it happens (the lines {@code sandbox up} prints). */
    @FunctionalInterface
    public interface Listener {
        void progress(String line);
    }

    /** {@link #up(SandboxSpec, PrintWriter)} with each line of progress handed to {@code listener}. */
    public static Sandbox up(SandboxSpec spec, Listener listener) {
        try (ProgressLines lines = new ProgressLines(listener::progress)) {
            return up(spec, new PrintWriter(lines, true));
        }
    }

    /** {@link #up(SandboxSpec, PrintWriter)} without progress output. */
    public static Sandbox up(SandboxSpec spec) {
        return up(spec, new PrintWriter(PrintWriter.nullWriter()));
    }

    /**
     * Builds and boots the sandbox and returns once every host's sshd accepts connections: on the
     * machine's kernel or in a VM as {@link SandboxSpec#kernel()} says ({@link SandboxKernel#AUTO}:
     * the VM when the machine's kernel lacks ip_vs or nfsd). Leftovers of an earlier sandbox with
     * the same name (crashed or killed labtutor, killed qemu) are removed first; a sandbox of that
     * name that is still running, or still being brought up by another process, is an error. On
     * failure, and on Ctrl-C, everything created so far is removed again.
     *
     * @param out receives progress, then the subnet, VIP, interface, hosts, kernel and the time it took
     * @throws SandboxException with the one sentence to show the learner
     */
    public static Sandbox up(SandboxSpec spec, PrintWriter out) {
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
        Optional<SandboxState> existing = SandboxState.read(spec.stateDir());
        if (existing.isPresent()) {
            SandboxState old = existing.get();
            Sandbox leftover = fromState(old);
            if (!old.complete() && ProcessHandle.of(old.upPid()).map(ProcessHandle::isAlive).orElse(false)
                    && old.upPid() != ProcessHandle.current().pid()) {
                throw new SandboxException(Text.of(
                        "沙箱 " + spec.name() + " 正在由另一个进程（" + old.upPid() + "）启动",
                        "Sandbox " + spec.name() + " is being brought up by another process (pid " + old.upPid() + ")"));
            }
            if (old.complete() && leftover.running()) {
                throw new SandboxException(Text.of(
                        "沙箱 " + spec.name() + " 已在运行；先运行：sudo labtutor sandbox down" + spec.whereOptions(),
                        "Sandbox " + spec.name() + " is already up; run first: sudo labtutor sandbox down" + spec.whereOptions()));
            }
            leftover.down();
        }
        refuseTakenSubnet(resolved);
        FileTree.delete(spec.stateDir());
        long self = ProcessHandle.current().pid();
        new SandboxState(resolved, Map.of(), choice, 0, self).write();
        VmLab vm = choice.kernel() == SandboxKernel.VM ? new VmLab(resolved, 0) : null;
        Sandbox sandbox = new Sandbox(resolved, Map.of(), Duration.ZERO, choice, vm);
        Thread cleanup = new Thread(sandbox::down, "labtutor-sandbox-up-cancelled");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            out.println("Sandbox " + spec.name() + ": " + choice.reason().en());
            out.flush();
            Map<SandboxRole, Long> anchors = vm != null ? sandbox.buildInVm(out) : sandbox.build();
            new SandboxState(resolved, anchors, choice, vm != null ? vm.qemuPid() : 0, 0).write();
            Sandbox upNow = new Sandbox(resolved, anchors, Duration.ofNanos(System.nanoTime() - start), choice, vm);
            upNow.printSummary(out);
            return upNow;
        } catch (RuntimeException e) {
            if (System.getenv("LABTUTOR_SANDBOX_KEEP_FAILED") == null) {
                sandbox.down();
            } else {
                out.println("LABTUTOR_SANDBOX_KEEP_FAILED is set: leaving the failed sandbox in " + spec.stateDir()
                        + " for inspection; remove it with: labtutor sandbox down" + spec.whereOptions());
                out.flush();
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

    /** The sandbox whose state is in {@code stateDir}, running or not; empty when there is none. */
    public static Optional<Sandbox> open(Path stateDir) {
        return SandboxState.read(stateDir).map(Sandbox::fromState);
    }

    private static Sandbox fromState(SandboxState s) {
        VmLab vm = s.choice().kernel() == SandboxKernel.VM ? new VmLab(s.spec(), s.vmPid()) : null;
        return new Sandbox(s.spec(), s.anchorPids(), Duration.ZERO, s.choice(), vm);
    }

    /** Where the hosts run and why (machine kernel or VM). */
    public KernelChoice kernel() {
        return choice;
    }

    /** True while the sandbox runs: its VM, or on the machine's kernel any host's anchor. */
    public boolean running() {
        return vm != null ? vm.alive() : anyAnchorAlive();
    }

    /**
     * Removes whatever the state in {@code stateDir} lists: processes inside the sandbox's
     * namespaces, the namespaces, the root link, then the state dir. Safe to call twice and on
     * a half-built sandbox. Returns false when there was no state (nothing to do).
     */
    public static boolean down(Path stateDir) {
        Optional<Sandbox> s = open(stateDir);
        s.ifPresent(Sandbox::down);
        return s.isPresent();
    }

    /** Keys, stand-ins and each host's files: the same on the machine's kernel and in a VM. */
    private void prepareHosts(Path... extraKeys) {
        Path dir = spec.stateDir();
        installStandIns(dir.resolve("bin"));
        List<CompletableFuture<ExecResult>> keygens = new ArrayList<>();
        keygens.add(keygen(privateKey(), "labtutor-sandbox-" + spec.name()));
        for (SandboxRole role : spec.roles()) {
            keygens.add(keygen(new HostFiles(spec, role).hostKey(), "root@" + role.id()));
        }
        for (Path key : extraKeys) {
            keygens.add(keygen(key, "root@labtutor-vm"));
        }
        keygens.forEach(CompletableFuture::join);
        String authorized = read(publicKey());
        for (SandboxRole role : spec.roles()) {
            new HostFiles(spec, role).create(authorized);
        }
    }

    private Map<SandboxRole, Long> buildInVm(PrintWriter out) {
        VmImage image = VmImage.find().orElseThrow(() -> new SandboxException(VmLab.problem().orElseThrow()));
        prepareHosts(vm.hostKey());
        vm.boot(image, out, pid -> new SandboxState(spec, Map.of(), choice, pid, ProcessHandle.current().pid()).write());
        for (SandboxRole role : spec.roles()) {
            awaitPort(role, spec.address(role), 22);
        }
        writeKnownHosts();
        awaitLogins();
        vm.awaitControl();
        writeString(labFile(), SandboxLabFile.render(spec, hosts(), privateKey(), knownHosts()));
        return Map.of();
    }

    /** A real SSH login to every host at once, so "up" means usable over SSH (and the hosts' sshd is warm). */
    private void awaitLogins() {
        List<CompletableFuture<Optional<String>>> logins = new ArrayList<>();
        for (SandboxRole role : spec.roles()) {
            logins.add(CompletableFuture.supplyAsync(() -> {
                long deadline = System.nanoTime() + LOGIN_TIMEOUT.toNanos();
                String why;
                do {
                    try {
                        ExecResult r = LocalCommand.run(sshArgv(role, "true"), LOGIN_TIMEOUT, null);
                        if (r.exitStatus() == 0) {
                            return Optional.<String>empty();
                        }
                        why = r.stderr().isBlank() ? "exit " + r.exitStatus() : r.stderr().strip();
                    } catch (SandboxException timedOut) {
                        why = timedOut.getMessage();
                    }
                } while (System.nanoTime() < deadline && pause(200));
                return Optional.of(role.id() + ": " + why);
            }));
        }
        List<String> failed = logins.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList();
        if (!failed.isEmpty()) {
            throw new SandboxException(Text.of("沙箱主机无法通过 SSH 登录：" + String.join("；", failed),
                    "Sandbox hosts do not accept SSH logins: " + String.join("; ", failed)));
        }
    }

    /** The system ssh client's argv for a batch login to {@code role} with the sandbox key and known_hosts. */
    List<String> sshArgv(SandboxRole role, String command) {
        return List.of("ssh", "-F", "/dev/null", "-i", privateKey().toString(), "-o", "IdentitiesOnly=yes",
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + knownHosts(),
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10", "root@" + spec.address(role), command);
    }

    private static boolean pause(long millis) {
        sleep(millis);
        return true;
    }

    private Map<SandboxRole, Long> build() {
        prepareHosts();
        Path bin = spec.stateDir().resolve("bin");
        buildNetwork();
        Map<SandboxRole, Process> launched = new LinkedHashMap<>();
        for (SandboxRole role : spec.roles()) {
            launched.put(role, launchAnchor(role, bin));
        }
        Map<SandboxRole, Long> pids = new LinkedHashMap<>();
        for (SandboxRole role : spec.roles()) {
            pids.put(role, awaitAnchor(role, launched.get(role)));
        }
        anchors.putAll(pids);
        new SandboxState(spec, pids, choice, 0, ProcessHandle.current().pid()).write();
        for (SandboxRole role : spec.roles()) {
            awaitPort(role, spec.address(role), 22);
        }
        writeKnownHosts();
        writeString(labFile(), SandboxLabFile.render(spec, hosts(), privateKey(), knownHosts()));
        return pids;
    }

    private void installStandIns(Path bin) {
        try {
            Files.createDirectories(bin);
            for (String name : STAND_INS) {
                copyResource("bin/" + name, bin.resolve(name), true);
            }
            Files.createDirectories(bin.resolve("httpd-dist"));
            for (String name : HTTPD_DIST) {
                copyResource("httpd/" + name, bin.resolve("httpd-dist").resolve(name), false);
            }
            copyResource("keepalived.conf.sample", bin.resolve("keepalived.conf.sample"), false);
            copyResource("firewalld.nft", bin.resolve("firewalld.nft"), false);
            copyResource("anchor.sh", spec.stateDir().resolve("anchor.sh"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyResource(String name, Path target, boolean executable) throws IOException {
        try (InputStream in = Sandbox.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    private static CompletableFuture<ExecResult> keygen(Path key, String comment) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Files.createDirectories(key.getParent());
                Files.deleteIfExists(key);
                Files.deleteIfExists(Path.of(key + ".pub"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalCommand.check("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", key.toString());
            return null;
        });
    }

    private void buildNetwork() {
        String sw = spec.switchNamespace();
        String root = spec.rootLink();
        LocalCommand.check("ip", "netns", "add", sw);
        LocalCommand.check("ip", "-n", sw, "link", "add", "br0", "type", "bridge");
        LocalCommand.check("ip", "-n", sw, "link", "set", "br0", "up");
        LocalCommand.check("ip", "link", "add", root, "type", "veth", "peer", "name", "uplink", "netns", sw);
        LocalCommand.run("sysctl", "-q", "-w", "net.ipv6.conf." + root + ".disable_ipv6=1");
        LocalCommand.check("ip", "-n", sw, "link", "set", "uplink", "master", "br0", "up");
        LocalCommand.check("ip", "addr", "add", spec.tutorAddress() + "/24", "dev", root);
        LocalCommand.check("ip", "link", "set", root, "up");
        for (SandboxRole role : spec.roles()) {
            String ns = spec.hostNamespace(role);
            LocalCommand.check("ip", "netns", "add", ns);
            LocalCommand.check("ip", "-n", sw, "link", "add", role.id(), "type", "veth", "peer", "name", spec.iface(),
                    "netns", ns);
            LocalCommand.check("ip", "-n", sw, "link", "set", role.id(), "master", "br0", "up");
            LocalCommand.check("ip", "-n", ns, "addr", "add", spec.address(role) + "/24", "dev", spec.iface());
            LocalCommand.check("ip", "-n", ns, "link", "set", spec.iface(), "up");
        }
    }

    private Process launchAnchor(SandboxRole role, Path bin) {
        HostFiles files = new HostFiles(spec, role);
        ProcessBuilder pb = new ProcessBuilder("setsid", "ip", "netns", "exec", spec.hostNamespace(role),
                "unshare", "--mount", "--uts", "--propagation", "private",
                "bash", spec.stateDir().resolve("anchor.sh").toString(), files.dir().toString(), role.id(),
                bin.toString());
        pb.environment().clear();
        pb.environment().put("PATH", HOST_PATH);
        pb.environment().put("LANG", "C.UTF-8");
        pb.directory(new java.io.File("/"));
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectErrorStream(true);
        pb.redirectOutput(files.dir().resolve("anchor.log").toFile());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long awaitAnchor(SandboxRole role, Process process) {
        HostFiles files = new HostFiles(spec, role);
        Path pidFile = files.dir().resolve("anchor.pid");
        long deadline = System.nanoTime() + HOST_BOOT_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isRegularFile(pidFile)) {
                String pid = read(pidFile).strip();
                if (!pid.isEmpty()) {
                    return Long.parseLong(pid);
                }
            }
            if (!process.isAlive()) {
                break;
            }
            sleep(20);
        }
        String log = Files.exists(files.dir().resolve("anchor.log")) ? read(files.dir().resolve("anchor.log")).strip() : "";
        throw new SandboxException(Text.of("沙箱主机 " + role.id() + " 启动失败：" + log,
                "Sandbox host " + role.id() + " did not boot: " + (log.isEmpty() ? "timed out" : log)));
    }

    private void awaitPort(SandboxRole role, String address, int port) {
        long deadline = System.nanoTime() + HOST_BOOT_TIMEOUT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), 500);
                return;
            } catch (IOException e) {
                last = e;
                sleep(20);
            }
        }
        throw new SandboxException(Text.of("沙箱主机 " + role.id() + " 的 sshd 没有在 " + address + ":" + port + " 上监听",
                "Sandbox host " + role.id() + ": sshd is not listening on " + address + ":" + port + " (" + last + ")"));
    }

    private void writeKnownHosts() {
        StringBuilder sb = new StringBuilder();
        for (SandboxRole role : spec.roles()) {
            sb.append(knownHostsLine(role));
        }
        writeString(knownHosts(), sb.toString());
    }

    private String knownHostsLine(SandboxRole role) {
        String[] pub = read(Path.of(new HostFiles(spec, role).hostKey() + ".pub")).strip().split("\\s+");
        return spec.address(role) + " " + pub[0] + " " + pub[1] + "\n";
    }

    private void printSummary(PrintWriter out) {
        out.printf("Sandbox %s up in %.2f s: subnet %s, VIP %s, interface %s, tutor address %s (no default route)%n",
                spec.name(), startupTime.toMillis() / 1000.0, spec.subnet(), spec.vip(), spec.iface(),
                spec.tutorAddress());
        out.printf("Kernel:      %s%n", vm != null ? "VM (qemu pid " + vm.qemuPid() + ", tap " + spec.rootLink() + ") - "
                + choice.reason().en() : choice.reason().en());
        for (SandboxHost h : hosts()) {
            out.printf("  %-10s %-15s netns %s%s%n", h.role().id(), h.address(), h.namespace(), vm != null ? " (in the VM)" : "");
        }
        out.printf("Lab file:    %s%nKey:         %s%nknown_hosts: %s%n", labFile(), privateKey(), knownHosts());
        out.flush();
    }

    /** Removes everything; see {@link #down(Path)}. */
    public void down() {
        if (vm != null) {
            vm.down();
            FileTree.delete(spec.stateDir());
            return;
        }
        List<String> namespaces = new SandboxState(spec, anchors, choice, 0, 0).namespaces();
        List<Long> victims = new ArrayList<>();
        for (String ns : namespaces) {
            victims.addAll(pidsIn(ns));
        }
        anchors.values().stream().filter(Sandbox::isAnchor).forEach(victims::add);
        terminate(victims);
        for (String ns : namespaces) {
            if (namespaceExists(ns)) {
                LocalCommand.run("ip", "netns", "del", ns);
            }
        }
        if (LocalCommand.run("ip", "link", "show", "dev", spec.rootLink()).exitStatus() == 0) {
            LocalCommand.run("ip", "link", "del", spec.rootLink());
        }
        FileTree.delete(spec.stateDir());
    }

    private static List<Long> pidsIn(String ns) {
        if (!namespaceExists(ns)) {
            return List.of();
        }
        ExecResult r = LocalCommand.run("ip", "netns", "pids", ns);
        return Arrays.stream(r.stdout().split("\\s+")).filter(s -> s.matches("\\d+")).map(Long::parseLong).toList();
    }

    private static boolean namespaceExists(String ns) {
        return Files.exists(Path.of("/run/netns", ns));
    }

    /** True when {@code pid} is still one of our anchors, not a recycled pid of something else. */
    private static boolean isAnchor(long pid) {
        try {
            byte[] cmd = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(cmd, StandardCharsets.UTF_8).startsWith("labtutor-anchor-");
        } catch (IOException e) {
            return false;
        }
    }

    private static void terminate(List<Long> pids) {
        List<ProcessHandle> alive = pids.stream().distinct().map(ProcessHandle::of).flatMap(Optional::stream).toList();
        alive.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (alive.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            sleep(20);
        }
        alive.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        long killDeadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (alive.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < killDeadline) {
            sleep(20);
        }
    }

    /** Per host: running, sshd up, keepalived up, and its IPv4 addresses. */
    public SandboxStatus status() {
        if (vm != null) {
            return vmStatus();
        }
        List<SandboxStatus.Host> list = new ArrayList<>();
        for (SandboxRole role : spec.roles()) {
            boolean running = anchorAlive(role);
            List<String> addresses = new ArrayList<>();
            if (namespaceExists(spec.hostNamespace(role))) {
                ExecResult r = LocalCommand.run("ip", "-n", spec.hostNamespace(role), "-4", "-o", "addr", "show");
                for (String line : r.stdout().split("\n")) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length > 3 && f[2].equals("inet")) {
                        addresses.add(f[3]);
                    }
                }
            }
            list.add(new SandboxStatus.Host(role, spec.address(role), running,
                    running && pidFileAlive(role, "/run/sshd.pid"), running && pidFileAlive(role, "/run/keepalived.pid"),
                    addresses));
        }
        return new SandboxStatus(spec.name(), spec.subnet(), spec.vip(), list);
    }

    /** The VM's vm/status: one line per host, ROLE RUNNING SSHD KEEPALIVED ADDRESSES. */
    private SandboxStatus vmStatus() {
        Map<String, String[]> lines = new LinkedHashMap<>();
        if (vm.alive()) {
            ExecResult r = vm.guest(Duration.ofSeconds(30), "/.lt/state/vm/status");
            for (String line : r.stdout().split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 5) {
                    lines.put(f[0], f);
                }
            }
        }
        List<SandboxStatus.Host> list = new ArrayList<>();
        for (SandboxRole role : spec.roles()) {
            String[] f = lines.getOrDefault(role.id(), new String[] {role.id(), "no", "no", "no", "-"});
            List<String> addresses = f[4].equals("-") ? List.of() : List.of(f[4].split(","));
            list.add(new SandboxStatus.Host(role, spec.address(role), f[1].equals("yes"), f[2].equals("yes"),
                    f[3].equals("yes"), addresses));
        }
        return new SandboxStatus(spec.name(), spec.subnet(), spec.vip(), list);
    }

    private boolean pidFileAlive(SandboxRole role, String relative) {
        return hostPid(role, relative).flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    private Optional<Long> hostPid(SandboxRole role, String relative) {
        Path file = hostPath(role, relative);
        try {
            String s = Files.readString(file).strip();
            return s.matches("\\d+") ? Optional.of(Long.parseLong(s)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * A path as host {@code role} sees it (its /etc overlay, its private /run), read or written
     * from the root namespace through {@code /proc/ANCHOR/root}.
     */
    public Path hostPath(SandboxRole role, String absolute) {
        requireMachineKernel("hostPath");
        String rel = absolute.startsWith("/") ? absolute.substring(1) : absolute;
        return Path.of("/proc", Long.toString(anchorPid(role)), "root").resolve(rel);
    }

    private boolean anchorAlive(SandboxRole role) {
        Long pid = anchors.get(role);
        return pid != null && isAnchor(pid);
    }

    private boolean anyAnchorAlive() {
        return spec.roles().stream().anyMatch(this::anchorAlive);
    }

    private long anchorPid(SandboxRole role) {
        Long pid = anchors.get(role);
        if (pid == null || !isAnchor(pid)) {
            throw new SandboxException(Text.of("沙箱主机 " + role.id() + " 没有运行；请运行：sudo labtutor sandbox reset" + spec.whereOptions(),
                    "Sandbox host " + role.id() + " is not running; run: sudo labtutor sandbox reset" + spec.whereOptions()));
        }
        return pid;
    }

    /**
     * Runs {@code command} inside host {@code role}: its network, mount and UTS namespaces, as
     * root, with the stand-ins first on PATH (as in an SSH session there) and {@code LC_ALL=C}.
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
        if (vm != null) {
            return vm.exec(role, timeout, stdin, Arrays.asList(command));
        }
        List<String> argv = new ArrayList<>(nsenter(role));
        argv.addAll(List.of("env", "-i", "PATH=" + HOST_PATH, "HOME=/root", "LC_ALL=C", "USER=root", "LOGNAME=root"));
        argv.addAll(Arrays.asList(command));
        return LocalCommand.run(argv, timeout, stdin);
    }

    /** {@link #exec} of {@code sh -c script}. */
    public ExecResult sh(SandboxRole role, String script) {
        return exec(role, "sh", "-c", script);
    }

    /**
     * The nsenter prefix that enters host {@code role}; {@code ssh HOST} uses it when there is no
     * ssh client. Only on the machine's kernel: a VM's hosts are reached over SSH.
     */
    public List<String> nsenter(SandboxRole role) {
        requireMachineKernel("nsenter");
        return List.of("nsenter", "-t", Long.toString(anchorPid(role)), "-m", "-u", "-n", "--wd=/root", "--");
    }

    /** Injects {@code fault}; see {@link SandboxFault} for what each does. */
    public void inject(SandboxFault fault) {
        SandboxRole role = fault.role();
        requireRole(role);
        if (fault instanceof SandboxFault.VrrpBlocked) {
            requireOk(role, exec(role, LocalCommand.DEFAULT_TIMEOUT, VRRP_DROP.getBytes(StandardCharsets.UTF_8),
                    "nft", "-f", "-"));
        } else if (fault instanceof SandboxFault.KeepalivedStopped) {
            requireOk(role, sh(role, "systemctl stop keepalived"));
        } else if (fault instanceof SandboxFault.KeepalivedSetting f) {
            String conf = "/etc/keepalived/keepalived.conf";
            ExecResult current = exec(role, "cat", conf);
            if (current.exitStatus() != 0) {
                throw new SandboxException(Text.of(role.id() + " 上还没有 " + conf, role.id() + " has no " + conf + " yet"));
            }
            String changed = KeepalivedConfEdit.set(current.stdout(), f.keyword().word(), f.value());
            requireOk(role, exec(role, LocalCommand.DEFAULT_TIMEOUT, changed.getBytes(StandardCharsets.UTF_8),
                    "sh", "-c", "cat > \"$0\"", conf));
            requireOk(role, sh(role, "systemctl restart keepalived"));
        } else if (fault instanceof SandboxFault.SshdStopped) {
            stopSshd(role);
        } else if (fault instanceof SandboxFault.HostKeyChanged) {
            stopSshd(role);
            keygen(new HostFiles(spec, role).hostKey(), "root@" + role.id()).join();
            startSshd(role);
        }
    }

    /** Stops the host's sshd (the listener; sessions already open end with it) and waits until it is gone. */
    private void stopSshd(SandboxRole role) {
        requireOk(role, sh(role, SSHD_ALIVE + "if alive; then kill \"$(cat /run/sshd.pid)\"; fi; "
                + "for i in $(seq 50); do alive || exit 0; sleep 0.1; done; exit 1"));
    }

    private static final String SSHD_ALIVE = "alive() { [ -s /run/sshd.pid ] && kill -0 \"$(cat /run/sshd.pid)\" 2>/dev/null; }; ";

    /** Starts the sshd of host {@code role} again (after {@link SandboxFault.SshdStopped}); a no-op when it runs. */
    public void startSshd(SandboxRole role) {
        requireOk(role, exec(role, "bash", "-c", SSHD_ALIVE + "alive && exit 0; "
                + ". /usr/local/sbin/labtutor-lib.sh && lt_start_sshd"));
        awaitPort(role, spec.address(role), 22);
    }

    private void requireRole(SandboxRole role) {
        if (!spec.roles().contains(role)) {
            throw new SandboxException(Text.of("这个沙箱里没有主机 " + role.id(),
                    "This sandbox has no host " + role.id() + " (hosts: " + spec.roles() + ")"));
        }
    }

    private void requireMachineKernel(String what) {
        if (vm != null) {
            throw new SandboxException(Text.of("沙箱 " + spec.name() + " 在虚拟机中运行，" + what + " 只适用于本机内核；请用 exec 或 SSH",
                    "Sandbox " + spec.name() + " runs in a VM: " + what + " works on the machine's kernel only; use exec or SSH"));
        }
    }

    private static void requireOk(SandboxRole role, ExecResult r) {
        if (r.exitStatus() != 0) {
            throw new SandboxException(Text.of(role.id() + "：" + r.stderr().strip(), role.id() + ": " + r.stderr().strip()));
        }
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
        return hosts().stream().map(h -> new HostSpec(h.role().id(), h.address(), 22, "root",
                Optional.of(privateKey()), Optional.empty(), false)).toList();
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
        return spec.stateDir().resolve("id_ed25519");
    }

    Path publicKey() {
        return spec.stateDir().resolve("id_ed25519.pub");
    }

    public Path knownHosts() {
        return spec.stateDir().resolve("known_hosts");
    }

    public Path labFile() {
        return spec.stateDir().resolve("lab.yaml");
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
     * The pids of the anchors, one per host; every other process of a host runs in its network
     * namespace. Empty for a VM sandbox (its hosts' processes are the VM's).
     */
    public Map<SandboxRole, Long> anchorPids() {
        return Map.copyOf(anchors);
    }

    /** How long {@link #up} took; zero for a sandbox found by {@link #open}. */
    public Duration startupTime() {
        return startupTime;
    }

    private static void refuseTakenSubnet(SandboxSpec spec) {
        if (LocalCommand.run("ip", "link", "show", "dev", spec.rootLink()).exitStatus() == 0) {
            throw new SandboxException(Text.of("本机已有名为 " + spec.rootLink() + " 的网络接口；请换一个沙箱名（--name）",
                    "This machine already has a link named " + spec.rootLink() + "; choose another sandbox name (--name)"));
        }
        ExecResult r = LocalCommand.run("ip", "-4", "-o", "addr", "show");
        Pattern taken = Pattern.compile("inet " + Pattern.quote(spec.subnetPrefix() + ".") + "\\d+/");
        if (taken.matcher(r.stdout()).find()) {
            throw new SandboxException(Text.of("本机已有 " + spec.subnet() + " 网段的地址；请换一个网段（--subnet）",
                    "This machine already has an address in " + spec.subnet() + "; choose another subnet (--subnet)"));
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(Path p, String s) {
        try {
            Files.writeString(p, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
