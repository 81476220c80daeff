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

    private final Prober prober;
    private final Map<String, HostSpec> hosts;
    private final Pause pause;

    public CheckRun(Prober prober, Map<String, HostSpec> hosts, Pause pause) {
        this.prober = prober;
        this.hosts = Map.copyOf(hosts);
        this.pause = pause;
    }

    public List<Verdict> run(List<BoundCheck> checks, Duration wait, Duration interval) {
        long deadline = System.nanoTime() + wait.toNanos();
        Map<String, Verdict> results = new LinkedHashMap<>();
        Plan plan = Plan.of(checks);
        while (true) {
            RoundFacts facts = prober.probe(plan.probes(), hosts);
            for (BoundCheck c : plan.checks()) {
                results.put(c.id(), Evaluator.evaluate(c, facts));
            }
            Set<String> open = results.values().stream().filter(v -> !v.passed()).map(Verdict::check).collect(Collectors.toSet());
            if (open.isEmpty() || System.nanoTime() + interval.toNanos() > deadline) {
                break;
            }
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
