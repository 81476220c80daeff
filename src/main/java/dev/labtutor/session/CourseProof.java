package dev.labtutor.session;

import dev.labtutor.check.LessonOutcome;
import dev.labtutor.check.QuizVerdict;
import dev.labtutor.check.Status;
import dev.labtutor.check.Supersede;
import dev.labtutor.check.Verdict;
import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Quiz;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Proves a course on a fresh lab: for each lesson in order, its checks must not all pass before its solution (at least
 * one real FAIL) and must all pass after it. The quiz counts as a check: unanswered before, answered with
 * {@link Quiz#key} after. A lesson whose checks are observed over time (a failover) is checked while its solution runs,
 * as a learner acts while the tutor watches. A check that cannot be judged here (a kernel without ip_vs or nfsd) makes
 * the lesson NOT_RUNNABLE: reported with the reason, never counted as proven.
 */
public final class CourseProof {

    public enum Result {
        PROVEN, PASSES_UNSOLVED, FAILS_SOLVED, SOLVE_FAILED, NOT_RUNNABLE
    }

    /** Causes that mean "this machine cannot run the lesson", not "the lesson is wrong". */
    public static final Set<String> NOT_RUNNABLE_CAUSES = Set.of("ipvs-unavailable", "nfsd-unavailable");

    public record LessonProof(String lesson, Result result, int checks, int failedBefore, int passedAfter,
            Duration time, String detail, List<Verdict> after) {

        public LessonProof {
            after = List.copyOf(after);
        }

        public LessonProof(String lesson, Result result, int checks, int failedBefore, int passedAfter, Duration time,
                String detail) {
            this(lesson, result, checks, failedBefore, passedAfter, time, detail, List.of());
        }
    }

    /** What the proof needs from a lab. */
    public interface Lab extends ObservedSolve.Lab {
        List<Verdict> check(Lesson lesson, Duration wait);

        @Override
        void solve(Lesson lesson) throws Solver.SolveFailed;

        /** Checks reporting observation progress; labs without observation checks need not override it. */
        @Override
        default List<Verdict> check(Lesson lesson, Duration wait, ObservationListener listener) {
            return check(lesson, wait);
        }

        /** True when the lesson has checks observed over time (its solution must run while they watch). */
        default boolean observes(Lesson lesson) {
            return false;
        }
    }

    /** A live lab as the proof (and {@code sandbox solve}) use it; solution scripts get {@code perScript} each. */
    public static Lab of(LessonLab ll, Duration perScript, Consumer<String> progress) {
        return new Lab() {
            @Override
            public List<Verdict> check(Lesson lesson, Duration wait) {
                return ll.check(lesson, wait);
            }

            @Override
            public List<Verdict> check(Lesson lesson, Duration wait, ObservationListener listener) {
                return ll.check(lesson, wait, listener);
            }

            @Override
            public boolean observes(Lesson lesson) {
                return ll.observes(lesson);
            }

            @Override
            public void solve(Lesson lesson) throws Solver.SolveFailed {
                ll.solve(lesson, perScript, progress);
            }
        };
    }

    private final Lab lab;
    private final Duration settle;

    /** @param settle how long to wait for checks to pass after a solution (VRRP needs seconds) */
    public CourseProof(Lab lab, Duration settle) {
        this.lab = lab;
        this.settle = settle;
    }

    /**
     * Walks {@code course} in order up to the last of {@code targets}: proves each target lesson, and solves every
     * other lesson on the way without proving it, since later lessons build on what earlier ones set up.
     */
    public List<LessonProof> prove(List<Lesson> course, java.util.Collection<String> targets,
            Consumer<LessonProof> each) throws Solver.SolveFailed {
        int last = -1;
        for (int i = 0; i < course.size(); i++) {
            if (targets.contains(course.get(i).id())) {
                last = i;
            }
        }
        List<LessonProof> out = new ArrayList<>();
        for (Lesson l : course.subList(0, last + 1)) {
            if (!targets.contains(l.id())) {
                lab.solve(l);
                continue;
            }
            LessonProof p = proveOne(l);
            out.add(p);
            each.accept(p);
        }
        return out;
    }

    /** One lesson judged at the end of the course: how many of its checks (quiz included) still pass. */
    public record EndState(String lesson, int checks, int passed, List<Verdict> verdicts) {

        public EndState {
            verdicts = List.copyOf(verdicts);
        }

        /** Whether the lesson still passes, by the one rule ({@link LessonOutcome#passes(List)}). */
        public boolean holds() {
            return LessonOutcome.passes(verdicts);
        }
    }

    /**
     * Solves every lesson of {@code course} after {@code done} that was not solved yet, so the lab reaches the course's
     * end state.
     */
    public void solveRest(List<Lesson> course, String done) throws Solver.SolveFailed {
        int from = 0;
        for (int i = 0; i < course.size(); i++) {
            if (course.get(i).id().equals(done)) {
                from = i + 1;
            }
        }
        for (Lesson l : course.subList(from, course.size())) {
            lab.solve(l);
        }
    }

    /**
     * Every lesson checked again on the lab as it is now, each in one round (observed lessons from keepalived's logs),
     * judged together as re-checking and grading judge them (a check a later lesson supersedes is judged with that
     * lesson, {@link Supersede}); the quizzes with their answer keys. A finished lab must hold every lesson.
     */
    public List<EndState> endState(Course course) {
        Map<String, List<Verdict>> all = new java.util.LinkedHashMap<>();
        for (Lesson l : course.lessons()) {
            all.put(l.id(), lab.check(l, Duration.ZERO));
        }
        Map<String, List<Verdict>> resolved = Supersede.resolve(course, all);
        List<EndState> out = new ArrayList<>();
        for (Lesson l : course.lessons()) {
            List<Verdict> vs = withQuiz(resolved.get(l.id()), l, Quiz.key(l.quiz()));
            out.add(new EndState(l.id(), vs.size(), (int) vs.stream().filter(Verdict::passed).count(), vs));
        }
        return out;
    }

    private LessonProof proveOne(Lesson l) {
        long t0 = System.nanoTime();
        List<Verdict> before = withQuiz(lab.check(l, Duration.ZERO), l, Map.of());
        int n = before.size();
        long failedBefore = before.stream().filter(v -> v.status() == Status.FAIL).count();
        Optional<Verdict> cannotBefore = notRunnable(before);
        // A lesson this machine cannot run is still solved (later lessons build on it), but not waited for.
        Duration window = cannotBefore.isPresent() ? Duration.ZERO : settle;
        List<Verdict> after;
        try {
            after = withQuiz(lab.observes(l) ? solveWhileObserving(l, window) : solveThenCheck(l, window), l,
                    Quiz.key(l.quiz()));
        } catch (Solver.SolveFailed e) {
            Optional<Verdict> cannot = cannotBefore.or(() -> notRunnable(lab.check(l, Duration.ZERO)));
            if (cannot.isPresent()) {
                return new LessonProof(l.id(), Result.NOT_RUNNABLE, n, (int) failedBefore, 0, since(t0),
                        "not runnable here: " + cannot.get().message().en() + " (its solution failed too: "
                                + e.getMessage() + ")");
            }
            return new LessonProof(l.id(), Result.SOLVE_FAILED, n, (int) failedBefore, 0, since(t0), e.getMessage());
        }
        int passedAfter = (int) after.stream().filter(Verdict::passed).count();
        Optional<Verdict> cannot = notRunnable(after).or(() -> cannotBefore);
        if (cannot.isPresent()) {
            return new LessonProof(l.id(), Result.NOT_RUNNABLE, n, (int) failedBefore, passedAfter, since(t0),
                    "not runnable here: " + cannot.get().message().en(), after);
        }
        if (failedBefore == 0) {
            return new LessonProof(l.id(), Result.PASSES_UNSOLVED, n, 0, passedAfter, since(t0),
                    "no check failed before the solution: " + summary(before), after);
        }
        if (passedAfter < n) {
            return new LessonProof(l.id(), Result.FAILS_SOLVED, n, (int) failedBefore, passedAfter, since(t0),
                    "after the solution: " + summary(after.stream().filter(v -> !v.passed()).toList()), after);
        }
        return new LessonProof(l.id(), Result.PROVEN, n, (int) failedBefore, passedAfter, since(t0), "", after);
    }

    private List<Verdict> solveThenCheck(Lesson l, Duration window) throws Solver.SolveFailed {
        lab.solve(l);
        return lab.check(l, window);
    }

    private List<Verdict> solveWhileObserving(Lesson l, Duration window) throws Solver.SolveFailed {
        return ObservedSolve.run(lab, l, window, ObservationListener.NONE);
    }

    private static List<Verdict> withQuiz(List<Verdict> checks, Lesson l, Map<String, String> answers) {
        List<Verdict> all = new ArrayList<>(checks);
        QuizVerdict.of(l, answers).ifPresent(all::add);
        return all;
    }

    private static Optional<Verdict> notRunnable(List<Verdict> vs) {
        return vs.stream().filter(v -> v.status() == Status.ERROR && NOT_RUNNABLE_CAUSES.contains(v.cause()))
                .findFirst();
    }

    private static String summary(List<Verdict> vs) {
        StringBuilder sb = new StringBuilder();
        for (Verdict v : vs) {
            sb.append(sb.length() == 0 ? "" : "; ").append(v.check()).append(' ').append(v.status().json()).append(": ")
                    .append(v.message().en());
        }
        return sb.toString();
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }
}
