package dev.labtutor.course;

import dev.labtutor.i18n.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A lesson: steps in order, the roles it needs, an optional quiz (answered in the tutor, checked locally), and its
 * {@code solve} section (the actions that complete it, in order, each on its host; used by {@code sandbox solve} and
 * {@code dev check}).
 */
public record Lesson(String id, Text title, Text intro, List<String> roles, List<Step> steps, List<Question> quiz,
        List<Action> solve, Path file) {

    public Lesson {
        roles = List.copyOf(roles);
        steps = List.copyOf(steps);
        quiz = List.copyOf(quiz);
        solve = List.copyOf(solve);
    }

    /** The index of the first solution action that must run while watching, when the solution says so. */
    public java.util.OptionalInt watchFrom() {
        for (int i = 0; i < solve.size(); i++) {
            if (solve.get(i) instanceof Action.Run r && r.watched()) {
                return java.util.OptionalInt.of(i);
            }
        }
        return java.util.OptionalInt.empty();
    }

    /** This lesson with only part of its solution (a solution run in two parts around a watch's start). */
    public Lesson withSolve(List<Action> part) {
        return new Lesson(id, title, intro, roles, steps, quiz, part, file);
    }

    /**
     * This lesson with its quiz filled by {@code fill} ({@link Question#filled}): the quiz a learner reads and is
     * graded on.
     */
    public Lesson withQuizFilled(UnaryOperator<String> fill) {
        return new Lesson(id, title, intro, roles, steps, quiz.stream().map(q -> q.filled(fill)).toList(), solve, file);
    }

    /** Every check of every step, in order. */
    public List<CheckRef> checks() {
        List<CheckRef> all = new ArrayList<>();
        steps.forEach(s -> all.addAll(s.checks()));
        return all;
    }
}
