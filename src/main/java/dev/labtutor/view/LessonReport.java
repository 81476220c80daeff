package dev.labtutor.view;

import dev.labtutor.check.LessonOutcome;
import dev.labtutor.check.Verdict;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.LessonState;
import dev.labtutor.session.Marks;
import dev.labtutor.session.SessionState;
import java.util.List;
import java.util.Optional;

/**
 * The result of checking one lesson, the one thing its text and JSON reports render: what the report is about, the
 * lesson's state after the check, its last verdicts (the quiz included) as the session keeps them, and what the learner
 * should know about the outcome (a locked lesson is not passed, the next lesson to go to).
 */
public record LessonReport(String course, ReportText.Header header, LessonState state, List<Verdict> verdicts,
        Optional<Text> note) {

    public LessonReport {
        verdicts = List.copyOf(verdicts);
    }

    /** The report of {@code lessonId} as the session state holds it ({@link SessionState#verdicts(String)}). */
    public static LessonReport of(SessionState s, String lessonId, ReportText.Header header, Optional<Text> note) {
        return new LessonReport(s.course().id(), header, s.stateOf(lessonId), s.verdicts(lessonId), note);
    }

    public String lesson() {
        return header.lesson();
    }

    /**
     * Every check passes, by the one rule ({@link LessonOutcome}); whether that passed the lesson is {@link #state()}.
     */
    public boolean passed() {
        return LessonOutcome.passes(verdicts);
    }

    /** The verdicts as the progress remembers them: the rows of the text report. */
    public List<CheckMark> marks() {
        return Marks.of(verdicts);
    }
}
