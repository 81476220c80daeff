package dev.labtutor.sandbox;

import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFileWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab file for a sandbox, in the format {@code labtutor} reads for real labs: course variables, then one flow
 * mapping per host. Paths are double-quoted YAML scalars.
 */
final class SandboxLabFile {

    private SandboxLabFile() {
    }

    static String render(SandboxSpec spec, List<SandboxHost> hosts, Path identity, Path knownHosts) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("vip", spec.vip());
        vars.put("iface", spec.iface());
        LabFileWriter lab = new LabFileWriter().comment(
                "labtutor sandbox '" + spec.name() + "' (" + spec.subnet() + "), written by 'labtutor sandbox up'.")
                .knownHosts(knownHosts).vars(vars).hosts();
        for (SandboxHost h : hosts) {
            lab.host(new HostSpec(h.role().id(), h.address(), 22, "root", Optional.of(identity), Optional.empty(),
                    false));
        }
        return lab.text();
    }
}
