package dev.labtutor.keepalived;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to read a configuration. {@code configId} plays keepalived's {@code -i}: lines starting {@code @ID} are kept only
 * when it matches (keepalived defaults it to the host name, so pass the host's short name when checking a learner's
 * file). {@code hostInterfaces}, when known, lets the parser report interfaces missing on the host exactly as
 * keepalived does.
 */
public record ParseOptions(Optional<String> configId, Optional<Set<String>> hostInterfaces) {
    public ParseOptions {
        Objects.requireNonNull(configId, "configId");
        Objects.requireNonNull(hostInterfaces, "hostInterfaces");
        hostInterfaces = hostInterfaces.map(Set::copyOf);
    }

    /** No config id (every {@code @ID} line is dropped, {@code @^ID} lines kept) and unknown interfaces. */
    public static ParseOptions defaults() {
        return new ParseOptions(Optional.empty(), Optional.empty());
    }

    public ParseOptions withConfigId(String id) {
        return new ParseOptions(Optional.ofNullable(id), hostInterfaces);
    }

    public ParseOptions withHostInterfaces(Set<String> names) {
        return new ParseOptions(configId, Optional.ofNullable(names));
    }
}
