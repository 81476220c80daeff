package dev.labtutor.check;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.SafeText;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A check whose reference has {@code family:} variants: each host is judged by the variant of its own family, as the
 * {@link HostFacts#OS} probe of the same round tells it, and by the document's check ({@code fallback}) when the probe
 * could not tell. A variant that is {@code skip} (empty) passes its hosts as "does not apply". The probes are those of
 * every variant and their causes, plus the OS probe; the verdict is still one per check id (see
 * {@link Evaluator}, which judges each host with its variant's own causes and hints).
 *
 * @param byFamily the check for each family (every family present; empty: skipped on that family's hosts)
 */
public record FamilySwitch(BoundCheck fallback,
        Map<Family, Optional<BoundCheck>> byFamily) implements PerHostPrimitive {

    public FamilySwitch {
        byFamily = java.util.Collections.unmodifiableMap(new EnumMap<>(byFamily));
    }

    /** The check {@code host} is judged by: its family's variant, else the document's; empty when skipped there. */
    public Optional<BoundCheck> choose(Optional<HostFacts> host) {
        Optional<Family> f = host.flatMap(HostFacts::distro).flatMap(Distro::family);
        return f.isEmpty() ? Optional.of(fallback) : byFamily.getOrDefault(f.get(), Optional.of(fallback));
    }

    /** The PASS of a host whose family's variant is {@code skip}. */
    public static Outcome notApplies(String role, Optional<HostFacts> host) {
        String d = host.flatMap(HostFacts::distro).map(FamilySwitch::name).orElse("?");
        return Outcome.pass(Text.of("不适用于 " + d, "does not apply on " + d), List.of(new Evidence(role, "os: " + d)));
    }

    /** The distribution's short name, terminal-safe as every view shows it (it comes from the host). */
    private static String name(Distro d) {
        return SafeText.terminal(d.display());
    }

    private List<BoundCheck> variants() {
        List<BoundCheck> all = new java.util.ArrayList<>();
        all.add(fallback);
        byFamily.values().forEach(v -> v.filter(c -> !all.contains(c)).ifPresent(all::add));
        return all;
    }

    @Override
    public Set<Probe> hostProbes() {
        Set<Probe> out = new LinkedHashSet<>();
        out.add(HostFacts.OS);
        for (BoundCheck c : variants()) {
            c.primitive().filter(PerHostPrimitive.class::isInstance).map(PerHostPrimitive.class::cast)
                    .ifPresent(p -> out.addAll(p.hostProbes()));
        }
        return out;
    }

    @Override
    public Map<String, Set<Probe>> probes(List<String> on) {
        Map<String, Set<Probe>> m = new LinkedHashMap<>();
        for (String r : on) {
            m.computeIfAbsent(r, k -> new LinkedHashSet<>()).add(HostFacts.OS);
        }
        for (BoundCheck c : variants()) {
            c.primitive().ifPresent(p -> merge(m, p.probes(on)));
            c.causes().forEach(cause -> merge(m, cause.when().probes(on)));
        }
        return m;
    }

    private static void merge(Map<String, Set<Probe>> into, Map<String, Set<Probe>> from) {
        from.forEach((role, ps) -> into.computeIfAbsent(role, k -> new LinkedHashSet<>()).addAll(ps));
    }

    @Override
    public Outcome evaluate(List<String> on, RoundFacts facts) {
        Map<String, Outcome> per = new LinkedHashMap<>();
        for (String role : on) {
            Optional<HostFacts> host = facts.host(role);
            Optional<BoundCheck> chosen = choose(host);
            if (chosen.isEmpty()) {
                per.put(role, facts.host(role).flatMap(HostFacts::unavailable).orElseGet(() -> notApplies(role, host)));
            } else {
                per.put(role, chosen.get().primitive().map(p -> p.evaluate(List.of(role), facts))
                        .orElseGet(() -> Outcome.error("misdefined",
                                chosen.get().misdefined().orElse(Text.of("检查定义有误", "the check is misdefined")))));
            }
        }
        return Outcome.combine(per);
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        return evaluate(List.of(host.role()), new RoundFacts(Map.of(host.role(), host)));
    }
}
