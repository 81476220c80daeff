package dev.labtutor.check;

import dev.labtutor.course.Lesson;
import dev.labtutor.course.Question;
import dev.labtutor.course.Quiz;
import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lesson's quiz judged like any other check, so views, progress and {@code dev check} treat it alike: check id
 * {@value #CHECK_ID}, no hosts, PASS when every question is answered right. Pure: the answers come from the caller (the
 * tutor's progress store; {@link Quiz#key} for a solved lesson). An unanswered quiz is a FAIL with cause
 * {@code unanswered}; a wrong answer is a FAIL with cause {@code wrong-answer} whose hint is that choice's own
 * explanation.
 */
public final class QuizVerdict {

    public static final String CHECK_ID = "quiz";

    private QuizVerdict() {
    }

    /**
     * @param answers question id to the chosen key ({@code a}, {@code b}, ...); missing means unanswered
     * @return empty when the lesson has no quiz
     */
    public static Optional<Verdict> of(Lesson lesson, Map<String, String> answers) {
        if (lesson.quiz().isEmpty()) {
            return Optional.empty();
        }
        Quiz.Result r = Quiz.grade(lesson.quiz(), answers);
        int n = r.marks().size();
        Text title = Text.of("小测验（" + n + " 题）全部答对", "the quiz (" + n + " questions) is answered right");
        List<Evidence> ev = new ArrayList<>();
        for (Quiz.Mark m : r.marks()) {
            // the same in both languages: the question, the choice and a mark ("—": not answered)
            ev.add(new Evidence(CHECK_ID,
                    m.question().id() + ": " + m.answer().map(a -> a + (m.correct() ? " ✓" : " ✗")).orElse("—")));
        }
        if (r.passed()) {
            return Optional.of(new Verdict(CHECK_ID, title, List.of(), Status.PASS, "",
                    Text.of(n + " 题全部答对", "all " + n + " answered right"), Optional.empty(), ev));
        }
        long unanswered = n - r.answered();
        long wrong = r.answered() - r.correct();
        Text message = Text.of(
                "答对 " + r.correct() + " / " + n + " 题" + (wrong > 0 ? "，答错 " + wrong + " 题" : "")
                        + (unanswered > 0 ? "，" + unanswered + " 题未答" : ""),
                r.correct() + " of " + n + " answered right" + (wrong > 0 ? ", " + wrong + " wrong" : "")
                        + (unanswered > 0 ? ", " + unanswered + " not answered" : ""));
        Optional<Quiz.Mark> firstWrong =
                r.marks().stream().filter(m -> m.answer().isPresent() && !m.correct()).findFirst();
        if (firstWrong.isPresent()) {
            Quiz.Mark m = firstWrong.get();
            Question q = m.question();
            Text why = m.why().orElse(Text.of("再读一遍课文中对应的部分。", "read that part of the lesson again."));
            return Optional.of(new Verdict(CHECK_ID, title, List.of(), Status.FAIL, "wrong-answer", message,
                    Optional.of(Text.of("第 " + (r.marks().indexOf(m) + 1) + " 题（" + q.prompt().zh() + "）：" + why.zh(),
                            "question " + (r.marks().indexOf(m) + 1) + " (" + q.prompt().en() + "): " + why.en())),
                    ev));
        }
        return Optional.of(new Verdict(CHECK_ID, title, List.of(), Status.FAIL, "unanswered", message,
                Optional.of(
                        Text.of("在 labtutor 中打开这一课回答小测验。", "answer the quiz when you open this lesson in labtutor.")),
                ev));
    }
}
