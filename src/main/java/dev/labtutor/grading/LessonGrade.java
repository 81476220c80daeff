package dev.labtutor.grading;

import dev.labtutor.check.LessonOutcome;
import dev.labtutor.check.Status;
import dev.labtutor.course.Lesson;
import java.util.List;

/** One lesson for one student: its checks and the score they add up to. */
public record LessonGrade(Lesson lesson, List<CheckGrade> checks) {

    /** The state of a lesson cell in the gradebook and the dashboard. */
    public enum Cell {
        /** Every check passed. */
        PASS,
        /** Some points, not all. */
        PARTIAL,
        /** Judged, and no points. */
        FAIL,
        /** Nothing could be judged: the hosts did not answer. */
        UNREACHABLE,
        /** Nothing could be judged: labtutor could not tell (host key changed, probe broke). */
        ERROR;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public LessonGrade {
        checks = List.copyOf(checks);
    }

    public String id() {
        return lesson.id();
    }

    public int score() {
        return checks.stream().mapToInt(CheckGrade::earned).sum();
    }

    public int maximum() {
        return checks.stream().mapToInt(CheckGrade::points).sum();
    }

    public long count(Status s) {
        return checks.stream().filter(c -> c.status() == s).count();
    }

    public Cell cell() {
        if (LessonOutcome.passes(checks, c -> c.status() == Status.PASS)) {
            return Cell.PASS;
        }
        if (count(Status.PASS) + count(Status.FAIL) == 0) {
            return count(Status.UNREACHABLE) > 0 ? Cell.UNREACHABLE : Cell.ERROR;
        }
        return score() > 0 || count(Status.PASS) > 0 ? Cell.PARTIAL : Cell.FAIL;
    }
}
