package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.labtutor.lab.ExecResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Shared by the tests that build real sandboxes: the root/tools gate (fail under CI=true, skip otherwise), a spec
 * nobody else uses (random name, free random /24, temporary state root), SSH through the system client with the
 * sandbox's key and known_hosts, and polling.
 */
final class RootLab {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RootLab() {
    }

    static void requireRoot() {
        var problem = SandboxPreflight.problem();
        if (problem.isPresent()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but the sandbox cannot run here: " + problem.get().en());
            }
            assumeTrue(false, "sandbox tests need root and tools: " + problem.get().en());
        }
    }

    /**
     * Like {@link #requireRoot}, and the VM sandbox can run here: qemu and the fetched kernel ({@code labtutor sandbox
     * kernel fetch}, which CI runs before the tests).
     */
    static void requireVm() {
        requireRoot();
        var problem = VmLab.problem();
        if (problem.isPresent()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but the VM sandbox cannot run here: " + problem.get().en());
            }
            assumeTrue(false, "VM sandbox tests need qemu and the VM kernel: " + problem.get().en());
        }
    }

    /** A spec nobody else uses, in a VM (random name and /24, temporary state root). */
    static SandboxSpec uniqueVmSpec(List<SandboxRole> roles) {
        return uniqueSpec(roles).withKernel(SandboxKernel.VM);
    }

    /**
     * Asserts that nothing of the sandbox is left on the machine: no process started with its state directory (qemu),
     * no link or namespace with its name, no mount, no state directory.
     */
    static void assertNothingLeft(SandboxSpec spec) {
        String prefix = "lt-" + spec.name();
        String ps = LocalCommand.run("ps", "-eo", "pid,args").stdout();
        org.junit.jupiter.api.Assertions.assertFalse(ps.contains(spec.stateDir().toString()), ps);
        String links = LocalCommand.run("ip", "-o", "link", "show").stdout();
        org.junit.jupiter.api.Assertions.assertFalse(links.contains(prefix + ":") || links.contains(prefix + "@"),
                links);
        String netns = LocalCommand.run("ip", "netns", "list").stdout();
        org.junit.jupiter.api.Assertions.assertFalse(
                netns.contains(prefix + "-") || netns.lines().anyMatch(l -> l.startsWith(prefix + " ")), netns);
        try {
            String mounts = Files.readString(Path.of("/proc/mounts"));
            org.junit.jupiter.api.Assertions.assertFalse(mounts.contains(spec.stateDir().toString()), mounts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String routes = LocalCommand.run("ip", "-4", "route").stdout();
        org.junit.jupiter.api.Assertions.assertFalse(routes.contains(spec.subnetPrefix() + ".0/24"), routes);
        org.junit.jupiter.api.Assertions.assertFalse(Files.exists(spec.stateDir()),
                "state dir " + spec.stateDir() + " removed");
    }

    /** A spec nobody else uses, on the machine's kernel (the namespace sandbox, whatever the kernel lacks). */
    static SandboxSpec uniqueSpec(List<SandboxRole> roles) {
        String taken = LocalCommand.run("ip", "-4", "-o", "addr", "show").stdout();
        String prefix;
        do {
            prefix = "10.77." + (100 + RANDOM.nextInt(150));
        } while (taken.contains("inet " + prefix + "."));
        try {
            Path root = Files.createTempDirectory("labtutor-sbx");
            return SandboxSpec.defaults().withName("t" + HexFormat.of().formatHex(RANDOM.generateSeed(3)))
                    .withRoles(roles).withSubnetPrefix(prefix).withStateRoot(root).withKernel(SandboxKernel.MACHINE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the temporary state root of a spec that was never brought up. */
    static void deleteStateRoot(SandboxSpec unused) {
        try {
            Files.deleteIfExists(unused.stateRoot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Downs the sandbox and removes the temporary state root {@link #uniqueSpec} made for it. */
    /**
     * Takes down a sandbox a test class brought up (if {@code up} got that far), asserts that nothing of it is left
     * (processes, links, namespaces, mounts, routes) and removes its state root. Nothing happens when the class never
     * got a spec.
     */
    static void downAndAssertNothingLeft(SandboxSpec spec, Sandbox sandbox) throws IOException {
        if (spec == null) {
            return;
        }
        if (sandbox != null) {
            sandbox.down();
        }
        assertNothingLeft(spec);
        Files.deleteIfExists(spec.stateRoot());
    }

    static void downAndClean(Sandbox sandbox) {
        if (sandbox == null) {
            return;
        }
        sandbox.down();
        try {
            Files.deleteIfExists(sandbox.spec().stateRoot());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real SSH login from the root namespace: BatchMode, pinned known_hosts, the sandbox key. */
    static ExecResult ssh(Sandbox sandbox, SandboxRole role, String command) {
        return LocalCommand.run(
                List.of("ssh", "-F", "/dev/null", "-i", sandbox.privateKey().toString(), "-o", "IdentitiesOnly=yes",
                        "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes", "-o",
                        "UserKnownHostsFile=" + sandbox.knownHosts(), "-o", "GlobalKnownHostsFile=/dev/null", "-o",
                        "ConnectTimeout=15", "root@" + sandbox.host(role).address(), command),
                Duration.ofSeconds(90), null);
    }

    static ExecResult okSsh(Sandbox sandbox, SandboxRole role, String command) {
        ExecResult r = ssh(sandbox, role, command);
        if (r.exitStatus() != 0) {
            fail("on " + role + ": `" + command + "` exited " + r.exitStatus() + ": " + r.stderr() + r.stdout());
        }
        return r;
    }

    /** Polls {@code condition} every 200 ms; false when it never held within {@code timeout}. */
    static boolean eventually(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
