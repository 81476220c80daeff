package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxLabFileTest {

    @Test
    void rendersVarsAndOneFlowMappingPerHost() {
        SandboxSpec spec = SandboxSpec.defaults().withStateRoot(Path.of("/var/lib/labtutor/sandbox"))
                .withRoles(List.of(SandboxRole.LB01, SandboxRole.NFS_SERVER));
        List<SandboxHost> hosts = spec.roles().stream()
                .map(r -> new SandboxHost(r, spec.hostNamespace(r), spec.address(r), spec.iface(), r.id())).toList();
        String yaml = SandboxLabFile.render(spec, hosts, Path.of("/s/lab/id_ed25519"), Path.of("/s/lab/known_hosts"));
        assertEquals("""
                # labtutor sandbox 'lab' (10.77.0.0/24), written by 'labtutor sandbox up'.
                known-hosts: "/s/lab/known_hosts"
                vars:
                  vip: 10.77.0.200
                  iface: eth1
                hosts:
                  lb01: { address: 10.77.0.11, port: 22, user: root, identity: "/s/lab/id_ed25519" }
                  nfs-server: { address: 10.77.0.31, port: 22, user: root, identity: "/s/lab/id_ed25519" }
                """, yaml);
        java.nio.file.Path tmp;
        try {
            tmp = java.nio.file.Files.createTempFile("lab", ".yaml");
            java.nio.file.Files.writeString(tmp, yaml);
            dev.labtutor.lab.LabFile lab = dev.labtutor.lab.LabFileReader.forCurrentUser().readStrict(tmp);
            assertEquals("10.77.0.31", lab.host("nfs-server").orElseThrow().address());
            assertEquals(java.util.Optional.of(Path.of("/s/lab/known_hosts")), lab.knownHosts());
            assertEquals(java.util.Optional.of(Path.of("/s/lab/id_ed25519")),
                    lab.host("lb01").orElseThrow().identity());
            java.nio.file.Files.delete(tmp);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
