package dev.labtutor.course;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Family;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One step of a lesson: what to read, what to type, and what is checked afterwards. {@code family} holds the title
 * and text of each family whose account differs (by family id, see {@link Variants}); the default is the document's.
 */
public record Step(String id, Text title, Text text, List<Action> actions, List<CheckRef> checks,
        Map<String, Variant> family) {

    /** A family's own title and/or text for a step; what it leaves out is the default's. */
    public record Variant(Optional<Text> title, Optional<Text> text) {
    }

    public Step {
        actions = List.copyOf(actions);
        checks = List.copyOf(checks);
        family = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(family));
    }

    public Step(String id, Text title, Text text, List<Action> actions, List<CheckRef> checks) {
        this(id, title, text, actions, checks, Map.of());
    }

    /** The title told to hosts of {@code f}. */
    public Text title(Family f) {
        return Variants.lookup(family, f).flatMap(Variant::title).orElse(title);
    }

    /** The text told to hosts of {@code f}. */
    public Text text(Family f) {
        return Variants.lookup(family, f).flatMap(Variant::text).orElse(text);
    }

    /**
     * The hosts this step is about: those its actions run on and its checks look at, in that order; the lesson's roles
     * when it names none.
     */
    public List<String> hosts(List<String> lessonRoles) {
        Set<String> out = new LinkedHashSet<>();
        actions.forEach(a -> out.add(a.on()));
        checks.forEach(c -> out.addAll(c.on()));
        return out.isEmpty() ? List.copyOf(lessonRoles) : List.copyOf(out);
    }
}
