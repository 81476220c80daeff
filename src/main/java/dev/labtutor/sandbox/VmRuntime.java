package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;
import dev.labtutor.io.FileTree;
import dev.labtutor.lab.ExecResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The hosts inside one qemu VM on a distribution kernel ({@link VmLab}, {@link VmImage}), reached from the machine over
 * qemu's tap; commands run through the VM's control sshd ({@link GuestShell}).
 */
final class VmRuntime implements HostRuntime {

    /** How long a host in the VM may take to accept its first SSH login once its sshd listens. */
    private static final Duration LOGIN_TIMEOUT = Duration.ofSeconds(120);

    private final SandboxSpec spec;
    private final KernelChoice choice;
    private final VmLab vm;

    VmRuntime(SandboxSpec spec, KernelChoice choice, VmLab vm) {
        this.spec = spec;
        this.choice = choice;
        this.vm = vm;
    }

    @Override
    public List<Path> extraHostKeys() {
        return List.of(vm.hostKey());
    }

    @Override
    public void boot(Sandbox.Listener progress) {
        VmImage image = VmImage.find().orElseThrow(() -> new SandboxException(VmLab.problem().orElseThrow()));
        vm.boot(image, progress,
                pid -> new SandboxState(spec, Map.of(), choice, pid, ProcessHandle.current().pid()).write());
    }

    @Override
    public void awaitUsable(Provisioner files) {
        awaitLogins(files);
        vm.awaitControl();
    }

    /** A real SSH login to every host at once, so "up" means usable over SSH (and the hosts' sshd is warm). */
    private void awaitLogins(Provisioner files) {
        List<CompletableFuture<Optional<String>>> logins = new ArrayList<>();
        for (SandboxRole role : spec.roles()) {
            logins.add(CompletableFuture.supplyAsync(() -> {
                long deadline = System.nanoTime() + LOGIN_TIMEOUT.toNanos();
                String why;
                do {
                    try {
                        ExecResult r = LocalCommand.run(sshArgv(files, role, "true"), LOGIN_TIMEOUT, null);
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
    private List<String> sshArgv(Provisioner files, SandboxRole role, String command) {
        return List.of("ssh", "-F", "/dev/null", "-i", files.privateKey().toString(), "-o", "IdentitiesOnly=yes", "-o",
                "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o", "UserKnownHostsFile=" + files.knownHosts(),
                "-o", "GlobalKnownHostsFile=/dev/null", "-o", "ConnectTimeout=10", "root@" + spec.address(role),
                command);
    }

    private static boolean pause(long millis) {
        Sandbox.sleep(millis);
        return true;
    }

    @Override
    public boolean running() {
        return vm.alive();
    }

    @Override
    public void down() {
        vm.down();
        FileTree.delete(spec.stateDir());
    }

    /** The VM's vm/status: one line per host, ROLE RUNNING SSHD KEEPALIVED ADDRESSES. */
    @Override
    public SandboxStatus status() {
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
            String[] f = lines.getOrDefault(role.id(), new String[]{role.id(), "no", "no", "no", "-"});
            List<String> addresses = f[4].equals("-") ? List.of() : List.of(f[4].split(","));
            list.add(new SandboxStatus.Host(role, spec.address(role), f[1].equals("yes"), f[2].equals("yes"),
                    f[3].equals("yes"), addresses));
        }
        return new SandboxStatus(spec.name(), spec.subnet(), spec.vip(), list);
    }

    @Override
    public ExecResult exec(SandboxRole role, Duration timeout, byte[] stdin, List<String> argv) {
        return vm.exec(role, timeout, stdin, argv);
    }

    @Override
    public Map<SandboxRole, Long> anchorPids() {
        return Map.of();
    }

    @Override
    public long vmPid() {
        return vm.qemuPid();
    }

    @Override
    public String describe() {
        return "VM (qemu pid " + vm.qemuPid() + ", tap " + spec.rootLink() + ") - " + choice.reason().en();
    }

    @Override
    public String hostNote() {
        return " (in the VM)";
    }
}
