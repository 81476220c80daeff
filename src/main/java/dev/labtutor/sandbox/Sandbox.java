package dev.labtutor.sandbox;

import dev.labtutor.host.ExecResult;
import dev.labtutor.host.HostSpec;
import dev.labtutor.i18n.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
 * A running local lab: one network namespace per host on a bridge that lives in its own
 * namespace, a veth from the root namespace (address {@code .1}, no default route anywhere) so
 * the tutor reaches the hosts over real SSH, and per host a mount and UTS namespace held open by
 * an anchor process (resource {@code anchor.sh}) that also boots the host: firewalld's nftables
 * rules and a real sshd. Everything needed to tear it down is in {@code state.properties}, so
 * {@link #down(Path)} works from a fresh process after a crash.
 */
public final class Sandbox {

    private static final Duration HOST_BOOT_TIMEOUT = Duration.ofSeconds(15);
    private static final String RESOURCES = "/dev/labtutor/sandbox/";
    private static final List<String> STAND_INS = List.of("labtutor-lib.sh", "systemctl", "dnf", "yum", "rpm",
            "getenforce", "setenforce", "firewall-cmd", "journalctl", "keepalived-log");
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

    private Sandbox(SandboxSpec spec, Map<SandboxRole, Long> anchors, Duration startupTime) {
        this.spec = spec;
        this.anchors = new LinkedHashMap<>(anchors);
        this.startupTime = startupTime;
    }

    /** {@link #up(SandboxSpec, PrintWriter)} without progress output. */
    public static Sandbox up(SandboxSpec spec) {
        return up(spec, new PrintWriter(PrintWriter.nullWriter()));
    }

    /**
     * Builds and boots the sandbox and returns once every host's sshd accepts connections.
     * Leftovers of an earlier sandbox with the same name (crashed JVM) are removed first; a
     * sandbox of that name that is still running is an error. On failure everything created so
     * far is removed again.
     *
     * @param out receives the subnet, VIP, interface, hosts and the time it took
     * @throws SandboxException with the one sentence to show the learner
     */
    public static Sandbox up(SandboxSpec spec, PrintWriter out) {
        SandboxPreflight.problem().ifPresent(p -> {
            throw new SandboxException(p);
        });
        long start = System.nanoTime();
        Optional<Sandbox> existing = open(spec.stateDir());
        if (existing.isPresent()) {
            if (existing.get().anyAnchorAlive()) {
                throw new SandboxException(Text.of(
                        "沙箱 " + spec.name() + " 已在运行；先运行：sudo labtutor sandbox down",
                        "Sandbox " + spec.name() + " is already up; run first: sudo labtutor sandbox down"));
            }
            existing.get().down();
        }
        refuseTakenSubnet(spec);
        SandboxState planned = new SandboxState(spec, Map.of());
        deleteTree(spec.stateDir());
        planned.write();
        Sandbox sandbox = new Sandbox(spec, Map.of(), Duration.ZERO);
        try {
            Map<SandboxRole, Long> anchors = sandbox.build();
            Sandbox upNow = new Sandbox(spec, anchors, Duration.ofNanos(System.nanoTime() - start));
            upNow.printSummary(out);
            return upNow;
        } catch (RuntimeException e) {
            sandbox.down();
            throw e;
        }
    }

    /** The sandbox whose state is in {@code stateDir}, running or not; empty when there is none. */
    public static Optional<Sandbox> open(Path stateDir) {
        return SandboxState.read(stateDir).map(s -> new Sandbox(s.spec(), s.anchorPids(), Duration.ZERO));
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

    private Map<SandboxRole, Long> build() {
        Path dir = spec.stateDir();
        Path bin = dir.resolve("bin");
        installStandIns(bin);
        List<CompletableFuture<ExecResult>> keygens = new ArrayList<>();
        keygens.add(keygen(privateKey(), "labtutor-sandbox-" + spec.name()));
        for (SandboxRole role : spec.roles()) {
            keygens.add(keygen(new HostFiles(spec, role).hostKey(), "root@" + role.id()));
        }
        keygens.forEach(CompletableFuture::join);
        String authorized = read(publicKey());
        for (SandboxRole role : spec.roles()) {
            new HostFiles(spec, role).create(authorized);
        }
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
        new SandboxState(spec, pids).write();
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
        for (SandboxHost h : hosts()) {
            out.printf("  %-10s %-15s netns %s%n", h.role().id(), h.address(), h.namespace());
        }
        out.printf("Lab file:    %s%nKey:         %s%nknown_hosts: %s%n", labFile(), privateKey(), knownHosts());
        out.flush();
    }

    /** Removes everything; see {@link #down(Path)}. */
    public void down() {
        List<String> namespaces = new SandboxState(spec, anchors).namespaces();
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
        deleteTree(spec.stateDir());
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
            throw new SandboxException(Text.of("沙箱主机 " + role.id() + " 没有运行；请运行：sudo labtutor sandbox reset",
                    "Sandbox host " + role.id() + " is not running; run: sudo labtutor sandbox reset"));
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
        List<String> argv = new ArrayList<>(nsenter(role));
        argv.addAll(List.of("env", "-i", "PATH=" + HOST_PATH, "HOME=/root", "LC_ALL=C", "USER=root", "LOGNAME=root"));
        argv.addAll(Arrays.asList(command));
        return LocalCommand.run(argv, timeout, null);
    }

    /** {@link #exec} of {@code sh -c script}. */
    public ExecResult sh(SandboxRole role, String script) {
        return exec(role, "sh", "-c", script);
    }

    /** The nsenter prefix that enters host {@code role}; {@code ssh HOST} uses it when there is no ssh client. */
    public List<String> nsenter(SandboxRole role) {
        return List.of("nsenter", "-t", Long.toString(anchorPid(role)), "-m", "-u", "-n", "--wd=/root", "--");
    }

    /** Injects {@code fault}; see {@link SandboxFault} for what each does. */
    public void inject(SandboxFault fault) {
        SandboxRole role = fault.role();
        requireRole(role);
        if (fault instanceof SandboxFault.VrrpBlocked) {
            LocalCommand.run(List.of("ip", "netns", "exec", spec.hostNamespace(role), "nft", "-f", "-"),
                    LocalCommand.DEFAULT_TIMEOUT, VRRP_DROP.getBytes(StandardCharsets.UTF_8));
        } else if (fault instanceof SandboxFault.KeepalivedStopped) {
            requireOk(role, sh(role, "systemctl stop keepalived"));
        } else if (fault instanceof SandboxFault.KeepalivedSetting f) {
            Path conf = hostPath(role, "/etc/keepalived/keepalived.conf");
            if (!Files.isRegularFile(conf)) {
                throw new SandboxException(Text.of(role.id() + " 上还没有 /etc/keepalived/keepalived.conf",
                        role.id() + " has no /etc/keepalived/keepalived.conf yet"));
            }
            writeString(conf, KeepalivedConfEdit.set(read(conf), f.keyword().word(), f.value()));
            requireOk(role, sh(role, "systemctl restart keepalived"));
        } else if (fault instanceof SandboxFault.SshdStopped) {
            stopSshd(role);
        } else if (fault instanceof SandboxFault.HostKeyChanged) {
            stopSshd(role);
            keygen(new HostFiles(spec, role).hostKey(), "root@" + role.id()).join();
            startSshd(role);
        }
    }

    private void stopSshd(SandboxRole role) {
        hostPid(role, "/run/sshd.pid").flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroy);
        awaitGone(role, "/run/sshd.pid");
    }

    /** Starts the sshd of host {@code role} again (after {@link SandboxFault.SshdStopped}); a no-op when it runs. */
    public void startSshd(SandboxRole role) {
        if (pidFileAlive(role, "/run/sshd.pid")) {
            return;
        }
        awaitGone(role, "/run/sshd.pid");
        List<String> argv = new ArrayList<>(nsenter(role));
        argv.addAll(List.of("/usr/sbin/sshd", "-f", "/run/labtutor/ssh/sshd_config", "-E", "/var/log/secure"));
        LocalCommand.check(argv.toArray(String[]::new));
        awaitPort(role, spec.address(role), 22);
    }

    private void awaitGone(SandboxRole role, String pidFile) {
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (pidFileAlive(role, pidFile) && System.nanoTime() < deadline) {
            sleep(20);
        }
    }

    private void requireRole(SandboxRole role) {
        if (!spec.roles().contains(role)) {
            throw new SandboxException(Text.of("这个沙箱里没有主机 " + role.id(),
                    "This sandbox has no host " + role.id() + " (hosts: " + spec.roles() + ")"));
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

    /** This host's /var/log/messages as a file in the root namespace. */
    public Path messages(SandboxRole role) {
        return new HostFiles(spec, role).logDir().resolve("messages");
    }

    /** The pids of the anchors, one per host; every other process of a host runs in its network namespace. */
    public Map<SandboxRole, Long> anchorPids() {
        return Map.copyOf(anchors);
    }

    /** How long {@link #up} took; zero for a sandbox found by {@link #open}. */
    public Duration startupTime() {
        return startupTime;
    }

    private static void refuseTakenSubnet(SandboxSpec spec) {
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

    private static void deleteTree(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException(Text.of("被中断", "Interrupted"), e);
        }
    }
}
