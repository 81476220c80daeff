package dev.labtutor.session;

import dev.labtutor.check.LessonOutcome;
import dev.labtutor.check.Verdict;
import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Applies one lesson's solution to a lab as a learner would ({@code sandbox solve LESSON}): first the earlier lessons
 * that do not pass yet (unless {@code only}), then the lesson itself, observed while it runs when its checks watch,
 * else followed by a check that may wait {@code settle} for elections to settle. Beside {@link CourseProof}, which
 * proves lessons with the same steps.
 */
public final class LessonSolve {

    /** The time each solve script may take. */
    static final Duration PER_SCRIPT = Duration.ofSeconds(120);

    private LessonSolve() {
    }

    /** The lesson's checks that still do not pass after its solution was applied (empty: solved). */
    public static List<Verdict> run(LessonLab lab, Course course, Lesson lesson, boolean only, Duration settle,
            Consumer<String> progress, ObservationListener timeline) throws Solver.SolveFailed {
        if (!only) {
            for (Lesson earlier : course.lessons().subList(0, course.indexOf(lesson.id()))) {
                if (!LessonOutcome.passes(lab.check(earlier, Duration.ZERO))) {
                    progress.accept("(" + earlier.id() + " does not pass yet: solving it first)");
                    lab.solve(earlier, PER_SCRIPT, progress);
                }
            }
        }
        List<Verdict> verdicts;
        if (lab.observes(lesson)) {
            progress.accept("watching " + lesson.id() + "'s checks while its solution runs...");
            Duration window = settle.compareTo(Duration.ofSeconds(60)) > 0 ? settle : Duration.ofSeconds(60);
            verdicts = ObservedSolve.run(CourseProof.of(lab, PER_SCRIPT, progress), lesson, window, timeline);
        } else {
            lab.solve(lesson, PER_SCRIPT, progress);
            progress.accept("waiting for " + lesson.id() + "'s checks to pass (VRRP elections take a few seconds)...");
            verdicts = lab.check(lesson, settle);
        }
        return verdicts.stream().filter(v -> !v.passed()).toList();
    }
}
