package dev.labtutor.check.fact;

import java.util.List;
import java.util.Optional;

/**
 * The kernel's IPVS table from {@code ipvsadm -Ln}, or why there is none: {@code state} says whether ipvsadm is missing
 * or the kernel has no ip_vs, and {@code unavailableReason} holds what the host said (e.g. ipvsadm's "Can't initialize
 * ipvs: Protocol not available").
 */
public record IpvsTable(State state, String unavailableReason, List<VirtualService> services) implements Fact {

    /** A table was read; the ipvsadm command is missing; the kernel has no IPVS (ip_vs). */
    public enum State {
        TABLE, NO_IPVSADM, NO_KERNEL_IPVS
    }

    /** {@code protocol} is TCP, UDP or FWM (then {@code address} holds the mark and port is 0). */
    public record VirtualService(String protocol, String address, int port, String scheduler, boolean persistent,
            List<RealServer> realServers) {
        public VirtualService {
            realServers = List.copyOf(realServers);
        }
    }

    /** {@code forward} is Route (DR), Masq (NAT), Tunnel or Local. */
    public record RealServer(String address, int port, String forward, int weight, int activeConn, int inactiveConn) {
    }

    public IpvsTable {
        services = List.copyOf(services);
    }

    public boolean available() {
        return state == State.TABLE;
    }

    public Optional<VirtualService> service(String protocol, String address, int port) {
        return services.stream()
                .filter(s -> s.protocol().equalsIgnoreCase(protocol) && s.address().equals(address) && s.port() == port)
                .findFirst();
    }
}
