package dev.labtutor.sandbox;

import static dev.labtutor.sandbox.RootLab.eventually;
import static dev.labtutor.sandbox.RootLab.okSsh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The VM sandbox after crashes: labtutor killed with SIGKILL in the middle of {@code up} (qemu, detached, keeps
 * running), then qemu killed with SIGKILL while the lab is up. Each time the next {@code up} starts clean, and
 * {@code down} leaves no qemu, tap, namespace, mount or state. Needs root, qemu and the VM kernel; fails instead of
 * skipping when CI=true.
 */
class VmCrashTest {

    @Test
    void theNextUpWorksAfterLabtutorOrQemuWasKilledAndDownLeavesNothing() throws Exception {
        RootLab.requireVm();
        SandboxSpec spec = RootLab.uniqueVmSpec(List.of(SandboxRole.LB01, SandboxRole.WEB01));
        Sandbox sandbox = null;
        try {
            long orphan = killLabtutorDuringUp(spec);
            assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false),
                    "qemu is detached from labtutor and outlives it");

            sandbox = Sandbox.up(spec);
            long orphanPid = orphan;
            assertTrue(eventually(Duration.ofSeconds(10), () -> ProcessHandle.of(orphanPid).isEmpty()),
                    "the second up stopped the qemu the killed one had started");
            assertEquals("lb01\n", okSsh(sandbox, SandboxRole.LB01, "hostname").stdout());

            long qemu = SandboxState.read(spec.stateDir()).orElseThrow().vmPid();
            assertNotEquals(0, qemu);
            ProcessHandle.of(qemu).orElseThrow().destroyForcibly();
            assertTrue(eventually(Duration.ofSeconds(10), () -> ProcessHandle.of(qemu).isEmpty()));
            assertTrue(
                    eventually(Duration.ofSeconds(10),
                            () -> LocalCommand.run("ip", "link", "show", "dev", spec.rootLink()).exitStatus() != 0),
                    "the kernel removes qemu's tap when qemu dies");
            Sandbox dead = Sandbox.open(spec.stateDir()).orElseThrow();
            assertFalse(dead.running());
            assertTrue(dead.status().hosts().stream().noneMatch(SandboxStatus.Host::running), dead.status().toString());

            sandbox = Sandbox.up(spec);
            assertEquals("web01\n", okSsh(sandbox, SandboxRole.WEB01, "hostname").stdout());
            assertTrue(Sandbox.down(spec.stateDir()));
            sandbox = null;
            RootLab.assertNothingLeft(spec);
            assertFalse(Sandbox.down(spec.stateDir()), "a second down finds nothing to do");
        } finally {
            if (sandbox != null) {
                sandbox.down();
            }
            Sandbox.down(spec.stateDir());
            Files.deleteIfExists(spec.stateRoot());
        }
    }

    /**
     * Runs {@code labtutor sandbox up --vm} in a child JVM and kills it with SIGKILL once the VM is booting (qemu
     * recorded in the state, the guest's boot script on the console).
     *
     * @return the pid of the qemu it left behind
     */
    private static long killLabtutorDuringUp(SandboxSpec spec) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = Optional.ofNullable(System.getProperty("surefire.test.class.path"))
                .orElse(System.getProperty("java.class.path"));
        List<String> argv = new ArrayList<>(List.of(java, "-cp", classpath, "dev.labtutor.cli.Main", "sandbox", "up",
                "--vm", "--hosts", "lb01,web01", "--subnet", spec.subnetPrefix(), "--name", spec.name(), "--state-dir",
                spec.stateRoot().toString()));
        Process cli = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Path console = spec.stateDir().resolve("vm/console.log");
        try {
            assertTrue(eventually(VmLab.BOOT_TIMEOUT, () -> {
                Optional<SandboxState> state = SandboxState.read(spec.stateDir());
                return state.isPresent() && state.get().vmPid() > 0 && !state.get().complete() && consoleSays(console);
            }), "the child's up should get to booting the VM");
        } finally {
            cli.destroyForcibly();
            cli.waitFor();
        }
        SandboxState left = SandboxState.read(spec.stateDir()).orElseThrow();
        assertFalse(left.complete(), "killed during up: the state says up never finished");
        return left.vmPid();
    }

    private static boolean consoleSays(Path console) {
        try {
            return Files.readString(console).contains("labtutor-vm: boot.sh");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
