package dev.labtutor.check.observe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Samples several times a second, for up to a window, what a set of observation checks watch: the addresses of their
 * hosts (one short exec per host per round on its kept connection) and their targets from this machine. The targets are
 * asked every tick, also while a slow round of the hosts is still in flight, so the gaps and lost requests are measured
 * at the sampling rate even when the hosts answer slowly. Stops early once every check's timeline is complete (and the
 * hosts' round in flight has come back). An interrupt (the learner cancelled) ends observing with what was seen.
 */
public final class Observer {

    /** Time source and sleep, replaceable in tests. */
    public interface Clock {
        long nanos();

        void sleep(long nanos) throws InterruptedException;

        Clock SYSTEM = new Clock() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long nanos) throws InterruptedException {
                if (nanos > 0) {
                    Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
                }
            }
        };
    }

    /** Keeps the samples in time order: a slow hosts' round ends after answers taken while it ran. */
    private static void insert(List<Sample> samples, Sample s) {
        int i = samples.size();
        while (i > 0 && samples.get(i - 1).at() > s.at()) {
            i--;
        }
        samples.add(i, s);
    }

    /** Four rounds a second: a VIP handover (well under a second) shows as a gap of one or two samples. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

    private final Sampler sampler;
    private final Duration interval;
    private final Clock clock;
    private final java.util.function.IntFunction<ExecutorService> pools;

    public Observer(Sampler sampler, Duration interval, Clock clock) {
        this(sampler, interval, clock, threads -> Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "labtutor-observe");
            t.setDaemon(true);
            return t;
        }));
    }

    /** @param pools makes the pool the samples are taken on, given its size (tests run them in the calling thread) */
    Observer(Sampler sampler, Duration interval, Clock clock, java.util.function.IntFunction<ExecutorService> pools) {
        this.sampler = sampler;
        this.interval = interval;
        this.clock = clock;
        this.pools = pools;
    }

    /**
     * Observes until every watch's timeline is complete or {@code window} has passed (at least one round is always
     * taken).
     *
     * @return each check's timeline, in the order of {@code watches}
     */
    public Map<String, Timeline> observe(Map<String, Watch> watches, Duration window, ObservationListener listener) {
        Set<String> roles = new LinkedHashSet<>();
        Set<Target> targets = new LinkedHashSet<>();
        watches.values().forEach(w -> {
            if (w.track() == Watch.Track.HOLDER) {
                roles.addAll(w.roles());
            }
            w.target().ifPresent(targets::add);
        });
        watches.forEach((id, w) -> listener.started(id, w, window));
        List<Sample> samples = new ArrayList<>();
        Map<String, Timeline> latest = new LinkedHashMap<>();
        Map<String, Set<TimelineEvent>> reported = new HashMap<>();
        watches.forEach((id, w) -> {
            latest.put(id, new Timeline(w, List.of()));
            reported.put(id, new java.util.HashSet<>());
        });
        ExecutorService pool = pools.apply(Math.max(1, targets.size() + 1));
        long start = clock.nanos();
        Future<Map<String, Set<String>>> addrs = null;
        long addrStart = 0;
        try {
            while (true) {
                long tick = clock.nanos();
                boolean recorded = false;
                if (!roles.isEmpty()) {
                    if (addrs == null) {
                        addrStart = clock.nanos();
                        addrs = pool.submit(() -> sampler.addresses(roles));
                    }
                    // The hosts may answer slower than the targets (a loaded machine, an emulated VM): the
                    // targets keep being asked every tick while the hosts' round is in flight.
                    if (addrs.isDone() || targets.isEmpty()) {
                        Map<String, Set<String>> held = addrs.get();
                        insert(samples,
                                new Sample(((addrStart + clock.nanos()) / 2 - start) / 1_000_000, held, Map.of()));
                        addrs = null;
                        recorded = true;
                    }
                }
                if (!targets.isEmpty()) {
                    long askStart = clock.nanos();
                    Map<Target, Future<Answer>> asks = new LinkedHashMap<>();
                    targets.forEach(t -> asks.put(t, pool.submit(() -> sampler.ask(t))));
                    Map<Target, Answer> answers = new HashMap<>();
                    for (Map.Entry<Target, Future<Answer>> e : asks.entrySet()) {
                        answers.put(e.getKey(), e.getValue().get());
                    }
                    insert(samples,
                            new Sample(((askStart + clock.nanos()) / 2 - start) / 1_000_000, Map.of(), answers));
                    recorded = true;
                }
                boolean allComplete = true;
                for (Map.Entry<String, Watch> e : watches.entrySet()) {
                    Timeline t = recorded ? new Timeline(e.getValue(), samples) : latest.get(e.getKey());
                    if (recorded) {
                        latest.put(e.getKey(), t);
                        for (TimelineEvent x : t.events()) {
                            if (reported.get(e.getKey()).add(x)) {
                                listener.event(e.getKey(), x);
                            }
                        }
                        listener.sampled(e.getKey(), t);
                    }
                    allComplete &= t.complete();
                }
                boolean roundOpen = addrs != null;
                if ((allComplete && !roundOpen) || clock.nanos() - start >= window.toNanos() && !roundOpen
                        || Thread.currentThread().isInterrupted()) {
                    break;
                }
                clock.sleep(tick + interval.toNanos() - clock.nanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("sampling failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        latest.forEach(listener::finished);
        return latest;
    }
}
