package dev.labtutor.check;

import dev.labtutor.check.fact.Fact;
import dev.labtutor.check.probe.Probe;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A primitive judged on each host separately; the per-host outcomes are combined. */
public sealed interface PerHostPrimitive extends Primitive permits AddressCheck, SysctlCheck, UnitCheck, PackageCheck,
        FileCheck, IpvsCheck, LogCheck, CommandCheck, SelinuxCheck, FirewalldCheck, KeepalivedConfigPrimitive,
        SysctlPersistedCheck, MountCheck, NfsExportCheck, ShowmountCheck, HostAddressCheck, UfwCheck, FamilySwitch {

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
        Map<String, Outcome> per = new LinkedHashMap<>();
        for (String role : on) {
            per.put(role,
                    facts.unusable(role, hostProbes()).orElseGet(() -> evaluateHost(facts.host(role).orElseThrow())));
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
