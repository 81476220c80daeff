package dev.labtutor.session;

import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Question;
import dev.labtutor.course.Quiz;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a lesson's quiz answers into a verdict that sits with the lesson's other checks. The
 * session takes it as a parameter so the course's own quiz verdict can replace
 * {@link #LOCAL} without touching the state machine.
 */
@FunctionalInterface
public interface QuizGrading {

    String CHECK_ID = "quiz";

    /** The verdict for {@code lesson}'s quiz; only called for lessons that have one. */
    Verdict grade(Lesson lesson, Map<String, String> answers);

    /** Grades with {@link Quiz#grade}: PASS when every question is answered right. */
    QuizGrading LOCAL = (lesson, answers) -> {
        Quiz.Result r = Quiz.grade(lesson.quiz(), answers);
        int n = r.marks().size();
        Text title = Text.of("小测验（" + n + " 题）", "Quiz (" + n + " question" + (n == 1 ? "" : "s") + ")");
        if (r.passed()) {
            return new Verdict(CHECK_ID, title, List.of(), Status.PASS, "",
                    Text.of("全部 " + n + " 题回答正确", "all " + n + " answered right"), Optional.empty(), List.of());
        }
        long unanswered = n - r.answered();
        long wrong = r.answered() - r.correct();
        Optional<Quiz.Mark> firstWrong = r.marks().stream().filter(m -> m.answer().isPresent() && !m.correct()).findFirst();
        Text message = Text.of(r.correct() + "/" + n + " 题回答正确" + (wrong > 0 ? "，" + wrong + " 题答错" : "")
                        + (unanswered > 0 ? "，" + unanswered + " 题未答" : ""),
                r.correct() + " of " + n + " answered right" + (wrong > 0 ? ", " + wrong + " wrong" : "")
                        + (unanswered > 0 ? ", " + unanswered + " not answered" : ""));
        Optional<Text> hint = firstWrong.map(m -> {
            int no = lesson.quiz().indexOf(m.question()) + 1;
            Text why = m.why().orElse(Text.of("再想一想", "think again"));
            return Text.of("第 " + no + " 题：" + why.zh(), "question " + no + ": " + why.en());
        });
        if (hint.isEmpty()) {
            hint = Optional.of(Text.of("按 a 回答小测验（纯文本模式：quiz 与 answer 命令）",
                    "press a to answer the quiz (plain mode: the quiz and answer commands)"));
        }
        return new Verdict(CHECK_ID, title, List.of(), Status.FAIL, unanswered == n ? "quiz-unanswered" : "quiz-wrong",
                message, hint, List.of());
    };

    /** The first question of {@code quiz} not yet answered right, if any. */
    static Optional<Question> open(List<Question> quiz, Map<String, String> answers) {
        return Quiz.grade(quiz, answers).marks().stream().filter(m -> !m.correct()).map(Quiz.Mark::question).findFirst();
    }
}
