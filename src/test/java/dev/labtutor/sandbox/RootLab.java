package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.labtutor.host.ExecResult;
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
 * Shared by the tests that build real sandboxes: the root/tools gate (fail under CI=true, skip
 * otherwise), a spec nobody else uses (random name, free random /24, temporary state root),
 * SSH through the system client with the sandbox's key and known_hosts, and polling.
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

    static SandboxSpec uniqueSpec(List<SandboxRole> roles) {
        String taken = LocalCommand.run("ip", "-4", "-o", "addr", "show").stdout();
        String prefix;
        do {
            prefix = "10.77." + (100 + RANDOM.nextInt(150));
        } while (taken.contains("inet " + prefix + "."));
        try {
            Path root = Files.createTempDirectory("labtutor-sbx");
            return SandboxSpec.defaults()
                    .withName("t" + HexFormat.of().formatHex(RANDOM.generateSeed(3)))
                    .withRoles(roles)
                    .withSubnetPrefix(prefix)
                    .withStateRoot(root);
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
        return LocalCommand.run(List.of("ssh", "-F", "/dev/null", "-i", sandbox.privateKey().toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", "UserKnownHostsFile=" + sandbox.knownHosts(), "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "ConnectTimeout=5", "root@" + sandbox.host(role).address(), command),
                Duration.ofSeconds(30), null);
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
