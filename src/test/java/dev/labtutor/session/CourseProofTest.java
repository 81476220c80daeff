package dev.labtutor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;
import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.check.observe.Timeline;
import dev.labtutor.check.observe.Watch;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Question;
import dev.labtutor.i18n.Text;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The proof's rules on a fake lab: quiz as a check, solving while observing, machines that cannot run a lesson. */
class CourseProofTest {

    private static final Text T = Text.of("x", "x");

    private static Lesson lesson(String id, List<Question> quiz) {
        return new Lesson(id, T, T, List.of("lb01"), List.of(), quiz, List.of(), Path.of(id + ".yaml"));
    }

    private static Verdict verdict(String id, Status s, String cause) {
        return new Verdict(id, T, List.of("lb01"), s, cause, Text.of(id + " " + s, id + " " + s), Optional.empty(),
                List.of());
    }

    private static final Question Q = new Question("q1", T, List.of(new Question.Choice("a", T, false, Optional.of(T)),
            new Question.Choice("b", T, true, Optional.empty())), T);

    @Test
    void aQuizOnlyLessonFailsUnansweredAndPassesWithTheKey() throws Exception {
        CourseProof.Lab lab = new CourseProof.Lab() {
            @Override
            public List<Verdict> check(Lesson lesson, Duration wait) {
                return List.of(verdict("ready", Status.PASS, ""));
            }

            @Override
            public void solve(Lesson lesson) {
            }
        };
        var p = new CourseProof(lab, Duration.ofSeconds(1)).prove(List.of(lesson("basics", List.of(Q))),
                List.of("basics"), x -> {
                });
        assertEquals(CourseProof.Result.PROVEN, p.get(0).result(), p.get(0).detail());
        assertEquals(2, p.get(0).checks());
        assertEquals(1, p.get(0).failedBefore());
    }

    @Test
    void anObservedLessonIsSolvedOnlyOnceTheObserverWatches() throws Exception {
        AtomicBoolean watching = new AtomicBoolean();
        AtomicBoolean solvedWhileWatching = new AtomicBoolean();
        List<String> order = new ArrayList<>();
        CourseProof.Lab lab = new CourseProof.Lab() {
            volatile boolean solved;

            @Override
            public List<Verdict> check(Lesson lesson, Duration wait) {
                return List.of(verdict("failover", Status.FAIL, "not-observed"));
            }

            @Override
            public List<Verdict> check(Lesson lesson, Duration wait, ObservationListener listener) {
                order.add("observe");
                watching.set(true);
                listener.sampled("failover", new Timeline(new Watch(Watch.Track.HOLDER, "10.0.0.100", List.of("lb01"),
                        Optional.empty(), List.of(), 1, List.of("lb01")), List.of()));
                long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!solved && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                watching.set(false);
                return List.of(verdict("failover", solved ? Status.PASS : Status.FAIL, ""));
            }

            @Override
            public boolean observes(Lesson lesson) {
                return true;
            }

            @Override
            public void solve(Lesson lesson) {
                order.add("solve");
                solvedWhileWatching.set(watching.get());
                solved = true;
            }
        };
        var p = new CourseProof(lab, Duration.ofSeconds(5)).prove(List.of(lesson("failover", List.of())),
                List.of("failover"), x -> {
                });
        assertEquals(CourseProof.Result.PROVEN, p.get(0).result(), p.get(0).detail());
        assertEquals(List.of("observe", "solve"), order);
        assertTrue(solvedWhileWatching.get(), "the solution runs while the observer watches");
    }

