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
 * Applies a lesson's solution while its checks watch, as a learner acts while the tutor
 * observes: checking starts with {@code window} as the observation window, the solution runs
 * once the first sample is in, and the verdicts come back when observing ends.
 */
public final class ObservedSolve {

    /** What is needed from a lab: a check that reports observation progress, and the solution. */
    public interface Lab {
        List<Verdict> check(Lesson lesson, Duration wait, ObservationListener listener);

        void solve(Lesson lesson) throws Solver.SolveFailed;
    }

    private static final Duration OBSERVER_START = Duration.ofSeconds(30);

    private ObservedSolve() {
    }

    public static List<Verdict> run(Lab lab, Lesson lesson, Duration window, ObservationListener progress) throws Solver.SolveFailed {
        CountDownLatch firstSample = new CountDownLatch(1);
        ObservationListener started = new ObservationListener() {
            @Override
            public void started(String check, dev.labtutor.check.observe.Watch watch, Duration w) {
                progress.started(check, watch, w);
            }

            @Override
            public void sampled(String check, Timeline sofar) {
                firstSample.countDown();
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
            Future<List<Verdict>> watching = one.submit(() -> lab.check(lesson, window, started));
            try {
                firstSample.await(OBSERVER_START.toMillis(), TimeUnit.MILLISECONDS);
                lab.solve(lesson);
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
