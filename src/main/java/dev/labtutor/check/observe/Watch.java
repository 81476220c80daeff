package dev.labtutor.check.observe;

import java.util.List;
import java.util.Optional;

/**
 * What one observation check looks at in the shared samples, and the sequence of states it waits for.
 *
 * @param track {@link Track#HOLDER}: which of {@code roles} hold {@code address}; {@link Track#BACKENDS}: which of
 *     {@code backends} the pages answered by {@code target} name, over the last {@code recent} requests that were
 *     answered (a short outage, such as a director failover, does not make one server look alone)
 * @param pattern the states to see in this order, e.g. [lb01, lb02, lb01] or [web01+web02, web02, web01+web02] (a state
 *     names its members joined by '+')
 */
public record Watch(Track track, String address, List<String> roles, Optional<Target> target, List<String> backends,
        int recent, List<String> pattern) {

    public enum Track {
        HOLDER, BACKENDS
    }

    public Watch {
        roles = List.copyOf(roles);
        backends = List.copyOf(backends);
        pattern = List.copyOf(pattern);
        if (recent < 1) {
            throw new IllegalArgumentException("recent must be at least 1");
        }
    }
}
