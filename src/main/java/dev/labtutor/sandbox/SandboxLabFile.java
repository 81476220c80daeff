package dev.labtutor.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * The lab file for a sandbox, in the format {@code labtutor} reads for real labs: course
 * variables, then one flow mapping per host. Paths are double-quoted YAML scalars.
 */
final class SandboxLabFile {

    private SandboxLabFile() {
    }

    static String render(SandboxSpec spec, List<SandboxHost> hosts, Path identity, Path knownHosts) {
        StringBuilder sb = new StringBuilder();
        sb.append("# labtutor sandbox '").append(spec.name()).append("' (").append(spec.subnet())
                .append("), written by 'labtutor sandbox up'.\n");
        sb.append("known-hosts: ").append(quote(knownHosts.toString())).append('\n');
        sb.append("vars:\n");
        sb.append("  vip: ").append(spec.vip()).append('\n');
        sb.append("  iface: ").append(spec.iface()).append('\n');
        sb.append("hosts:\n");
        for (SandboxHost h : hosts) {
            sb.append("  ").append(h.role().id()).append(": { address: ").append(h.address())
                    .append(", port: 22, user: root, identity: ").append(quote(identity.toString())).append(" }\n");
        }
        return sb.toString();
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
