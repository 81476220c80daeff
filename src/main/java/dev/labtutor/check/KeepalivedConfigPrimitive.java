package dev.labtutor.check;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.keepalived.ParseResult;
import java.util.Set;

/**
 * A per-host primitive judged on the host's keepalived configuration, fetched with its include files and parsed as
 * keepalived 2.2 reads it; a host without the file fails with cause {@code missing}.
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

    @Override
    default Outcome evaluateHost(HostFacts host) {
        return KeepalivedFiles.parsed(host, path()).map(p -> judge(host, p))
                .orElseGet(() -> KeepalivedFiles.missing(host.role(), path()));
    }
}
