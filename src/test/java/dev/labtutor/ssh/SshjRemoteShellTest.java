package dev.labtutor.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.RemoteShell;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.lab.ShellPool;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SshjRemoteShellTest {

    private static final int CAP = 1024 * 1024;

    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    @TempDir
    Path tmp;

    private SshConnector connector() {
        SshOptions options = new SshOptions(tmp.resolve("known_hosts"), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(5), CAP);
        return new SshConnector(options, SecretPrompter.none(), Map.of("LAB_PW", "pw-123")::get, n -> {
        });
    }

    private HostSpec host(String user, boolean sudo) {
        sshd.password(user, "pw-123");
        sshd.offer("password");
        return sshd.host(user, Optional.empty(), Optional.of("LAB_PW"), sudo);
    }

    @Test
    void commandTimeoutStopsTheScriptAndThePoolRunsTheNextOne() throws Exception {
        try (ShellPool pool = new ShellPool(connector())) {
            HostSpec host = host("root", false);
            long t0 = System.nanoTime();
            HostException e = assertThrows(HostException.class,
                    () -> pool.get(host).runScript("sleep 30\n", Duration.ofSeconds(1)));
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertEquals(HostException.Kind.COMMAND_TIMEOUT, e.kind());
            assertTrue(ms < 10_000, "took " + ms + " ms");
            assertTrue(e.text().en().contains("lb01"), e.text().en());

            ExecResult next = pool.get(host).runScript("echo still-here", Duration.ofSeconds(20));
            assertEquals("still-here\n", next.stdout());
            assertEquals(1, sshd.connections.get(), "the timed-out channel did not cost the connection");
        }
    }

    @Test
    void hundredMegabytesOfOutputAreCappedAndTheExitStatusIsStillRead() throws Exception {
        HostSpec host = host("root", false);
        try (RemoteShell shell = connector().open(host)) {
            ExecResult r =
                    shell.runScript("head -c 100000000 /dev/zero\necho done >&2\nexit 7\n", Duration.ofSeconds(120));
            assertEquals(7, r.exitStatus());
            assertTrue(r.stdoutTruncated());
            assertEquals(CAP, r.stdout().length());
            assertFalse(r.stderrTruncated());
            assertEquals("done\n", r.stderr());
        }
    }

    @Test
    void largeStdoutAndStderrAtOnceDoNotDeadlock() throws Exception {
        HostSpec host = host("root", false);
        try (RemoteShell shell = connector().open(host)) {
            String script = "head -c 2500000 /dev/zero | tr '\\0' e >&2\n" + "head -c 2500000 /dev/zero | tr '\\0' o\n"
                    + "head -c 2500000 /dev/zero | tr '\\0' e >&2\n" + "echo tail\n";
            ExecResult r = shell.runScript(script, Duration.ofSeconds(30));
            assertEquals(0, r.exitStatus());
            assertEquals(CAP, r.stdout().length());
            assertEquals(CAP, r.stderr().length());
            assertTrue(r.stdoutTruncated() && r.stderrTruncated());
            assertTrue(r.stdout().chars().allMatch(c -> c == 'o'));
            assertTrue(r.stderr().chars().allMatch(c -> c == 'e'));
        }
    }

    @Test
    void sudoWithoutNopasswdIsReportedAsSuch() throws Exception {
        HostSpec host = host("admin", true);
        try (RemoteShell shell = connector().open(host)) {
            HostException e = assertThrows(HostException.class, () -> shell.runScript("id -u", Duration.ofSeconds(20)));
            assertEquals(HostException.Kind.SUDO_PASSWORD_REQUIRED, e.kind());
            assertTrue(e.text().en().contains("NOPASSWD") && e.text().en().contains("admin"), e.text().en());
            assertTrue(e.text().zh().contains("NOPASSWD"), e.text().zh());
        }
        assertEquals(List.of("sudo -n sh -s"), sshd.commands);
    }

    @Test
    void sudoIsUsedOnlyWhenNeeded() throws Exception {
        sshd.allowSudo(true);
        HostSpec admin = host("admin", true);
        try (RemoteShell shell = connector().open(admin)) {
            assertEquals("hi\n", shell.runScript("echo hi", Duration.ofSeconds(20)).stdout());
        }
        HostSpec root = host("root", true);
        try (RemoteShell shell = connector().open(root)) {
            assertEquals(0, shell.runScript("true", Duration.ofSeconds(20)).exitStatus());
        }
        assertEquals(List.of("sudo -n sh -s", "sh -s"), sshd.commands);
    }

    @Test
    void aScriptExitingOneWithOtherStderrUnderSudoIsAnOrdinaryResult() throws Exception {
        sshd.allowSudo(true);
        HostSpec admin = host("admin", true);
        try (RemoteShell shell = connector().open(admin)) {
            ExecResult r = shell.runScript("echo 'grep: no such file' >&2; exit 1", Duration.ofSeconds(20));
            assertEquals(1, r.exitStatus());
        }
    }

    @Test
    void thePoolReusesOneConnectionAcrossRoundsAndReconnectsWhenDropped() throws Exception {
        HostSpec host = host("root", false);
        try (ShellPool pool = new ShellPool(connector())) {
            List<RemoteShell> seen = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                RemoteShell shell = pool.get(host);
                seen.add(shell);
                assertEquals(round + "\n", shell.runScript("echo " + round, Duration.ofSeconds(20)).stdout());
            }
            assertEquals(1, sshd.connections.get());
            assertEquals(3, sshd.channels.get());
            assertSame(seen.get(0), seen.get(2));

            seen.get(0).close();
            assertEquals(0, pool.get(host).runScript("true", Duration.ofSeconds(20)).exitStatus());
            assertEquals(1, sshd.connections.get(), "closing a pooled shell leaves the connection open");

            sshd.dropConnections();
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (seen.get(0).isOpen() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            assertFalse(seen.get(0).isOpen(), "the pool noticed the drop");
            assertEquals("back\n", pool.get(host).runScript("echo back", Duration.ofSeconds(20)).stdout());
            assertEquals(2, sshd.connections.get());
        }
    }

    @Test
    void aDroppedConnectionIsDisconnected() throws Exception {
        HostSpec host = host("root", false);
        RemoteShell shell = connector().open(host);
        try {
            sshd.dropConnections();
            long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (shell.isOpen() && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            HostException e = assertThrows(HostException.class, () -> shell.runScript("true", Duration.ofSeconds(5)));
            assertEquals(HostException.Kind.DISCONNECTED, e.kind());
        } finally {
            shell.close();
        }
    }

    @Test
    void batchesShareOneResidentShellAndEachRunsInItsOwnSubshell() throws Exception {
        HostSpec host = host("root", false);
        try (ShellPool pool = new ShellPool(connector())) {
            ExecResult a = pool.get(host).runBatch("x=1; cd /; echo \"a $x $(pwd)\"; echo warn >&2; exit 3\n",
                    Duration.ofSeconds(20));
            assertEquals(new ExecResult(3, "a 1 /\n", "warn\n", false, false, a.elapsed()), a);
            ExecResult b = pool.get(host).runBatch(
                    "printf 'no newline'; echo \"[${x:-}]\" >&2; trap 'echo bye' EXIT; read -r line; echo \"read=$?\"",
                    Duration.ofSeconds(20));
            assertEquals("no newline" + "read=1\nbye\n", b.stdout(), "variables, traps and stdin end with the batch");
            assertEquals("[]\n", b.stderr());
            assertEquals(0, b.exitStatus());
            for (int i = 0; i < 5; i++) {
                assertEquals(i + "\n", pool.get(host).runBatch("echo " + i, Duration.ofSeconds(20)).stdout());
            }
            assertEquals(1, sshd.channels.get(), "seven batches, one channel");
            assertEquals(List.of("sh -s"), sshd.commands);
        }
    }

    @Test
    void theResidentShellKeepsOnePrivateDirectoryAndALaterShellRemovesOneLeftBehind() throws Exception {
        HostSpec host = host("root", false);
        Path kept;
        long pid;
        try (ShellPool pool = new ShellPool(connector())) {
            String first = pool.get(host)
                    .runBatch("echo \"$lt_keep\"; ls -ld \"$lt_keep\" | cut -c1-10", Duration.ofSeconds(20)).stdout();
            String[] lines = first.split("\n");
            kept = Path.of(lines[0]);
            assertTrue(java.nio.file.Files.isDirectory(kept), first);
            assertEquals("drwx------", lines[1], "private to the login user");
            assertEquals(lines[0] + "\n",
                    pool.get(host).runBatch("touch \"$lt_keep/f\"; echo \"$lt_keep\"", Duration.ofSeconds(20)).stdout(),
                    "the same directory for every batch");
            assertTrue(java.nio.file.Files.exists(kept.resolve("f")));
            pid = Long.parseLong(kept.getFileName().toString().split("\\.")[1]);
        }
        // The shell ends with its channel (with or without its EXIT trap: the test server may
        // kill it); a directory it left is then removed by the next connection's resident shell.
        for (int i = 0; i < 200 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(50);
        }
        // And two made here: one named for a process that has ended, one for a live one (this JVM).
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path system = Path.of(System.getProperty("java.io.tmpdir"));
        Path dead = java.nio.file.Files
                .createDirectory(system.resolve("labtutor-keep." + ended.pid() + ".test" + System.nanoTime()));
        Path live = java.nio.file.Files.createDirectory(
                system.resolve("labtutor-keep." + ProcessHandle.current().pid() + ".test" + System.nanoTime()));
        try (ShellPool pool = new ShellPool(connector())) {
            String next = pool.get(host).runBatch("echo \"$lt_keep\"", Duration.ofSeconds(20)).stdout().strip();
            assertFalse(java.nio.file.Files.exists(kept), "the dead shell's directory is gone: " + kept);
            assertFalse(java.nio.file.Files.exists(dead), "so is one named for another ended process: " + dead);
            assertTrue(java.nio.file.Files.isDirectory(live), "a running shell's directory stays");
            assertTrue(java.nio.file.Files.isDirectory(Path.of(next)), "the new shell has its own: " + next);
        } finally {
            java.nio.file.Files.deleteIfExists(live);
            java.nio.file.Files.deleteIfExists(dead);
        }
    }

    @Test
    void aBatchThatForgesTheEndMarkerCannotEndItEarly() throws Exception {
        HostSpec host = host("root", false);
        try (RemoteShell shell = connector().open(host)) {
            ExecResult r =
                    shell.runBatch("printf '\\n==LTDONE 00 0\\n'; printf '\\n==LTDONE 00\\n' >&2; echo after; exit 4",
                            Duration.ofSeconds(20));
            assertEquals("\n==LTDONE 00 0\nafter\n", r.stdout());
            assertEquals(4, r.exitStatus());
        }
    }

    @Test
    void aBatchPastItsDeadlineIsStoppedAndTheNextGetsAFreshResidentShell() throws Exception {
        HostSpec host = host("root", false);
        try (ShellPool pool = new ShellPool(connector())) {
            long t0 = System.nanoTime();
            HostException e = assertThrows(HostException.class,
                    () -> pool.get(host).runBatch("sleep 30\n", Duration.ofSeconds(1)));
            assertEquals(HostException.Kind.COMMAND_TIMEOUT, e.kind());
            assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() < 10_000);
            assertEquals("ok\n", pool.get(host).runBatch("echo ok", Duration.ofSeconds(20)).stdout());
            assertEquals(2, sshd.channels.get());
            assertEquals(1, sshd.connections.get());
        }
    }

    @Test
    void hugeBatchOutputIsCappedAndTheMarkerStillFound() throws Exception {
        HostSpec host = host("root", false);
        try (RemoteShell shell = connector().open(host)) {
            ExecResult r = shell.runBatch(
                    "head -c 3000000 /dev/zero | tr '\\0' o; head -c 2000000 /dev/zero | tr '\\0' e >&2; exit 2",
                    Duration.ofSeconds(60));
            assertEquals(2, r.exitStatus());
            assertEquals(CAP, r.stdout().length());
            assertTrue(r.stdoutTruncated() && r.stderrTruncated());
            assertEquals("x\n", shell.runBatch("echo x", Duration.ofSeconds(20)).stdout());
        }
    }

    @Test
    void sudoWithoutNopasswdIsReportedForBatchesToo() throws Exception {
        HostSpec host = host("admin", true);
        try (RemoteShell shell = connector().open(host)) {
            HostException e = assertThrows(HostException.class, () -> shell.runBatch("id -u", Duration.ofSeconds(20)));
            assertEquals(HostException.Kind.SUDO_PASSWORD_REQUIRED, e.kind());
        }
    }
}
