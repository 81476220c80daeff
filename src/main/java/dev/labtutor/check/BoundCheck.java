package dev.labtutor.check;

import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A lesson's check with the learner's values filled in: ready to plan probes and evaluate. {@code misdefined} is set
 * (and primitive empty) when the check cannot be built; it is then judged ERROR without contacting any host.
 */
public record BoundCheck(String id, String use, Text title, List<String> on, Optional<Primitive> primitive,
        List<BoundCause> causes, Map<String, Text> hints, UnaryOperator<String> render, Optional<Text> misdefined) {

    public record BoundCause(String cause, Optional<String> ifCause, Primitive when, boolean negate) {
    }

    public BoundCheck {
        on = List.copyOf(on);
        causes = List.copyOf(causes);
        hints = Map.copyOf(hints);
    }
}
