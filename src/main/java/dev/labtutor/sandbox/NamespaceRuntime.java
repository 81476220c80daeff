package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;
import dev.labtutor.io.FileTree;
import dev.labtutor.lab.ExecResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hosts on this machine's kernel: one network namespace per host on a bridge in its own namespace, a veth from the
 * machine (address {@code .1}), and per host a mount and UTS namespace held open by an anchor process (resource
 * {@code anchor.sh}) that boots the host.
 */
final class NamespaceRuntime implements HostRuntime {

    /** PATH for commands run with {@link #exec}: stand-ins first, as in the hosts' SSH sessions. */
    private static final String HOST_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final SandboxSpec spec;
    private final KernelChoice choice;
    /** Filled in by {@link #boot}, so a {@link #down} after a failed boot still finds the anchors. */
    private final Map<SandboxRole, Long> anchors;

    NamespaceRuntime(SandboxSpec spec, KernelChoice choice, Map<SandboxRole, Long> anchors) {
        this.spec = spec;
        this.choice = choice;
        this.anchors = new LinkedHashMap<>(anchors);
    }

    @Override
    public List<Path> extraHostKeys() {
        return List.of();
    }

    @Override
    public void boot(Sandbox.Listener progress) {
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
    }

    @Override
    public void awaitUsable(Provisioner files) {
        // sshd listening is usable: the hosts run on this kernel, nothing else to wait for
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
        ProcessBuilder pb = new ProcessBuilder("setsid", "ip", "netns", "exec", spec.hostNamespace(role), "unshare",
                "--mount", "--uts", "--propagation", "private", "bash", spec.stateDir().resolve("anchor.sh").toString(),
                files.dir().toString(), role.id(), bin.toString());
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
                String pid = Provisioner.read(pidFile).strip();
                if (!pid.isEmpty()) {
                    return Long.parseLong(pid);
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Sandbox.sleep(20);
        }
        Path logFile = files.dir().resolve("anchor.log");
        String log = Files.exists(logFile) ? Provisioner.read(logFile).strip() : "";
        throw new SandboxException(Text.of("沙箱主机 " + role.id() + " 启动失败：" + log,
                "Sandbox host " + role.id() + " did not boot: " + (log.isEmpty() ? "timed out" : log)));
    }

    @Override
    public boolean running() {
        return spec.roles().stream().anyMatch(this::anchorAlive);
    }

    @Override
    public void down() {
        List<String> namespaces = new SandboxState(spec, anchors, choice, 0, 0).namespaces();
        List<Long> victims = new ArrayList<>();
        for (String ns : namespaces) {
            victims.addAll(pidsIn(ns));
        }
        anchors.values().stream().filter(NamespaceRuntime::isAnchor).forEach(victims::add);
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
            Sandbox.sleep(20);
        }
        alive.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        long killDeadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (alive.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < killDeadline) {
            Sandbox.sleep(20);
        }
    }

    @Override
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
                    running && pidFileAlive(role, "/run/sshd.pid"),
                    running && pidFileAlive(role, "/run/keepalived.pid"), addresses));
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

    /** A path as host {@code role} sees it, through {@code /proc/ANCHOR/root}. */
    Path hostPath(SandboxRole role, String absolute) {
        String rel = absolute.startsWith("/") ? absolute.substring(1) : absolute;
        return Path.of("/proc", Long.toString(anchorPid(role)), "root").resolve(rel);
    }

    private boolean anchorAlive(SandboxRole role) {
        Long pid = anchors.get(role);
        return pid != null && isAnchor(pid);
    }

    private long anchorPid(SandboxRole role) {
        Long pid = anchors.get(role);
        if (pid == null || !isAnchor(pid)) {
            throw HostRuntime.notRunning(spec, role);
        }
        return pid;
    }

    @Override
    public ExecResult exec(SandboxRole role, Duration timeout, byte[] stdin, List<String> command) {
        List<String> argv = new ArrayList<>(nsenter(role));
        argv.addAll(List.of("env", "-i", "PATH=" + HOST_PATH, "HOME=/root", "LC_ALL=C", "USER=root", "LOGNAME=root"));
        argv.addAll(command);
        return LocalCommand.run(argv, timeout, stdin);
    }

    /** The nsenter prefix that enters host {@code role}'s network, mount and UTS namespaces. */
    List<String> nsenter(SandboxRole role) {
        return List.of("nsenter", "-t", Long.toString(anchorPid(role)), "-m", "-u", "-n", "--wd=/root", "--");
    }

    @Override
    public Map<SandboxRole, Long> anchorPids() {
        return Map.copyOf(anchors);
    }

    @Override
    public long vmPid() {
        return 0;
    }

    @Override
    public String describe() {
        return choice.reason().en();
    }

    @Override
    public String hostNote() {
        return "";
    }
}