    @Test
    void theSolutionWaitsUntilEveryWatchHasSeenThePatternsFirstState() throws Exception {
        // The flake CI met: the solution stopped keepalived before the watch had seen lb01 serve, so
        // the watch never saw the pattern's start. Samples before the baseline must not release it.
        Watch w = new Watch(Watch.Track.HOLDER, "10.0.0.100", List.of("lb01", "lb02"), Optional.empty(), List.of(), 1,
                List.of("lb01", "lb02", "lb01"));
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        CourseProof.Lab lab = new CourseProof.Lab() {
            volatile boolean solved;

            @Override
            public List<Verdict> check(Lesson lesson, Duration wait) {
                return List.of(verdict("failover", Status.FAIL, "not-performed"));
            }

            @Override
            public List<Verdict> check(Lesson lesson, Duration wait, ObservationListener listener) {
                listener.started("failover", w, wait);
                List<dev.labtutor.check.observe.Sample> samples = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    samples.add(new dev.labtutor.check.observe.Sample(i * 250L,
                            java.util.Map.of("lb01", java.util.Set.of(), "lb02", java.util.Set.of()),
                            java.util.Map.of()));
                    order.add("nobody holds it");
                    listener.sampled("failover", new Timeline(w, samples));
                    sleep(100);
                }
                samples.add(new dev.labtutor.check.observe.Sample(1000,
                        java.util.Map.of("lb01", java.util.Set.of("10.0.0.100"), "lb02", java.util.Set.of()),
                        java.util.Map.of()));
                order.add("lb01 holds it");
                listener.sampled("failover", new Timeline(w, samples));
                long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!solved && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                return List.of(verdict("failover", solved ? Status.PASS : Status.FAIL, ""));
            }

            @Override
            public boolean observes(Lesson lesson) {
                return true;
            }

            @Override
            public void solve(Lesson lesson) {
                order.add("solve");
                solved = true;
            }
        };
        var p = new CourseProof(lab, Duration.ofSeconds(5)).prove(List.of(lesson("failover", List.of())),
                List.of("failover"), x -> {
                });
        assertEquals(CourseProof.Result.PROVEN, p.get(0).result(), p.get(0).detail());
        assertEquals(List.of("nobody holds it", "nobody holds it", "nobody holds it", "lb01 holds it", "solve"), order);
    }

    @Test
    void aSolutionsSetUpRunsBeforeWatchingBeginsAndTheWatchedPartAfterTheBaseline() throws Exception {
        // web-failover: httpd and the pages first (no baseline can be seen before they exist), then the failover.
        List<dev.labtutor.course.Action> solve =
                List.of(new dev.labtutor.course.Action.Run("lb01", "dnf install -y httpd", false),
                        new dev.labtutor.course.Action.Run("lb01", "systemctl stop keepalived", false, true),
                        new dev.labtutor.course.Action.Run("lb01", "systemctl start keepalived", false));
        Lesson l = new Lesson("web-failover", T, T, List.of("lb01"), List.of(), List.of(), solve,
                Path.of("web-failover.yaml"));
        Watch w = new Watch(Watch.Track.HOLDER, "10.0.0.100", List.of("lb01"), Optional.empty(), List.of(), 1,
                List.of("lb01"));
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        CourseProof.Lab lab = new CourseProof.Lab() {
            volatile boolean done;

            @Override
            public List<Verdict> check(Lesson lesson, Duration wait) {
                return List.of(verdict("pages", Status.FAIL, "not-performed"));
            }

            @Override
            public List<Verdict> check(Lesson lesson, Duration wait, ObservationListener listener) {
                order.add("watch");
                listener.started("pages", w, wait);
                listener.sampled("pages", new Timeline(w, List.of(new dev.labtutor.check.observe.Sample(0,
                        java.util.Map.of("lb01", java.util.Set.of("10.0.0.100")), java.util.Map.of()))));
                long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (!done && System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                return List.of(verdict("pages", Status.PASS, ""));
            }

            @Override
            public boolean observes(Lesson lesson) {
                return true;
            }

            @Override
            public void solve(Lesson lesson) {
                lesson.solve().forEach(a -> order.add(((dev.labtutor.course.Action.Run) a).script()));
                done = lesson.solve().size() == 2;
            }
        };
        var p = new CourseProof(lab, Duration.ofSeconds(5)).prove(List.of(l), List.of("web-failover"), x -> {
        });
        assertEquals(CourseProof.Result.PROVEN, p.get(0).result(), p.get(0).detail());
        assertEquals(
                List.of("dnf install -y httpd", "watch", "systemctl stop keepalived", "systemctl start keepalived"),
                order);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aKernelWithoutIpvsMakesTheLessonNotRunnableEvenWhenItsSolutionFails() throws Exception {
        CourseProof.Lab lab = new CourseProof.Lab() {
            @Override
            public List<Verdict> check(Lesson lesson, Duration wait) {
                return List.of(verdict("ipvs", Status.ERROR, "ipvs-unavailable"));
            }

            @Override
            public void solve(Lesson lesson) throws Solver.SolveFailed {
                throw new Solver.SolveFailed("mount: unknown filesystem type 'nfs'");
            }
        };
        var p = new CourseProof(lab, Duration.ofSeconds(1)).prove(List.of(lesson("nfs", List.of())), List.of("nfs"),
                x -> {
                });
        assertEquals(CourseProof.Result.NOT_RUNNABLE, p.get(0).result());
        assertTrue(p.get(0).detail().startsWith("not runnable here: ipvs ERROR"), p.get(0).detail());
    }

    @Test
    void lessonsBetweenTheProvenOnesAreSolvedNotProven() throws Exception {
        List<String> solved = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        CourseProof.Lab lab = new CourseProof.Lab() {
            @Override
            public List<Verdict> check(Lesson lesson, Duration wait) {
                checked.add(lesson.id());
                return List.of(verdict(lesson.id(), solved.contains(lesson.id()) ? Status.PASS : Status.FAIL, ""));
            }

            @Override
            public void solve(Lesson lesson) {
                solved.add(lesson.id());
            }
        };
        var p = new CourseProof(lab, Duration.ofSeconds(1)).prove(List.of(lesson("a", List.of()),
                lesson("b", List.of()), lesson("c", List.of()), lesson("d", List.of()), lesson("e", List.of())),
                List.of("b", "d"), x -> {
                });
        assertEquals(List.of("b", "d"), p.stream().map(CourseProof.LessonProof::lesson).toList());
        assertTrue(p.stream().allMatch(x -> x.result() == CourseProof.Result.PROVEN));
        assertEquals(List.of("a", "b", "c", "d"), solved, "c is solved before d is proven; e is after the last target");
        assertEquals(List.of("b", "b", "d", "d"), checked);
    }
}
