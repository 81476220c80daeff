package dev.labtutor.session;

import dev.labtutor.check.Verdict;
import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.check.observe.Timeline;
import dev.labtutor.course.Lesson;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Applies a lesson's solution while its checks watch, as a learner acts while the tutor observes: checking starts with
 * {@code window} as the observation window, the solution runs once every watch has its baseline (the first state of its
 * pattern seen), and the verdicts come back when observing ends.
 */
public final class ObservedSolve {

    /** What is needed from a lab: a check that reports observation progress, and the solution. */
    public interface Lab {
        List<Verdict> check(Lesson lesson, Duration wait, ObservationListener listener);

        void solve(Lesson lesson) throws Solver.SolveFailed;
    }

    /** How long the solution waits for the watches' baseline before it acts anyway (a slow emulated lab). */
    private static final Duration OBSERVER_START = Duration.ofSeconds(60);

    private ObservedSolve() {
    }

    public static List<Verdict> run(Lab lab, Lesson lesson, Duration window, ObservationListener progress)
            throws Solver.SolveFailed {
        CountDownLatch baseline = new CountDownLatch(1);
        java.util.Set<String> watches = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Set<String> atStart = java.util.concurrent.ConcurrentHashMap.newKeySet();
        ObservationListener started = new ObservationListener() {
            @Override
            public void started(String check, dev.labtutor.check.observe.Watch watch, Duration w) {
                watches.add(check);
                progress.started(check, watch, w);
            }

            @Override
            public void sampled(String check, Timeline sofar) {
                // The solution acts only once every watch has seen the pattern's first state (lb01
                // holding the VIP, lb01's page answering): acting earlier makes the watch miss the
                // start of what it must see, as a learner who acts before watching would.
                if (sofar.matched() >= 1) {
                    atStart.add(check);
                }
                if (atStart.containsAll(watches)) {
                    baseline.countDown();
                }
                progress.sampled(check, sofar);
            }

            @Override
            public void event(String check, dev.labtutor.check.observe.TimelineEvent e) {
                progress.event(check, e);
            }

            @Override
            public void finished(String check, Timeline timeline) {
                progress.finished(check, timeline);
            }
        };
        ExecutorService one = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "labtutor-observed-solve");
            t.setDaemon(true);
            return t;
        });
        try {
            // A solution whose set-up comes first (web-failover installs httpd before the failover)
            // says where watching must begin: the set-up runs before the watch, which otherwise
            // could not see its baseline until the set-up was done.
            java.util.OptionalInt from = lesson.watchFrom();
            if (from.isPresent() && from.getAsInt() > 0) {
                lab.solve(lesson.withSolve(lesson.solve().subList(0, from.getAsInt())));
            }
            Lesson watched = from.isPresent()
                    ? lesson.withSolve(lesson.solve().subList(from.getAsInt(), lesson.solve().size())) : lesson;
            Future<List<Verdict>> watching = one.submit(() -> lab.check(lesson, window, started));
            try {
                baseline.await(OBSERVER_START.toMillis(), TimeUnit.MILLISECONDS);
                lab.solve(watched);
                return watching.get();
            } catch (Solver.SolveFailed e) {
                watching.cancel(true);
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                watching.cancel(true);
                throw new Solver.SolveFailed("interrupted while observing " + lesson.id());
            } catch (ExecutionException e) {
                throw new IllegalStateException("checking " + lesson.id() + " failed: " + e.getCause(), e.getCause());
            }
        } finally {
            one.shutdownNow();
        }
    }
}
