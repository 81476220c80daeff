package dev.labtutor.check;

import dev.labtutor.check.fact.Fact;
import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A primitive judged on each host separately; the per-host outcomes are combined. */
public sealed interface PerHostPrimitive extends Primitive permits AddressCheck, SysctlCheck, UnitCheck,
        PackageCheck, FileCheck, IpvsCheck, LogCheck, CommandCheck, SelinuxCheck, FirewalldCheck,
        KeepalivedConfigCheck, KeepalivedInstanceCheck {

    /** The probes needed on every host this primitive runs on. */
    Set<Probe> hostProbes();

    /** Judges one host that answered. */
    Outcome evaluateHost(HostFacts host);

    @Override
    default Map<String, Set<Probe>> probes(List<String> on) {
        Map<String, Set<Probe>> m = new LinkedHashMap<>();
        for (String r : on) {
            m.put(r, hostProbes());
        }
        return m;
    }

    @Override
    default Outcome evaluate(List<String> on, RoundFacts facts) {
        List<Outcome> per = new ArrayList<>();
        for (String role : on) {
            Optional<HostFacts> hf = facts.host(role);
            if (hf.isEmpty()) {
                per.add(Outcome.error("not-probed", Text.of(role + " 未被探测", role + " was not probed")));
                continue;
            }
            Optional<Outcome> down = hf.get().unavailable();
            if (down.isPresent()) {
                per.add(down.get());
                continue;
            }
            Optional<ProbeBroken> broken = hostProbes().stream().map(p -> hf.get().fact(p))
                    .filter(ProbeBroken.class::isInstance).map(ProbeBroken.class::cast).findFirst();
            per.add(broken.map(b -> HostFacts.broken(role, b)).orElseGet(() -> evaluateHost(hf.get())));
        }
        return Outcome.combine(per);
    }

    /** Convenience for implementations: the fact for a probe, cast to its type. */
    static <T extends Fact> T fact(HostFacts host, Probe p, Class<T> type) {
        Fact f = host.fact(p);
        if (!type.isInstance(f)) {
            throw new IllegalStateException("probe " + p.describe() + " gave " + f.getClass().getSimpleName());
        }
        return type.cast(f);
    }
}
