package dev.labtutor.session;

import dev.labtutor.check.HostFacts;
import dev.labtutor.check.RoundFacts;
import dev.labtutor.lab.Distro;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the first round found on the hosts, by role: the interface carrying each host's address and its distribution.
 * A role missing from a map was not found (the host did not answer, or its OS probe could not be read): the course's
 * default then applies, never an error by itself.
 */
public record HostProfiles(Map<String, String> ifaces, Map<String, Distro> distros) {

    public static final HostProfiles NONE = new HostProfiles(Map.of(), Map.of());

    public HostProfiles {
        ifaces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ifaces));
        distros = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(distros));
    }

    /** What one round that asked {@link HostFacts#OS} and the addresses of {@code roles} tells. */
    public static HostProfiles of(RoundFacts facts, Collection<String> roles) {
        Map<String, String> ifaces = new LinkedHashMap<>();
        Map<String, Distro> distros = new LinkedHashMap<>();
        for (String r : roles) {
            facts.host(r).flatMap(HostFacts::primaryIface).ifPresent(i -> ifaces.put(r, i));
            facts.host(r).flatMap(HostFacts::distro).ifPresent(d -> distros.put(r, d));
        }
        return new HostProfiles(ifaces, distros);
    }

    public boolean isEmpty() {
        return ifaces.isEmpty() && distros.isEmpty();
    }

    /** These profiles with {@code later}'s findings added (a later finding for a role replaces the earlier one). */
    public HostProfiles with(HostProfiles later) {
        Map<String, String> i = new LinkedHashMap<>(ifaces);
        i.putAll(later.ifaces);
        Map<String, Distro> d = new LinkedHashMap<>(distros);
        d.putAll(later.distros);
        return new HostProfiles(i, d);
    }
}
