package dev.labtutor.check;

import dev.labtutor.check.fact.Fact;
import dev.labtutor.check.fact.FactParsers;
import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.check.probe.ProbeScript;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ConnectProgress;
import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.RemoteShell;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one round: every host's probes as ONE batched script over its (reused) connection, all hosts at once, each
 * within its own deadline, so one dead host delays nobody.
 */
public final class Prober implements AutoCloseable {

    /** Where connections come from (a pool that keeps one per host for the whole run). */
    @FunctionalInterface
    public interface ShellSource {
        RemoteShell get(HostSpec host) throws HostException;

        /** As {@link #get(HostSpec)}, reporting a connection attempt to {@code progress}. */
        default RemoteShell get(HostSpec host, ConnectProgress progress) throws HostException {
            return get(host);
        }
    }

    /** What one host's probing is doing, for a live display. */
    public enum Phase {
        CONNECTING, LOGGING_IN, PROBING, DONE
    }

    /** Hears each host's phase as it changes; called from probing threads. */
    @FunctionalInterface
    public interface Listener {
        Listener NONE = (role, phase) -> {
        };

        void phase(String role, Phase phase);
    }

    /** Probes made from the tutor's own machine (HTTP to the VIP). */
    @FunctionalInterface
    public interface LocalProbes {
        Fact run(Probe probe);
    }

    private final ShellSource shells;
    private final LocalProbes local;
    private final Duration perProbeTimeout;
    private final Duration hostDeadline;
    private final ExecutorService pool;

    public Prober(ShellSource shells, LocalProbes local, Duration perProbeTimeout, Duration hostDeadline,
            int parallelism) {
        this.shells = shells;
        this.local = local;
        this.perProbeTimeout = perProbeTimeout;
        this.hostDeadline = hostDeadline;
        this.pool = Executors.newFixedThreadPool(Math.max(1, parallelism), r -> {
            Thread t = new Thread(r, "labtutor-probe");
            t.setDaemon(true);
            return t;
        });
    }

    public RoundFacts probe(Map<String, Set<Probe>> plan, Map<String, HostSpec> hosts) {
        return probe(plan, hosts, Listener.NONE);
    }

