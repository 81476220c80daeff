package dev.labtutor.keepalived;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to read a configuration. {@code configId} plays keepalived's {@code -i}: lines starting {@code @ID} are kept only
 * when it matches (keepalived defaults it to the host name, so pass the host's short name when checking a learner's
 * file). {@code hostInterfaces}, when known, lets the parser report interfaces missing on the host exactly as
 * keepalived does. {@code rules} is the keepalived release whose grammar applies (2.2 unless the host runs 1.3.5).
 */
public record ParseOptions(Optional<String> configId, Optional<Set<String>> hostInterfaces, KeepalivedRules rules) {
    public ParseOptions {
        Objects.requireNonNull(configId, "configId");
        Objects.requireNonNull(hostInterfaces, "hostInterfaces");
        Objects.requireNonNull(rules, "rules");
        hostInterfaces = hostInterfaces.map(Set::copyOf);
    }

    /** keepalived 2.2's rules. */
    public ParseOptions(Optional<String> configId, Optional<Set<String>> hostInterfaces) {
        this(configId, hostInterfaces, KeepalivedRules.V2_2);
    }

    /** No config id (every {@code @ID} line is dropped, {@code @^ID} lines kept), unknown interfaces, 2.2's rules. */
    public static ParseOptions defaults() {
        return new ParseOptions(Optional.empty(), Optional.empty());
    }

    public ParseOptions withConfigId(String id) {
        return new ParseOptions(Optional.ofNullable(id), hostInterfaces, rules);
    }

    public ParseOptions withHostInterfaces(Set<String> names) {
        return new ParseOptions(configId, Optional.ofNullable(names), rules);
    }

    public ParseOptions withRules(KeepalivedRules r) {
        return new ParseOptions(configId, hostInterfaces, r);
    }

    /** True for keepalived 1.3.5's grammar. */
    boolean v135() {
        return rules == KeepalivedRules.V1_3_5;
    }
}
