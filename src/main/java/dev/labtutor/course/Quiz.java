package dev.labtutor.course;

import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Pure grading of a lesson's quiz against the learner's answers (question id -> choice key). */
public final class Quiz {

    /** How one question stands: not answered, answered right, or answered wrong with the reason. */
    public record Mark(Question question, Optional<String> answer, boolean correct, Optional<Text> why) {
    }

    /** All marks of a quiz; it passes when every question is answered right. */
    public record Result(List<Mark> marks) {

        public Result {
            marks = List.copyOf(marks);
        }

        public boolean passed() {
            return marks.stream().allMatch(Mark::correct);
        }

        public long answered() {
            return marks.stream().filter(m -> m.answer().isPresent()).count();
        }

        public long correct() {
            return marks.stream().filter(Mark::correct).count();
        }
    }

    private Quiz() {
    }

    public static Mark mark(Question q, Optional<String> answer) {
        if (answer.isEmpty()) {
            return new Mark(q, answer, false, Optional.empty());
        }
        Optional<Question.Choice> c = q.choice(answer.get());
        if (c.isEmpty()) {
            return new Mark(q, answer, false,
                    Optional.of(Text.of("没有这个选项：" + answer.get(), "there is no choice " + answer.get())));
        }
        return new Mark(q, answer, c.get().correct(), c.get().correct() ? Optional.empty() : c.get().why());
    }

    public static Result grade(List<Question> quiz, Map<String, String> answers) {
        List<Mark> marks = new ArrayList<>();
        for (Question q : quiz) {
            marks.add(mark(q, Optional.ofNullable(answers.get(q.id()))));
        }
        return new Result(marks);
    }

    /** The answers that pass the quiz (what {@code solve} gives). */
    public static Map<String, String> key(List<Question> quiz) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        quiz.forEach(q -> m.put(q.id(), q.correct().key()));
        return m;
    }
}
