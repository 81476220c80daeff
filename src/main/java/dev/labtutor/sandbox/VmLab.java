package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ExecResult;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * The sandbox inside one qemu VM, for machines whose kernel lacks IPVS or the NFS server: the VM runs Debian's kernel
 * ({@link VmImage}) with the machine's root read-only over 9p and the state directory read-write over 9p, and builds
 * the same hosts as on the machine (resource {@code vm/boot.sh}, then {@code anchor.sh} per host). The machine reaches
 * the hosts over a tap on the lab subnet that qemu creates (and the kernel removes when qemu dies, even on SIGKILL).
 *
 * <p>Everything it starts is in the state directory's {@code vm/}: qemu's pid file, console log, initrd, and the files
 * the guest reads. Readiness is the guest's console: one line per host that is up, then "ready"; a deadline turns a
 * missing line into an error naming the host.
 */
final class VmLab {

    /** Where the VM files live inside the state directory. */
    static final String DIR = "vm";
    /** The deadline for the VM's hosts to come up: far above the 20 s budget, for heavily loaded machines. */
    static final Duration BOOT_TIMEOUT = Duration.ofSeconds(Long.parseLong(env("LABTUTOR_VM_BOOT_TIMEOUT", "240")));

    private static final Duration KVM_PROBE = Duration.ofSeconds(10);
    private static final String QEMU = "qemu-system-x86_64";
    private static final String IN_HOST = "/.lt/state/vm/in-host";
    /** The modprobe family, busybox's applets in the VM (the kernel loads modules with it too). */
    private static final List<String> MODULE_TOOLS =
            List.of("modprobe", "insmod", "rmmod", "lsmod", "modinfo", "depmod");

    /**
     * The guest kernel's command line: console on the serial port (labtutor reads it), a panic ends qemu (through a
     * reboot, which -no-reboot turns into an exit), and no mitigations, crypto self-tests or probes that only cost time
     * under emulation (the guest runs nothing untrusted that the machine does not already run); with one CPU, no ACPI
     * either.
     */
    private static final String KERNEL_ARGS = "console=ttyS0 quiet loglevel=3 panic=-1 rdinit=/init mitigations=off "
            + "tsc=reliable no_timer_check i8042.noaux i8042.nokbd i8042.nopnp 8250.nr_uarts=1 random.trust_cpu=on "
            + "cryptomgr.notests";

    enum Accel {
        KVM, TCG
    }

    private final SandboxSpec spec;
    private volatile long qemuPid;
    /** The qemu this object started; null for one found in the state directory (after labtutor crashed). */
    private volatile Process process;

    private GuestShell shell;
    /** The boot's console, read by {@link #awaitHosts} and then {@link #awaitControl}. */
    private ConsoleWatch watch;

    private long bootDeadline;
    private boolean ready;

    VmLab(SandboxSpec spec, long qemuPid) {
        this.spec = spec;
        this.qemuPid = qemuPid;
    }

    long qemuPid() {
        return qemuPid;
    }

    Path dir() {
        return spec.stateDir().resolve(DIR);
    }

    Path consoleLog() {
        return dir().resolve("console.log");
    }

    /** What stops the VM sandbox from running here, with the commands that fix it; empty when it can run. */
    static Optional<Text> problem() {
        String arch = System.getProperty("os.arch", "");
        if (!arch.equals("amd64") && !arch.equals("x86_64")) {
            return Optional.of(Text.of("虚拟机沙箱需要 x86_64 机器（本机是 " + arch + "）；请用 --no-vm",
                    "The VM sandbox needs an x86_64 machine (this is " + arch + "); use --no-vm"));
        }
        boolean qemu = SandboxPreflight.findProgram(QEMU).isPresent();
        boolean image = VmImage.find().isPresent();
        if (!qemu || !image) {
            String missing = !qemu && !image ? "qemu and its kernel" : !qemu ? "qemu" : "its kernel";
            String fix = (!qemu ? "sudo apt-get install -y qemu-system-x86" + (image ? "" : " && ") : "")
                    + (image ? "" : VmImage.FETCH_COMMAND);
            return Optional.of(Text.of(
                    "本机内核缺少 " + String.join("、", KernelChoice.missingOnMachine()) + "，沙箱要在虚拟机里运行，但缺少"
                            + (!qemu && !image ? " qemu 和内核" : !qemu ? " qemu" : "内核") + "；请运行：" + fix,
                    "The sandbox runs in a VM here, which needs " + missing + "; run: " + fix));
        }
        if (!Files.exists(Path.of("/dev/net/tun"))) {
            return Optional.of(Text.of("虚拟机沙箱需要 /dev/net/tun；请运行：sudo modprobe tun",
                    "The VM sandbox needs /dev/net/tun; run: sudo modprobe tun"));
        }
        return Optional.empty();
    }

