package dev.labtutor.check;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.check.observe.Observer;
import dev.labtutor.check.observe.Sampler;
import dev.labtutor.check.observe.SocketSampler;
import dev.labtutor.check.observe.Timeline;
import dev.labtutor.check.observe.Watch;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.lab.HostSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * Checks a list of bound checks: one round, then (with a wait budget) re-probes only what has not passed until
 * everything passes or the time is up. Observation checks ({@link TimelineCheck}) are observed over the same wait
 * budget at the same time, sampled several times a second, and report their progress to an {@link ObservationListener}.
 * The result keeps the checks' order.
 */
public final class CheckRun {

    /** Waits between rounds; tests pass a no-op. */
    @FunctionalInterface
    public interface Pause {
        void pause(Duration d) throws InterruptedException;
    }

    /** Hears, before each wait between rounds, what has not passed yet and how long is left. */
    @FunctionalInterface
    public interface Rounds {
        Rounds NONE = (open, left) -> {
        };

        void waiting(List<Verdict> notPassed, Duration left);
    }

    private final Prober prober;
    private final Map<String, HostSpec> hosts;
    private final Pause pause;
    private final Sampler sampler;
    private final Observer.Clock clock;

    public CheckRun(Prober prober, Map<String, HostSpec> hosts, Pause pause) {
        this(prober, hosts, pause, null, Observer.Clock.SYSTEM);
    }

    /**
     * @param sampler where observation samples come from; null for the hosts' addresses through {@code prober} and
     *     targets asked with sockets from this machine
     */
    public CheckRun(Prober prober, Map<String, HostSpec> hosts, Pause pause, Sampler sampler, Observer.Clock clock) {
        this.prober = prober;
        this.hosts = Map.copyOf(hosts);
        this.pause = pause;
        this.sampler = sampler != null ? sampler : SocketSampler.withDefaults(this::addresses);
        this.clock = clock;
    }

    /** True when some of these checks are observed over time (they need a wait window to pass). */
    public static boolean observes(List<BoundCheck> checks) {
        return checks.stream().anyMatch(c -> c.primitive().filter(TimelineCheck.class::isInstance).isPresent());
    }

    /**
     * Runs {@code checks} for up to {@code wait}, re-probing every {@code interval}, telling {@code hostPhases} each
     * host's phase, {@code waits} each wait between rounds and {@code observing} the progress of observed checks.
     */
    public List<Verdict> run(List<BoundCheck> checks, Duration wait, Duration interval, Prober.Listener hostPhases,
            Rounds waits, ObservationListener observing) {
        // Without a window nothing can be watched: observed checks are judged in the round like
        // any other, from keepalived's logs where they say how (TimelineCheck.fromLogs).
        List<BoundCheck> observed = wait.isZero() ? List.of() : checks.stream()
                .filter(c -> c.primitive().filter(TimelineCheck.class::isInstance).isPresent()).toList();
        List<BoundCheck> rounds = checks.stream().filter(c -> !observed.contains(c)).toList();
        Map<String, Verdict> results = new LinkedHashMap<>();
        CompletableFuture<Map<String, Verdict>> watching =
                observed.isEmpty() ? CompletableFuture.completedFuture(Map.of()) : observe(observed, wait, observing);
        try {
            if (!rounds.isEmpty()) {
                results.putAll(rounds(rounds, wait, interval, hostPhases, waits));
            }
            results.putAll(fromLogsWhereNotSeen(observed, watching.get()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watching.cancel(true);
        } catch (ExecutionException e) {
            throw new IllegalStateException("observing failed: " + e.getCause(), e.getCause());
        }
        List<Verdict> ordered = new ArrayList<>();
        for (BoundCheck c : checks) {
            Verdict v = results.get(c.id());
            ordered.add(v != null ? v : Evaluator.judged(c,
                    Outcome.error("cancelled", dev.labtutor.i18n.Text.of("检查被取消", "the check was cancelled"))));
        }
        return ordered;
    }

    /**
     * A watch that ended without seeing the pattern (the learner acted before watching began, or not at all) is
     * followed by one round of the logs for the checks that can be judged from them: a failover performed before the
     * watch still passes, and says how it was seen.
     */
    private Map<String, Verdict> fromLogsWhereNotSeen(List<BoundCheck> observed, Map<String, Verdict> watched) {
        List<BoundCheck> again = observed.stream().filter(c -> {
            Verdict v = watched.get(c.id());
            return v != null && !v.passed() && ((TimelineCheck) c.primitive().orElseThrow()).fromLogs().isPresent();
        }).toList();
        if (again.isEmpty() || Thread.currentThread().isInterrupted()) {
            return watched;
        }
        Map<String, Verdict> out = new LinkedHashMap<>(watched);
        Plan plan = Plan.of(again);
        RoundFacts facts = prober.probe(plan.probes(), hosts);
        for (BoundCheck c : again) {
            Verdict logs = Evaluator.evaluate(c, facts);
            if (logs.passed()) {
                Verdict seen = watched.get(c.id());
                out.put(c.id(),
                        logs.withNotes(
                                List.of(dev.labtutor.i18n.Text.of("观察期间没有看到切换（" + seen.message().zh() + "），但日志记录了它",
                                        "the watch did not see it (" + seen.message().en() + "), the logs did"))));
            }
        }
        return out;
    }

    private CompletableFuture<Map<String, Verdict>> observe(List<BoundCheck> observed, Duration wait,
            ObservationListener listener) {
        Map<String, Watch> watches = new LinkedHashMap<>();
        for (BoundCheck c : observed) {
            watches.put(c.id(), ((TimelineCheck) c.primitive().orElseThrow()).watch(c.on()));
        }
        CompletableFuture<Map<String, Verdict>> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                Map<String, Timeline> timelines =
                        new Observer(sampler, Observer.DEFAULT_INTERVAL, clock).observe(watches, wait, listener);
                Map<String, Verdict> out = new LinkedHashMap<>();
                RoundFacts os = Thread.currentThread().isInterrupted() ? new RoundFacts(Map.of()) : distros(observed);
                for (BoundCheck c : observed) {
                    TimelineCheck tc = (TimelineCheck) c.primitive().orElseThrow();
                    out.put(c.id(), Evaluator.judged(c, tc.judge(timelines.get(c.id())), os));
                }
                f.complete(out);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        }, "labtutor-observer");
        t.setDaemon(true);
        t.start();
        f.whenComplete((v, e) -> {
            if (f.isCancelled()) {
                t.interrupt();
            }
        });
        return f;
    }

