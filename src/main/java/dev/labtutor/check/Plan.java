package dev.labtutor.check;

import dev.labtutor.check.probe.Probe;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which probes to run on which role for a set of checks: the union of what every check and every cause rule needs
 * (causes are probed up front so that a failure is explained in the same round), plus the address list of every host
 * (to find the interface it uses), and its OS when a check's hints have {@code family:} forms (a failing host is told
 * its own family's).
 */
public record Plan(List<BoundCheck> checks, Map<String, Set<Probe>> probes) {

    public Plan {
        checks = List.copyOf(checks);
        Map<String, Set<Probe>> copy = new LinkedHashMap<>();
        probes.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        probes = java.util.Collections.unmodifiableMap(copy);
    }

    public static Plan of(List<BoundCheck> checks) {
        Map<String, Set<Probe>> m = new LinkedHashMap<>();
        for (BoundCheck c : checks) {
            if (c.primitive().isEmpty()) {
                continue;
            }
            merge(m, c.primitive().get().probes(c.on()));
            for (BoundCheck.BoundCause cause : c.causes()) {
                merge(m, cause.when().probes(c.on()));
            }
            for (String r : c.on()) {
                m.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(AddressCheck.ADDRESSES);
                if (!c.hintFamilies().isEmpty()) {
                    m.get(r).add(HostFacts.OS);
                }
            }
        }
        return new Plan(checks, m);
    }

    private static void merge(Map<String, Set<Probe>> into, Map<String, Set<Probe>> from) {
        from.forEach((role, ps) -> into.computeIfAbsent(role, k -> new LinkedHashSet<>()).addAll(ps));
    }

    /** Only the checks (and their probes) whose id is in {@code ids}: for re-checking what failed. */
    public Plan only(Set<String> ids) {
        return of(checks.stream().filter(c -> ids.contains(c.id())).toList());
    }
}
