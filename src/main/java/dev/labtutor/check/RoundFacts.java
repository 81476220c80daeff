package dev.labtutor.check;

import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.Collection;
import java.util.List;
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

    /**
     * The outcome that stops judgement of {@code role} when it cannot be used (not probed, unreachable, or one of
     * {@code probes} broke), else empty.
     */
    public Optional<Outcome> unusable(String role, Collection<Probe> probes) {
        HostFacts hf = hosts.get(role);
        if (hf == null) {
            return Optional.of(Outcome.error("not-probed", Text.of(role + " 未被探测", role + " was not probed")));
        }
        Optional<Outcome> down = hf.unavailable();
        if (down.isPresent()) {
            return down;
        }
        return probes.stream().map(hf::fact).filter(ProbeBroken.class::isInstance).map(ProbeBroken.class::cast)
                .findFirst().map(b -> HostFacts.broken(role, b));
    }

    public Optional<Outcome> unusable(String role, Probe probe) {
        return unusable(role, List.of(probe));
    }
}
