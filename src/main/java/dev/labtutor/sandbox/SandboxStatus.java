package dev.labtutor.sandbox;

import java.util.List;

/**
 * A snapshot of a sandbox: per host whether it runs, whether its sshd runs, and its IPv4 addresses on the lab interface
 * and on lo (where the VIP shows up).
 */
public record SandboxStatus(String name, String subnet, String vip, List<Host> hosts) {

    public SandboxStatus {
        hosts = List.copyOf(hosts);
    }

    public record Host(SandboxRole role, String address, boolean running, boolean sshd, boolean keepalived,
            List<String> addresses) {
        public Host {
            addresses = List.copyOf(addresses);
        }

        public boolean holdsVip(String vip) {
            return addresses.stream().anyMatch(a -> a.equals(vip) || a.startsWith(vip + "/"));
        }
    }

    /** Roles whose addresses include the VIP right now. */
    public List<SandboxRole> vipHolders() {
        return hosts.stream().filter(h -> h.holdsVip(vip)).map(Host::role).toList();
    }
}