    /**
     * Each host's distribution, asked once after a watch, for the watched checks whose hints have family forms: a
     * Debian learner whose failover was not seen is told apache2, not httpd. No round when no hint needs it.
     */
    private RoundFacts distros(List<BoundCheck> observed) {
        Map<String, Set<Probe>> plan = new LinkedHashMap<>();
        observed.stream().filter(c -> !c.hintFamilies().isEmpty())
                .forEach(c -> c.on().forEach(r -> plan.put(r, Set.of(HostFacts.OS))));
        return plan.isEmpty() ? new RoundFacts(Map.of()) : prober.probe(plan, hosts);
    }

    private Map<String, Set<String>> addresses(Set<String> roles) {
        Map<String, Set<Probe>> plan = new LinkedHashMap<>();
        roles.forEach(r -> plan.put(r, Set.of(AddressCheck.ADDRESSES)));
        RoundFacts facts = prober.probe(plan, hosts);
        Map<String, Set<String>> out = new HashMap<>();
        for (String r : roles) {
            facts.host(r).filter(h -> h.failure().isEmpty()).map(h -> h.fact(AddressCheck.ADDRESSES))
                    .filter(Addresses.class::isInstance)
                    .ifPresent(a -> out.put(r, TimelineCheck.addressesOf((Addresses) a)));
        }
        return out;
    }

    private Map<String, Verdict> rounds(List<BoundCheck> checks, Duration wait, Duration interval,
            Prober.Listener listener, Rounds rounds) {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, Verdict> results = new LinkedHashMap<>();
        Plan plan = Plan.of(checks);
        while (true) {
            RoundFacts facts = prober.probe(plan.probes(), hosts, listener);
            for (BoundCheck c : plan.checks()) {
                results.put(c.id(), Evaluator.evaluate(c, facts));
            }
            Set<String> open =
                    results.values().stream().filter(v -> !v.passed()).map(Verdict::check).collect(Collectors.toSet());
            if (open.isEmpty() || System.nanoTime() + interval.toNanos() > deadline) {
                break;
            }
            rounds.waiting(results.values().stream().filter(v -> !v.passed()).toList(),
                    Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            try {
                pause.pause(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            plan = plan.only(open);
        }
        return results;
    }
}
