package dev.labtutor.check.observe;

import java.util.Map;
import java.util.Set;

/**
 * Where an observation's samples come from: the hosts over their kept connections, and the targets from this machine.
 */
public interface Sampler {

    /** The IPv4 addresses each role holds now; a role that could not be asked is left out. */
    Map<String, Set<String>> addresses(Set<String> roles);

    /** Asks a target once from the tutor's machine; never throws for network trouble. */
    Answer ask(Target target);
}
