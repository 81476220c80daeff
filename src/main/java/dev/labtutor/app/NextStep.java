package dev.labtutor.app;

import dev.labtutor.check.LessonOutcome;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.LessonState;
import dev.labtutor.session.SessionState;
import java.util.List;
import java.util.Optional;

/** The line {@code labtutor check} ends with: where the learner goes from here. */
public final class NextStep {

    private NextStep() {
    }

    /** What to do next: the next lesson once this one passed, or why a pass was not recorded. */
    public static Optional<Text> after(SessionState s, Lesson lesson) {
        List<Lesson> lessons = s.course().lessons();
        int i = s.index(lesson.id());
        boolean allPass = LessonOutcome.passes(s.marks(lesson.id()), CheckMark::passed);
        if (s.stateOf(lesson.id()) == LessonState.LOCKED) {
            return s.flash().map(f -> f.text());
        }
        if (!allPass) {
            return Optional.empty();
        }
        if (s.stateOf(lesson.id()) != LessonState.PASSED) {
            return s.flash().map(f -> f.text());
        }
        if (i + 1 >= lessons.size()) {
            return Optional.of(Text.of("整个课程已完成。", "You have finished the course."));
        }
        Lesson next = lessons.get(i + 1);
        return Optional.of(Text.of(
                "下一课：第 " + (i + 2) + " 课 " + next.id() + "「" + next.title().zh() + "」，运行 labtutor show " + next.id()
                        + " 查看，或运行 labtutor 继续。",
                "Next: lesson " + (i + 2) + ", " + next.id() + " (" + next.title().en()
                        + "): see it with 'labtutor show " + next.id() + "', or run 'labtutor' to go on."));
    }
}
