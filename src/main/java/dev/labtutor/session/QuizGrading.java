package dev.labtutor.session;

import dev.labtutor.check.QuizVerdict;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Question;
import dev.labtutor.course.Quiz;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a lesson's quiz answers into a verdict that sits with the lesson's other checks. The session takes it as a
 * parameter so the course's own quiz verdict can replace {@link #LOCAL} without touching the state machine.
 */
@FunctionalInterface
public interface QuizGrading {

    String CHECK_ID = QuizVerdict.CHECK_ID;

    /** The verdict for {@code lesson}'s quiz; only called for lessons that have one. */
    Verdict grade(Lesson lesson, Map<String, String> answers);

    /**
     * The course's own quiz verdict ({@link QuizVerdict}, the one {@code dev check} proves) as it is: an unanswered
     * quiz is to be answered in labtutor. For {@code labtutor check}, which has no key to press.
     */
    QuizGrading COURSE = (lesson, answers) -> QuizVerdict.of(lesson, answers)
            .orElseThrow(() -> new IllegalArgumentException(lesson.id() + " has no quiz"));

    /**
     * The course's own quiz verdict ({@link #COURSE}) with the tutor's key named in the hint of an unanswered quiz: for
     * the tutor and its plain mode, where the learner can answer at once.
     */
    QuizGrading LOCAL = (lesson, answers) -> {
        Verdict v = COURSE.grade(lesson, answers);
        if (!v.cause().equals("unanswered")) {
            return v;
        }
        return new Verdict(v.check(), v.title(), v.hosts(), v.status(), v.cause(), v.message(),
                Optional.of(Text.of("按 a 回答小测验（纯文本模式：quiz 与 answer 命令）",
                        "press a to answer the quiz (plain mode: the quiz and answer commands)")),
                v.evidence());
    };

    /** The first question of {@code quiz} not yet answered right, if any. */
    static Optional<Question> open(List<Question> quiz, Map<String, String> answers) {
        return Quiz.grade(quiz, answers).marks().stream().filter(m -> !m.correct()).map(Quiz.Mark::question)
                .findFirst();
    }
}
