package dev.labtutor.check;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.keepalived.ParseResult;
import java.util.Set;

/**
 * A per-host primitive judged on the host's keepalived configuration, fetched with its include files and parsed as
 * the host's keepalived (2.2, or 1.3.5 where the host runs it) reads it; a host without the file fails with cause
 * {@code missing}.
 */
sealed interface KeepalivedConfigPrimitive extends PerHostPrimitive
        permits KeepalivedConfigCheck, KeepalivedInstanceCheck, VirtualServerCheck {

    String path();

    /** Judges the parsed configuration of a host that has it. */
    Outcome judge(HostFacts host, ParseResult config);

    @Override
    default Set<Probe> hostProbes() {
        return KeepalivedFiles.hostProbes(path());
    }

    /**
     * As every per-host primitive, except that the OS probe is asked for but not required: without it (not in the
     * round, or broken) the host is read by keepalived 2.2's rules, the course document's.
     */
    @Override
    default Outcome evaluate(java.util.List<String> on, RoundFacts facts) {
        java.util.Map<String, Outcome> per = new java.util.LinkedHashMap<>();
        Set<Probe> required = KeepalivedFiles.requiredProbes(path());
        for (String role : on) {
            per.put(role, facts.unusable(role, required).orElseGet(() -> evaluateHost(facts.host(role).orElseThrow())));
        }
        return Outcome.combine(per);
    }

    @Override
    default Outcome evaluateHost(HostFacts host) {
        return KeepalivedFiles.parsed(host, path()).map(p -> judge(host, p))
                .orElseGet(() -> KeepalivedFiles.missing(host.role(), path()));
    }
}