    /**
     * Writes what the guest reads (its boot script, the hosts and their addresses, the control sshd's config and key,
     * the initrd), starts qemu and waits until every host's anchor runs.
     *
     * @param onPid receives qemu's pid as soon as it is known, so a crash after it is still cleaned up
     */
    void boot(VmImage image, Sandbox.Listener out, LongConsumer onPid) {
        prepare(image);
        Accel accel = chooseAccel();
        long start = System.nanoTime();
        if (accel == Accel.KVM) {
            out.progress("Booting the VM (" + image.release() + ", KVM) ...");
            Process kvm = launch(image, Accel.KVM, onPid);
            if (!awaitLine(kvm, "labtutor-vm: initrd", KVM_PROBE)) {
                recordKvmHangs();
                killQemu();
                out.progress("KVM did not start the VM within " + KVM_PROBE.toSeconds()
                        + " s here; using software emulation (TCG).");
                accel = Accel.TCG;
            }
        }
        if (accel == Accel.TCG) {
            out.progress("Booting the VM (" + image.release() + ", software emulation) ...");
            launch(image, Accel.TCG, onPid);
        }
        awaitHosts(out, start);
    }

    private void prepare(VmImage image) {
        Path dir = dir();
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(consoleLog());
            for (String name : List.of("boot.sh", "in-host", "status")) {
                Files.write(dir.resolve(name), Initrd.resource("vm/" + name));
                Files.setPosixFilePermissions(dir.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            StringBuilder hosts = new StringBuilder();
            for (SandboxRole role : spec.roles()) {
                hosts.append(role.id()).append(' ').append(spec.address(role)).append('\n');
            }
            Files.writeString(dir.resolve("hosts"), hosts.toString());
            Files.writeString(dir.resolve("vm.env"), """
                    # labtutor VM sandbox %1$s: read by vm/boot.sh in the guest
                    LT_NAME=%1$s
                    LT_IFACE=%2$s
                    LT_CONTROL=%3$s
                    LT_KVER=%4$s
                    LT_MODULES=%5$s
                    LT_BUSYBOX=%6$s
                    """.formatted(spec.name(), spec.iface(), spec.vmAddress(), image.release(),
                    image.modules().toAbsolutePath(), image.busybox().toAbsolutePath()));
            Files.writeString(dir.resolve("sshd_config"), """
                    # labtutor VM sandbox %1$s: the control sshd in the VM itself (not a lab host)
                    ListenAddress %2$s
                    AddressFamily inet
                    HostKey %3$s
                    PidFile /run/labtutor-control-sshd.pid
                    PermitRootLogin prohibit-password
                    AuthorizedKeysFile %4$s
                    PasswordAuthentication no
                    KbdInteractiveAuthentication no
                    UsePAM no
                    StrictModes no
                    UseDNS no
                    PermitUserRC no
                    PrintMotd no
                    PrintLastLog no
                    MaxSessions 64
                    MaxStartups 64:30:128
                    """.formatted(spec.name(), spec.vmAddress(), guestPath(hostKey()),
                    guestPath(spec.stateDir().resolve("id_ed25519.pub"))));
            Files.writeString(dir.resolve("tap-up"), """
                    #!/bin/sh
                    # qemu runs this with the name of the tap it has just created: the machine's end of the lab subnet.
                    sysctl -q -w "net.ipv6.conf.$1.disable_ipv6=1" 2>/dev/null
                    ip addr add %s/24 dev "$1" && ip link set "$1" up
                    """.formatted(spec.tutorAddress()));
            Files.setPosixFilePermissions(dir.resolve("tap-up"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Initrd.write(image, dir.resolve("initrd.img"));
            Path bin = spec.stateDir().resolve("bin");
            Files.copy(image.busybox(), bin.resolve("busybox"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            for (String tool : MODULE_TOOLS) {
                Files.deleteIfExists(bin.resolve(tool));
                Files.createSymbolicLink(bin.resolve(tool), Path.of("busybox"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The control sshd's host key, generated on the machine with the hosts' keys. */
    Path hostKey() {
        return dir().resolve("ssh_host_ed25519_key");
    }

    /** How the guest sees a file of the state directory (mounted at /.lt/state). */
    private String guestPath(Path inStateDir) {
        return "/.lt/state/" + spec.stateDir().relativize(inStateDir);
    }

    private Process launch(VmImage image, Accel accel, LongConsumer onPid) {
        Path dir = dir();
        List<String> argv =
                new ArrayList<>(List.of("setsid", SandboxPreflight.findProgram(QEMU).orElseThrow().toString(), "-name",
                        "labtutor-" + spec.name() + ",process=labtutor-vm", "-nodefaults", "-no-user-config",
                        "-display", "none", "-no-reboot", "-machine", "pc", "-m", memory(), "-smp", cpus()));
        if (accel == Accel.KVM) {
            argv.addAll(List.of("-accel", "kvm", "-cpu", "host"));
        } else {
            argv.addAll(List.of("-accel", "tcg,tb-size=" + env("LABTUTOR_VM_TB_SIZE", "64")));
        }
        argv.addAll(
                List.of("-kernel", image.bootKernel().toString(), "-initrd", dir.resolve("initrd.img").toString(),
                        "-append", KERNEL_ARGS + (cpus().equals("1") ? " acpi=off" : ""), "-chardev",
                        "file,id=console,path=" + opt(consoleLog()), "-serial", "chardev:console", "-fsdev",
                        "local,id=machine,path=/,readonly=on,security_model=none,multidevs=remap", "-device",
                        "virtio-9p-pci,fsdev=machine,mount_tag=machine", "-fsdev",
                        "local,id=state,path=" + opt(spec.stateDir()) + ",security_model=none", "-device",
                        "virtio-9p-pci,fsdev=state,mount_tag=state", "-netdev",
                        "tap,id=lab,ifname=" + spec.rootLink() + ",script=" + opt(dir.resolve("tap-up"))
                                + ",downscript=no",
                        "-device", "virtio-net-pci,netdev=lab,mac=" + mac(), "-device", "virtio-rng-pci", "-pidfile",
                        dir.resolve("qemu.pid").toString()));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        pb.directory(dir.toFile());
        pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("qemu.log").toFile());
        try {
            Process p = pb.start();
            process = p;
            qemuPid = p.pid();
            onPid.accept(qemuPid);
            return p;
        } catch (IOException e) {
            throw new SandboxException(Text.of("无法启动 qemu：" + e.getMessage(), "Cannot start qemu: " + e.getMessage()),
                    e);
        }
    }

    /** qemu's option syntax: a comma in a value is written twice. */
    private static String opt(Path p) {
        return p.toAbsolutePath().toString().replace(",", ",,");
    }

    private String mac() {
        int h = spec.name().hashCode();
        return String.format("52:54:00:%02x:%02x:%02x", (h >> 16) & 0xff, (h >> 8) & 0xff, h & 0xff);
    }

    private static String memory() {
        return env("LABTUTOR_VM_MEMORY", "256M");
    }

    /**
     * One virtual CPU: under software emulation a second one costs more than it gives (the boot is mostly one thing
     * after another, and cross-CPU work is expensive to emulate), and with one the kernel can boot without ACPI.
     */
    private static String cpus() {
        return env("LABTUTOR_VM_CPUS", "1");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** KVM when /dev/kvm is usable and has not been seen to hang on this boot of the machine; TCG otherwise. */
    static Accel chooseAccel() {
        String forced = System.getenv("LABTUTOR_VM_ACCEL");
        if (forced != null && !forced.isBlank()) {
            return forced.trim().toLowerCase(Locale.ROOT).equals("kvm") ? Accel.KVM : Accel.TCG;
        }
        Path kvm = Path.of("/dev/kvm");
        if (!Files.isReadable(kvm) || !Files.isWritable(kvm)) {
            return Accel.TCG;
        }
        try {
            Path probe = kvmProbeFile();
            if (Files.isRegularFile(probe) && Files.readString(probe).strip().equals(bootId())) {
                return Accel.TCG;
            }
        } catch (IOException e) {
            // no record: try KVM
        }
        return Accel.KVM;
    }

    private static Path kvmProbeFile() {
        return VmImage.cacheRoot().resolve("kvm-hangs");
    }

    private static void recordKvmHangs() {
        try {
            Files.createDirectories(kvmProbeFile().getParent());
            Files.writeString(kvmProbeFile(), bootId() + "\n");
        } catch (IOException e) {
            // next time we try KVM again
        }
    }

    private static String bootId() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/random/boot_id")).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits for every host's "up" line; throws naming the hosts that did not come up. */
    private void awaitHosts(Sandbox.Listener out, long start) {
        Set<String> pending = new LinkedHashSet<>();
        spec.roles().forEach(r -> pending.add(r.id()));
        Map<String, String> failed = new LinkedHashMap<>();
        watch = new ConsoleWatch(consoleLog());
        bootDeadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        while (!pending.isEmpty()) {
            for (String line : watch.newLines()) {
                if (!line.startsWith("labtutor-vm: ")) {
                    continue;
                }
                String msg =
                        line.substring("labtutor-vm: ".length()).replaceFirst("\\s*\\[[0-9.]+\\]\\s*$", "").strip();
                if (msg.startsWith("FAILED: ")) {
                    throw new SandboxException(Text.of("沙箱虚拟机启动失败：" + msg.substring(8),
                            "The sandbox VM failed to boot: " + msg.substring(8)));
                } else if (msg.startsWith("host ") && msg.endsWith(" up")) {
                    String role = msg.substring(5, msg.length() - 3);
                    pending.remove(role);
                    out.progress(String.format("  %-10s up after %.1f s", role, (System.nanoTime() - start) / 1e9));
                } else if (msg.startsWith("host ") && msg.contains(" FAILED:")) {
                    String role = msg.substring(5, msg.indexOf(" FAILED:"));
                    pending.remove(role);
                    failed.putIfAbsent(role, msg.substring(msg.indexOf(" FAILED:") + 8).strip());
                } else if (msg.equals("ready")) {
                    ready = true;
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (!alive()) {
                throw new SandboxException(
                        Text.of("沙箱虚拟机在启动中退出了：" + lastWords(), "The sandbox VM stopped while booting: " + lastWords()));
            }
            if (System.nanoTime() > bootDeadline) {
                throw new SandboxException(Text.of(
                        "沙箱虚拟机在 " + BOOT_TIMEOUT.toSeconds() + " 秒内没有启动好，未就绪的主机：" + String.join("、", pending) + "；"
                                + lastWords(),
                        "The sandbox VM did not come up within " + BOOT_TIMEOUT.toSeconds() + " s; hosts not up: "
                                + String.join(", ", pending) + " (console: " + lastWords() + ")"));
            }
            Sandbox.sleep(50);
        }
        if (!failed.isEmpty()) {
            String first = failed.keySet().iterator().next();
            throw new SandboxException(Text.of("沙箱主机 " + first + " 在虚拟机中启动失败：" + failed.get(first),
                    "Sandbox host " + first + " did not boot in the VM: " + failed.get(first)));
        }
    }

    /**
     * Waits for the guest's "ready" line, written once its control sshd runs (after the hosts are up, so labtutor logs
     * in to the hosts meanwhile); {@link #exec} needs it.
     */
    void awaitControl() {
        while (!ready) {
            for (String line : watch.newLines()) {
                if (line.startsWith("labtutor-vm: ready")) {
                    ready = true;
                } else if (line.startsWith("labtutor-vm: FAILED: ")) {
                    throw new SandboxException(Text.of("沙箱虚拟机启动失败：" + line.substring(21),
                            "The sandbox VM failed to boot: " + line.substring(21)));
                }
            }
            if (ready) {
                return;
            }
            if (!alive()) {
                throw new SandboxException(
                        Text.of("沙箱虚拟机在启动中退出了：" + lastWords(), "The sandbox VM stopped while booting: " + lastWords()));
            }
            if (System.nanoTime() > bootDeadline) {
                throw new SandboxException(Text.of("沙箱虚拟机的控制通道（" + spec.vmAddress() + " 上的 sshd）没有启动：" + lastWords(),
                        "The sandbox VM's control sshd (" + spec.vmAddress() + ") did not start: " + lastWords()));
            }
            Sandbox.sleep(50);
        }
    }

    /** True once {@code line} is on the console; false when qemu exits or the time runs out first. */
    private boolean awaitLine(Process qemu, String line, Duration timeout) {
        ConsoleWatch watch = new ConsoleWatch(consoleLog());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && qemu.isAlive()) {
            if (watch.newLines().stream().anyMatch(l -> l.startsWith(line))) {
                return true;
            }
            Sandbox.sleep(50);
        }
        return false;
    }

    /** The last console lines and qemu's own messages, for an error. */
    String lastWords() {
        List<String> lines = new ArrayList<>();
        for (Path p : List.of(consoleLog(), dir().resolve("qemu.log"))) {
            try {
                List<String> all = Files.readAllLines(p, StandardCharsets.UTF_8);
                lines.addAll(all.subList(Math.max(0, all.size() - 3), all.size()));
            } catch (IOException | UncheckedIOException e) {
                // not written yet
            }
        }
        String joined = String.join(" | ", lines.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        return joined.isEmpty() ? "no output" : joined;
    }

    /**
     * Whether our qemu still runs: the process this object started, else the recorded pid checked against its command
     * line (never trusted alone). A process just started is asked directly: until its exec completes its command line
     * is still the JVM's spawn helper's.
     */
    boolean alive() {
        Process p = process;
        if (p != null) {
            return p.isAlive();
        }
        return qemuPid > 0 && isOurQemu(qemuPid);
    }

    private boolean isOurQemu(long pid) {
        try {
            String cmd = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
            return cmd.contains(QEMU) && cmd.contains(dir().resolve("qemu.pid").toString());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Runs {@code argv} inside host {@code role} in the VM (vm/in-host), as {@link NamespaceRuntime#exec} does on the
     * machine.
     */
    ExecResult exec(SandboxRole role, Duration timeout, byte[] stdin, List<String> argv) {
        List<String> all = new ArrayList<>(List.of(IN_HOST, role.id()));
        all.addAll(argv);
        ExecResult r = shell().run(all, stdin, timeout);
        if (r.exitStatus() == 255 && r.stderr().startsWith("labtutor: host ")) {
            throw HostRuntime.notRunning(spec, role);
        }
        return r;
    }

    /** Runs a command in the VM itself (not in a host). */
    ExecResult guest(Duration timeout, String... argv) {
        return shell().run(List.of(argv), null, timeout);
    }

    private synchronized GuestShell shell() {
        if (!alive()) {
            throw new SandboxException(Text.of("沙箱虚拟机没有运行；请运行：sudo labtutor sandbox reset" + spec.whereOptions(),
                    "The sandbox VM is not running; run: sudo labtutor sandbox reset" + spec.whereOptions()));
        }
        if (shell == null) {
            shell = new GuestShell(spec.vmAddress(), spec.stateDir().resolve("id_ed25519"),
                    Path.of(hostKey() + ".pub"));
        }
        return shell;
    }

    /**
     * Stops qemu (the one in the state, the one in its pid file, and any qemu started with this state directory's pid
     * file, in case labtutor died before recording it) and removes the tap if the kernel has not already. Safe to call
     * twice and after qemu was killed.
     */
    void down() {
        synchronized (this) {
            if (shell != null) {
                shell.close();
                shell = null;
            }
        }
        killQemu();
    }

    /**
     * Stops our qemu and waits for its tap to go (the kernel removes it once qemu's file descriptor is closed); a tap
     * that outlives that is deleted.
     */
    private void killQemu() {
        signalQemu();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        ExecResult link = LocalCommand.run("ip", "-d", "link", "show", "dev", spec.rootLink());
        while (link.exitStatus() == 0 && System.nanoTime() < deadline) {
            Sandbox.sleep(50);
            link = LocalCommand.run("ip", "-d", "link", "show", "dev", spec.rootLink());
        }
        if (link.exitStatus() == 0 && link.stdout().contains("tun")) {
            LocalCommand.run("ip", "link", "del", spec.rootLink());
        }
    }

    private void signalQemu() {
        Set<Long> pids = new LinkedHashSet<>();
        if (qemuPid > 0) {
            pids.add(qemuPid);
        }
        try {
            String s = Files.readString(dir().resolve("qemu.pid")).strip();
            if (s.matches("\\d+")) {
                pids.add(Long.parseLong(s));
            }
        } catch (IOException e) {
            // qemu never wrote it, or the state is gone
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            procs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+")).map(Long::parseLong)
                    .forEach(pids::add);
        } catch (IOException e) {
            // no /proc scan: the recorded pids still go
        }
        List<ProcessHandle> ours =
                pids.stream().filter(this::isOurQemu).map(ProcessHandle::of).flatMap(Optional::stream).toList();
        ours.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ours.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Sandbox.sleep(20);
        }
        ours.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (ours.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Sandbox.sleep(20);
        }
        qemuPid = 0;
    }

    /** Reads a growing console log line by line from where it last stopped. */
    static final class ConsoleWatch {
        private final Path file;
        private long offset;
        private final StringBuilder partial = new StringBuilder();

        ConsoleWatch(Path file) {
            this.file = file;
        }

        List<String> newLines() {
            List<String> lines = new ArrayList<>();
            if (!Files.exists(file)) {
                return lines;
            }
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                long length = f.length();
                if (length <= offset) {
                    return lines;
                }
                byte[] buf = new byte[(int) Math.min(length - offset, 1 << 20)];
                f.seek(offset);
                f.readFully(buf);
                offset += buf.length;
                partial.append(new String(buf, StandardCharsets.UTF_8));
            } catch (IOException e) {
                return lines;
            }
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                lines.add(partial.substring(0, nl).replace("\r", ""));
                partial.delete(0, nl + 1);
            }
            return lines;
        }
    }
}
