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
 * Samples several times a second, for up to a window, what a set of observation checks watch:
 * the addresses of their hosts (one short exec per host per round on its kept connection) and
 * their targets from this machine, all at once each round. Stops early once every check's
 * timeline is complete. An interrupt (the learner cancelled) ends observing with what was seen.
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

    /** Four rounds a second: a VIP handover (well under a second) shows as a gap of one or two samples. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMillis(250);

    private final Sampler sampler;
    private final Duration interval;
    private final Clock clock;

    public Observer(Sampler sampler, Duration interval, Clock clock) {
        this.sampler = sampler;
        this.interval = interval;
        this.clock = clock;
    }

    /**
     * Observes until every watch's timeline is complete or {@code window} has passed (at least
     * one round is always taken).
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
        Map<String, Integer> eventsSeen = new HashMap<>();
        watches.forEach((id, w) -> latest.put(id, new Timeline(w, List.of())));
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, targets.size() + 1), r -> {
            Thread t = new Thread(r, "labtutor-observe");
            t.setDaemon(true);
            return t;
        });
        long start = clock.nanos();
        try {
            while (true) {
                long roundStart = clock.nanos();
                Future<Map<String, Set<String>>> addrs = roles.isEmpty() ? null : pool.submit(() -> sampler.addresses(roles));
                Map<Target, Future<Answer>> asks = new LinkedHashMap<>();
                targets.forEach(t -> asks.put(t, pool.submit(() -> sampler.ask(t))));
                Map<String, Set<String>> held = addrs == null ? Map.of() : addrs.get();
                Map<Target, Answer> answers = new HashMap<>();
                for (Map.Entry<Target, Future<Answer>> e : asks.entrySet()) {
                    answers.put(e.getKey(), e.getValue().get());
                }
                long roundEnd = clock.nanos();
                samples.add(new Sample(((roundStart + roundEnd) / 2 - start) / 1_000_000, held, answers));
                boolean allComplete = true;
                for (Map.Entry<String, Watch> e : watches.entrySet()) {
                    Timeline t = new Timeline(e.getValue(), samples);
                    latest.put(e.getKey(), t);
                    List<TimelineEvent> ev = t.events();
                    int seen = eventsSeen.getOrDefault(e.getKey(), 0);
                    for (TimelineEvent x : ev.subList(Math.min(seen, ev.size()), ev.size())) {
                        listener.event(e.getKey(), x);
                    }
                    eventsSeen.put(e.getKey(), ev.size());
                    listener.sampled(e.getKey(), t);
                    allComplete &= t.complete();
                }
                if (allComplete || clock.nanos() - start >= window.toNanos() || Thread.currentThread().isInterrupted()) {
                    break;
                }
                clock.sleep(roundStart + interval.toNanos() - clock.nanos());
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
