package dev.labtutor.ssh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.HostFacts;
import dev.labtutor.check.Prober;
import dev.labtutor.check.RoundFacts;
import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.lab.ConnectProgress;
import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.RemoteShell;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.lab.ShellPool;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cancelling a round (interrupting the thread that waits for it) stops the SSH work for real: a running remote command
 * is killed with its channel, and a connection attempt stuck before the SSH banner is aborted; each host's phase is
 * reported on the way.
 */
class ProberCancelTest {

    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    @TempDir
    Path tmp;

    private SshConnector connector() {
        SshOptions options = new SshOptions(tmp.resolve("known_hosts"), Duration.ofSeconds(20), Duration.ofSeconds(20),
                Duration.ofSeconds(30), Duration.ofSeconds(5), 1024 * 1024);
        return new SshConnector(options, SecretPrompter.none(), Map.of("LAB_PW", "pw-123")::get, n -> {
        });
    }

    /** The pool as the prober sees it, every script replaced by {@code script} (to make a round last). */
    private static Prober.ShellSource shells(ShellPool pool, String script) {
        return new Prober.ShellSource() {
            @Override
            public RemoteShell get(HostSpec host) throws HostException {
                return get(host, ConnectProgress.NONE);
            }

            @Override
            public RemoteShell get(HostSpec host, ConnectProgress progress) throws HostException {
                RemoteShell real = pool.get(host, progress);
                return new RemoteShell() {
                    @Override
                    public HostSpec host() {
                        return host;
                    }

                    @Override
                    public ExecResult runScript(String ignored, Duration timeout) throws HostException {
                        return real.runScript(script, timeout);
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    /**
     * Runs one round on another thread, interrupts it once {@code ready} holds, and returns how long it took after
     * that.
     */
    private static long cancelWhen(Prober prober, HostSpec host, List<Prober.Phase> phases, Prober.Phase ready)
            throws Exception {
        return cancelWhen(prober, host, phases, ready, () -> true);
    }

    /** As above, once {@code also} holds too (waited for up to 20 s). */
    private static long cancelWhen(Prober prober, HostSpec host, List<Prober.Phase> phases, Prober.Phase ready,
            java.util.function.BooleanSupplier also) throws Exception {
        AtomicReference<RoundFacts> facts = new AtomicReference<>();
        Thread t = new Thread(() -> facts.set(prober.probe(Map.of("lb01", Set.of(Probe.of(Probe.Kind.ADDRESSES))),
                Map.of("lb01", host), (role, phase) -> phases.add(phase))));
        t.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!phases.contains(ready) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(phases.contains(ready), "reached " + ready + ": " + phases);
        Thread.sleep(300);
        while (!also.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(also.getAsBoolean(), "the state to cancel in was reached");
        long t0 = System.nanoTime();
        t.interrupt();
        t.join(10_000);
        assertFalse(t.isAlive(), "the round returned");
        HostFacts hf = facts.get().host("lb01").orElseThrow();
        assertTrue(hf.failure().isPresent() || hf.fact(Probe.of(Probe.Kind.ADDRESSES)) instanceof ProbeBroken,
                hf.toString());
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    }

    @Test
    void cancellingDuringARemoteCommandKillsIt() throws Exception {
        sshd.password("root", "pw-123");
        sshd.offer("password");
        HostSpec host = sshd.host("root", Optional.empty(), Optional.of("LAB_PW"), false);
        Path started = tmp.resolve("started");
        Path marker = tmp.resolve("finished");
        List<Prober.Phase> phases = new CopyOnWriteArrayList<>();
        // the command runs 6 s; a cancel within 5 s (the margin a loaded machine needs) kills it before it finishes
        try (ShellPool pool = new ShellPool(connector());
                Prober prober = new Prober(shells(pool, "touch '" + started + "'; sleep 6; touch '" + marker + "'\n"),
                        p -> null, Duration.ofSeconds(10), Duration.ofSeconds(20), 4)) {
            long ms = cancelWhen(prober, host, phases, Prober.Phase.PROBING, () -> Files.exists(started));
            assertTrue(ms < 5000, "cancelled within " + ms + " ms");
            assertTrue(
                    phases.containsAll(List.of(Prober.Phase.CONNECTING, Prober.Phase.LOGGING_IN, Prober.Phase.PROBING)),
                    phases.toString());
            Thread.sleep(7000);
            assertFalse(Files.exists(marker), "the remote command was killed, not left to finish");
        }
    }

    @Test
    void cancellingAConnectionStuckBeforeTheBannerClosesItsSocket() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> closedAfter = CompletableFuture.supplyAsync(() -> {
                try (Socket s = silent.accept(); InputStream in = s.getInputStream()) {
                    long t0 = System.nanoTime();
                    while (in.read() >= 0) {
                        // sshj sends its banner; the server never answers
                    }
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                } catch (Exception e) {
                    return -1L;
                }
            });
            HostSpec host = new HostSpec("lb01", "127.0.0.1", silent.getLocalPort(), "root", Optional.empty(),
                    Optional.of("LAB_PW"), false);
            List<Prober.Phase> phases = new CopyOnWriteArrayList<>();
            try (ShellPool pool = new ShellPool(connector());
                    Prober prober = new Prober(shells(pool, "true\n"), p -> null, Duration.ofSeconds(8),
                            Duration.ofSeconds(20), 4)) {
                long ms = cancelWhen(prober, host, phases, Prober.Phase.CONNECTING);
                assertTrue(ms < 3000, "cancelled within " + ms + " ms");
                long open = closedAfter.get(10, TimeUnit.SECONDS);
                assertTrue(open >= 0 && open < 5000,
                        "the stuck connection was closed, " + open + " ms after it opened");
                assertFalse(phases.contains(Prober.Phase.LOGGING_IN), phases.toString());
            }
        }
    }
}
