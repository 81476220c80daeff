package dev.labtutor.view;

import dev.labtutor.check.LessonOutcome;
import dev.labtutor.check.Verdict;
import java.util.List;

/** The result of checking one lesson: what the text and JSON views render. */
public record LessonReport(String course, String lesson, List<Verdict> verdicts) {

    public LessonReport {
        verdicts = List.copyOf(verdicts);
    }

    public boolean passed() {
        return LessonOutcome.passes(verdicts);
    }
}
