package dev.labtutor.check;

import dev.labtutor.course.VarType;
import dev.labtutor.i18n.Text;
import dev.labtutor.yaml.YNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named, parameterised check from {@code checks/*.yaml}, still in template form: {@code expect} and the causes'
 * conditions are filled with parameters when a lesson uses the check.
 *
 * @param causes evaluated in order when the check fails; the first that matches names the failure cause, which picks
 *     the hint
 * @param hints cause code to hint; {@code default} is required and used when nothing matches
 * @param hintFamilies cause code to the {@code family:} variants of its hint, by single family id (see
 *     {@link dev.labtutor.course.Variants}): what a host of that family is told instead of the written hint
 */
public record CheckDef(String id, Text title, Map<String, Param> params, YNode expect, List<Cause> causes,
        Map<String, Text> hints, Map<String, Map<String, Text>> hintFamilies, YNode at) {

    /**
     * A parameter; without a default it is required. {@code sample} is a value lint uses to build the check when the
     * type's generic sample would not fit (e.g. a state).
     */
    public record Param(String name, VarType type, Optional<String> defaultValue, Optional<String> sample) {
    }

    /**
     * A failure-cause rule: when the main primitive failed with {@code ifCause} (any cause if empty) and {@code when}
     * passes on at least one of the check's hosts (or fails, with {@code negate}), the cause is {@code cause}.
     */
    public record Cause(String cause, Optional<String> ifCause, YNode when, boolean negate) {
    }

    public CheckDef {
        params = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        causes = List.copyOf(causes);
        hints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hints));
        hintFamilies = Map.copyOf(hintFamilies);
    }

    /** A definition whose hints read the same on every family. */
    public CheckDef(String id, Text title, Map<String, Param> params, YNode expect, List<Cause> causes,
            Map<String, Text> hints, YNode at) {
        this(id, title, params, expect, causes, hints, Map.of(), at);
    }
}
