package dev.labtutor.keepalived;

import java.util.List;
import java.util.Optional;

/** The effective configuration of one host, in file order. */
public record KeepalivedConfig(GlobalDefs globalDefs, List<VrrpInstance> vrrpInstances, List<VrrpScript> vrrpScripts,
        List<SyncGroup> syncGroups, List<VirtualServer> virtualServers) {

    public KeepalivedConfig {
        vrrpInstances = List.copyOf(vrrpInstances);
        vrrpScripts = List.copyOf(vrrpScripts);
        syncGroups = List.copyOf(syncGroups);
        virtualServers = List.copyOf(virtualServers);
    }

    /** The first instance with this name (keepalived itself refuses duplicates). */
    public Optional<VrrpInstance> instance(String name) {
        return vrrpInstances.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
