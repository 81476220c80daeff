package dev.labtutor.check;

import dev.labtutor.check.probe.Probe;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A check primitive with concrete parameters: which probes it needs on which roles, and a pure evaluation of a round's
 * facts. Per-host primitives judge each host alone; group primitives judge the hosts together (who holds the VIP, are
 * the configs consistent).
 */
public sealed interface Primitive permits PerHostPrimitive, GroupPrimitive {

    /** Probes per role ({@link HostFacts#TUTOR} for probes made from the tutor's machine). */
    Map<String, Set<Probe>> probes(List<String> on);

    Outcome evaluate(List<String> on, RoundFacts facts);
}
