package dev.labtutor.course;

import dev.labtutor.i18n.Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A lesson: steps in order, the roles it needs, and its {@code solve} section (per role, the
 * actions that complete it, used by {@code sandbox solve} and {@code dev check}).
 */
public record Lesson(String id, Text title, Text intro, List<String> roles, List<Step> steps,
                     Map<String, List<Action>> solve, Path file) {

    public Lesson {
        roles = List.copyOf(roles);
        steps = List.copyOf(steps);
        solve = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(solve));
    }

    /** Every check of every step, in order. */
    public List<CheckRef> checks() {
        List<CheckRef> all = new ArrayList<>();
        steps.forEach(s -> all.addAll(s.checks()));
        return all;
    }
}
