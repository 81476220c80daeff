package dev.labtutor.check;

import java.util.Map;
import java.util.Optional;

/** The facts of one probing round, per role (and {@link HostFacts#TUTOR} for local probes). */
public record RoundFacts(Map<String, HostFacts> hosts) {

    public RoundFacts {
        hosts = Map.copyOf(hosts);
    }

    public Optional<HostFacts> host(String role) {
        return Optional.ofNullable(hosts.get(role));
    }
}
