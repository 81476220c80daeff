package dev.labtutor.check;

import dev.labtutor.host.HostSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a list of bound checks: one round, then (with a wait budget) re-probes only what has
 * not passed until everything passes or the time is up. The result keeps the checks' order.
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
        Rounds NONE = (open, left) -> { };

        void waiting(List<Verdict> notPassed, Duration left);
    }

    private final Prober prober;
    private final Map<String, HostSpec> hosts;
    private final Pause pause;

    public CheckRun(Prober prober, Map<String, HostSpec> hosts, Pause pause) {
        this.prober = prober;
        this.hosts = Map.copyOf(hosts);
        this.pause = pause;
    }

    public List<Verdict> run(List<BoundCheck> checks, Duration wait, Duration interval) {
        return run(checks, wait, interval, Prober.Listener.NONE, Rounds.NONE);
    }

    /** As {@link #run(List, Duration, Duration)}, telling {@code listener} each host's phase and {@code rounds} each wait. */
    public List<Verdict> run(List<BoundCheck> checks, Duration wait, Duration interval, Prober.Listener listener, Rounds rounds) {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, Verdict> results = new LinkedHashMap<>();
        Plan plan = Plan.of(checks);
        while (true) {
            RoundFacts facts = prober.probe(plan.probes(), hosts, listener);
            for (BoundCheck c : plan.checks()) {
                results.put(c.id(), Evaluator.evaluate(c, facts));
            }
            Set<String> open = results.values().stream().filter(v -> !v.passed()).map(Verdict::check).collect(Collectors.toSet());
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
        List<Verdict> ordered = new ArrayList<>();
        for (BoundCheck c : checks) {
            ordered.add(results.get(c.id()));
        }
        return ordered;
    }
}
