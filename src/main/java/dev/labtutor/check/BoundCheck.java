package dev.labtutor.check;

import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A lesson's check with the learner's values filled in: ready to plan probes and evaluate. {@code misdefined} is set
 * (and primitive empty) when the check cannot be built; it is then judged ERROR without contacting any host.
 * {@code hintFamilies} holds the {@code family:} forms of its hints (cause to family id to text): a failing host is
 * told the form of its own family, as the same round's OS probe tells it.
 */
public record BoundCheck(String id, String use, Text title, List<String> on, Optional<Primitive> primitive,
        List<BoundCause> causes, Map<String, Text> hints, Map<String, Map<String, Text>> hintFamilies,
        UnaryOperator<String> render, Optional<Text> misdefined) {

    public record BoundCause(String cause, Optional<String> ifCause, Primitive when, boolean negate) {
    }

    public BoundCheck {
        on = List.copyOf(on);
        causes = List.copyOf(causes);
        hints = Map.copyOf(hints);
        hintFamilies = Map.copyOf(hintFamilies);
    }

    /** A bound check whose hints read the same on every family. */
    public BoundCheck(String id, String use, Text title, List<String> on, Optional<Primitive> primitive,
            List<BoundCause> causes, Map<String, Text> hints, UnaryOperator<String> render, Optional<Text> misdefined) {
        this(id, use, title, on, primitive, causes, hints, Map.of(), render, misdefined);
    }
}
