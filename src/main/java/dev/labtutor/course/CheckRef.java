package dev.labtutor.course;

import dev.labtutor.yaml.YNode;
import java.util.List;
import java.util.Map;

/**
 * A lesson's use of a named check from {@code checks/}: on which roles, with which
 * parameters (templates, still unrendered). {@code id} names this use in results; it defaults
 * to the check's name.
 */
public record CheckRef(String id, String use, List<String> on, Map<String, YNode> with, YNode at) {

    public CheckRef {
        on = List.copyOf(on);
        with = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
    }
}
