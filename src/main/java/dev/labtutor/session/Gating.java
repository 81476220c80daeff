package dev.labtutor.session;

import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.progress.LessonProgress;
import dev.labtutor.progress.LessonState;
import dev.labtutor.progress.Progress;
import java.time.Instant;
import java.util.List;

/**
 * Which lessons are open: a lesson opens when every lesson before it has passed, unless the course says {@code gating:
 * free}; a passed lesson stays passed.
 */
public final class Gating {

    private Gating() {
    }

    public static LessonState stateOf(Course course, Progress progress, String lessonId) {
        if (progress.lesson(lessonId).map(l -> l.state() == LessonState.PASSED).orElse(false)) {
            return LessonState.PASSED;
        }
        if (course.gating() == Course.Gating.FREE) {
            return LessonState.OPEN;
        }
        List<Lesson> lessons = course.lessons();
        for (Lesson l : lessons) {
            if (l.id().equals(lessonId)) {
                return LessonState.OPEN;
            }
            if (progress.lesson(l.id()).map(p -> p.state() != LessonState.PASSED).orElse(true)) {
                return LessonState.LOCKED;
            }
        }
        return LessonState.LOCKED;
    }

    /**
     * Every lesson of the course gets a record with its state as gating says, the current lesson is a lesson of the
     * course (the first one not passed when none is set) and has been opened. Records of lessons the course no longer
     * has are kept untouched.
     */
    public static Progress normalize(Course course, Progress p, Instant now) {
        Progress out = p;
        for (Lesson l : course.lessons()) {
            LessonState s = stateOf(course, out, l.id());
            LessonProgress rec = out.lesson(l.id()).orElse(LessonProgress.fresh(s));
            if (rec.state() != s || out.lesson(l.id()).isEmpty()) {
                out = out.with(l.id(), rec.withState(s));
            }
        }
        if (course.lesson(out.current()).isEmpty()) {
            String first = course.lessons().stream().map(Lesson::id).filter(
                    id -> stateOf(course, p, id) != LessonState.LOCKED && stateOf(course, p, id) != LessonState.PASSED)
                    .findFirst().orElse(course.lessons().get(0).id());
            out = out.at(first, 0);
        }
        LessonProgress cur = out.lesson(out.current()).orElseThrow();
        if (cur.firstOpened().isEmpty()) {
            out = out.with(out.current(), cur.opened(now));
        }
        return out;
    }

    /**
     * Where a learner is when a session starts (the tutor, {@code check} without a lesson, {@code progress}): the
     * lesson they were on while it is open; once it has passed, or when it is a locked one they were reading, the first
     * open lesson not passed yet (the one the tutor's "press n" and {@code check}'s "Next:" sent them to). With every
     * lesson passed they stay where they were.
     */
    public static Progress resume(Course course, Progress p) {
        if (stateOf(course, p, p.current()) == LessonState.OPEN) {
            return p;
        }
        return course.lessons().stream().filter(l -> stateOf(course, p, l.id()) == LessonState.OPEN).findFirst()
                .map(l -> p.at(l.id(),
                        Session.currentStep(l, p.lesson(l.id()).map(LessonProgress::checks).orElse(List.of()))))
                .orElse(p);
    }
}
