package dev.labtutor.session;

import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Lesson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Proves a course on a fresh lab: for each lesson in order, its checks must not all pass before
 * its solution (at least one real FAIL) and must all pass after it. A check that cannot be
 * judged here (kernel without ip_vs) makes the lesson NOT_RUNNABLE: reported with the reason,
 * never counted as proven.
 */
public final class CourseProof {

    public enum Result { PROVEN, PASSES_UNSOLVED, FAILS_SOLVED, SOLVE_FAILED, NOT_RUNNABLE }

    public record LessonProof(String lesson, Result result, int checks, int failedBefore, int passedAfter,
                              Duration time, String detail) {
    }

    /** What the proof needs from a lab. */
    public interface Lab {
        List<Verdict> check(Lesson lesson, Duration wait);

        void solve(Lesson lesson) throws Solver.SolveFailed;
    }

    private final Lab lab;
    private final Duration settle;

    /** @param settle how long to wait for checks to pass after a solution (VRRP needs seconds) */
    public CourseProof(Lab lab, Duration settle) {
        this.lab = lab;
        this.settle = settle;
    }

    /**
     * Solves {@code prerequisites} without proving them, then proves each of {@code lessons}.
     */
    public List<LessonProof> prove(List<Lesson> prerequisites, List<Lesson> lessons, Consumer<LessonProof> each)
            throws Solver.SolveFailed {
        for (Lesson l : prerequisites) {
            lab.solve(l);
        }
        List<LessonProof> out = new ArrayList<>();
        for (Lesson l : lessons) {
            LessonProof p = proveOne(l);
            out.add(p);
            each.accept(p);
        }
        return out;
    }

    private LessonProof proveOne(Lesson l) {
        long t0 = System.nanoTime();
        List<Verdict> before = lab.check(l, Duration.ZERO);
        int n = before.size();
        long failedBefore = before.stream().filter(v -> v.status() == Status.FAIL).count();
        try {
            lab.solve(l);
        } catch (Solver.SolveFailed e) {
            return new LessonProof(l.id(), Result.SOLVE_FAILED, n, (int) failedBefore, 0, since(t0), e.getMessage());
        }
        List<Verdict> after = lab.check(l, settle);
        int passedAfter = (int) after.stream().filter(Verdict::passed).count();
        List<Verdict> notRunnable = after.stream().filter(v -> v.status() == Status.ERROR && v.cause().equals("ipvs-unavailable")).toList();
        if (!notRunnable.isEmpty()) {
            return new LessonProof(l.id(), Result.NOT_RUNNABLE, n, (int) failedBefore, passedAfter, since(t0),
                    "not runnable here: " + notRunnable.get(0).message().en());
        }
        if (failedBefore == 0) {
            return new LessonProof(l.id(), Result.PASSES_UNSOLVED, n, 0, passedAfter, since(t0),
                    "no check failed before the solution: " + summary(before));
        }
        if (passedAfter < n) {
            return new LessonProof(l.id(), Result.FAILS_SOLVED, n, (int) failedBefore, passedAfter, since(t0),
                    "after the solution: " + summary(after.stream().filter(v -> !v.passed()).toList()));
        }
        return new LessonProof(l.id(), Result.PROVEN, n, (int) failedBefore, passedAfter, since(t0), "");
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
