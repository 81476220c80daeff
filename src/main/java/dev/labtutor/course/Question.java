package dev.labtutor.course;

import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One multiple-choice question of a lesson's quiz, answered in the tutor and checked locally. Exactly one choice is
 * correct; every wrong choice carries {@code why}, the explanation shown when the learner picks it. {@code explain} is
 * shown once the question is answered right.
 */
public record Question(String id, Text prompt, List<Choice> choices, Text explain) {

    /** A choice, keyed {@code a}, {@code b}, ... in the order written. */
    public record Choice(String key, Text text, boolean correct, Optional<Text> why) {
    }

    public Question {
        choices = List.copyOf(choices);
    }

    /**
     * This question with every text (prompt, choices, their {@code why}, {@code explain}) passed through {@code fill}
     * in both languages: {@code bindings::render} gives the question a learner reads, with the learner's values in its
     * placeholders, as lesson text has them.
     */
    public Question filled(UnaryOperator<String> fill) {
        return new Question(id, fill(prompt, fill),
                choices.stream().map(
                        c -> new Choice(c.key(), fill(c.text(), fill), c.correct(), c.why().map(w -> fill(w, fill))))
                        .toList(),
                fill(explain, fill));
    }

    private static Text fill(Text t, UnaryOperator<String> fill) {
        return new Text(fill.apply(t.zh()), fill.apply(t.en()));
    }

    public Choice correct() {
        return choices.stream().filter(Choice::correct).findFirst().orElseThrow();
    }

    public Optional<Choice> choice(String key) {
        return choices.stream().filter(c -> c.key().equalsIgnoreCase(key.strip())).findFirst();
    }
}