    /**
     * As {@link #probe(Map, Map)}, telling {@code listener} each host's phase. Interrupting the calling thread cancels
     * the round for real: probing threads are interrupted (which closes a running command's channel) and connection
     * attempts still in progress are aborted.
     */
    public RoundFacts probe(Map<String, Set<Probe>> plan, Map<String, HostSpec> hosts, Listener listener) {
        Map<String, Future<HostFacts>> futures = new LinkedHashMap<>();
        Map<String, Attempt> attempts = new java.util.concurrent.ConcurrentHashMap<>();
        for (Map.Entry<String, Set<Probe>> e : plan.entrySet()) {
            String role = e.getKey();
            List<Probe> probes = new ArrayList<>(e.getValue());
            if (role.equals(HostFacts.TUTOR)) {
                futures.put(role, pool.submit(() -> probeLocally(probes)));
                continue;
            }
            HostSpec spec = hosts.get(role);
            if (spec == null) {
                continue;
            }
            Attempt attempt = new Attempt(role, listener);
            attempts.put(role, attempt);
            futures.put(role, pool.submit(() -> probeHost(spec, probes, attempt)));
        }
        Map<String, HostFacts> out = new HashMap<>();
        long deadline = System.nanoTime() + hostDeadline.toNanos() + TimeUnit.SECONDS.toNanos(2);
        futures.forEach((role, f) -> {
            HostSpec spec = hosts.get(role);
            String address = spec == null ? "" : spec.address();
            try {
                out.put(role, f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException ex) {
                f.cancel(true);
                out.put(role, HostFacts.failed(role, address,
                        new HostException(HostException.Kind.COMMAND_TIMEOUT, role, Text.of(
                                role + " 在 " + hostDeadline.toSeconds() + " 秒内没有完成检查",
                                role + " did not finish its checks within " + hostDeadline.toSeconds() + " s"))));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                futures.values().forEach(other -> other.cancel(true));
                attempts.values().forEach(Attempt::abort);
                out.put(role, HostFacts.failed(role, address, new HostException(HostException.Kind.DISCONNECTED, role,
                        Text.of("检查被中断", "checking was interrupted"))));
            } catch (ExecutionException ex) {
                out.put(role, HostFacts.failed(role, address, new HostException(HostException.Kind.PROTOCOL, role,
                        Text.of(role + " 探测出错：" + ex.getCause(), "probing " + role + " failed: " + ex.getCause()),
                        ex.getCause())));
            }
        });
        return new RoundFacts(out);
    }

    /**
     * One host's batch on the calling thread, bounded by the connect timeouts and this prober's host deadline for the
     * script; for callers that schedule hosts themselves (the grader).
     */
    public HostFacts probeHost(HostSpec spec, List<Probe> probes) {
        return probeHost(spec, probes, new Attempt(spec.role(), Listener.NONE));
    }

    private HostFacts probeHost(HostSpec spec, List<Probe> probes, Attempt attempt) {
        try {
            RemoteShell shell = shells.get(spec, attempt);
            attempt.connected();
            attempt.listener.phase(spec.role(), Phase.PROBING);
            ProbeScript script = ProbeScript.build(probes, perProbeTimeout);
            ExecResult res = shell.runBatch(script.text(), hostDeadline);
            Map<Probe, ProbeOutput> outputs = script.parse(res.stdout());
            Map<Probe, Fact> facts = new HashMap<>();
            for (Probe p : probes) {
                ProbeOutput o = outputs.get(p);
                facts.put(p, o == null
                        ? new ProbeBroken(p.describe(),
                                "no output (exit " + res.exitStatus() + ": " + firstLine(res.stderr()) + ")")
                        : o.timedOut()
                                ? new ProbeBroken(p.describe(), "did not finish within " + seconds(perProbeTimeout)
                                        + " s on the host (the deadline of each probe in this batch of "
                                        + script.probes().size() + "); give the host more time with --timeout SECONDS")
                                : FactParsers.parse(p, o));
            }
            return new HostFacts(spec.role(), spec.address(), facts, Optional.empty());
        } catch (HostException e) {
            return HostFacts.failed(spec.role(), spec.address(), e);
        } finally {
            attempt.connected();
            attempt.listener.phase(spec.role(), Phase.DONE);
        }
    }

    /** One host's connection attempt in a round: forwards its phases and can abort it while it is under way. */
    private static final class Attempt implements ConnectProgress {
        private final String role;
        private final Listener listener;
        private Runnable abort;

        Attempt(String role, Listener listener) {
            this.role = role;
            this.listener = listener;
        }

        @Override
        public synchronized void abortWith(Runnable a) {
            abort = a;
        }

        @Override
        public void connecting() {
            listener.phase(role, Phase.CONNECTING);
        }

        @Override
        public void loggingIn() {
            listener.phase(role, Phase.LOGGING_IN);
        }

        /** The connection is made (or failed): the abort must no longer touch it, and probing starts. */
        synchronized void connected() {
            abort = null;
        }

        synchronized void abort() {
            if (abort != null) {
                abort.run();
                abort = null;
            }
        }
    }

    /** Probes made from this machine ({@link HostFacts#TUTOR}), on the calling thread. */
    public HostFacts probeLocally(List<Probe> probes) {
        Map<Probe, Fact> facts = new HashMap<>();
        for (Probe p : probes) {
            facts.put(p, local.run(p));
        }
        return new HostFacts(HostFacts.TUTOR, "127.0.0.1", facts, Optional.empty());
    }

    private static long seconds(Duration d) {
        return Math.max(1, (d.toMillis() + 999) / 1000);
    }

    private static String firstLine(String s) {
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
