package dev.labtutor.lab;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's lab: course variable overrides and one {@link HostSpec} per course role. {@code varLines} and
 * {@code hostLines} keep where each entry was written so that problems found later (a role the lesson needs is missing,
 * a value of the wrong type) name the line.
 */
public record LabFile(Path source, Map<String, String> vars, Map<String, HostSpec> hosts, Map<String, Integer> varLines,
        Map<String, Integer> hostLines, Optional<Path> knownHosts) {

    public LabFile {
        vars = Map.copyOf(vars);
        hosts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hosts));
        varLines = Map.copyOf(varLines);
        hostLines = Map.copyOf(hostLines);
    }

    public Optional<HostSpec> host(String role) {
        return Optional.ofNullable(hosts.get(role));
    }
}
