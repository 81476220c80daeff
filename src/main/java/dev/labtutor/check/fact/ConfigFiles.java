package dev.labtutor.check.fact;

import java.util.List;
import java.util.Map;

/**
 * A keepalived configuration as found on a host: the main file and every file its {@code include} lines matched, keyed
 * by absolute path in the order read, plus the include patterns that matched nothing.
 */
public record ConfigFiles(String mainPath, boolean mainExists, Map<String, String> files,
        List<String> unmatchedIncludes) implements Fact {

    public ConfigFiles {
        files = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(files));
        unmatchedIncludes = List.copyOf(unmatchedIncludes);
    }
}
