package dev.labtutor.check.fact;

import java.util.List;
import java.util.Optional;

/**
 * The kernel's IPVS table from {@code ipvsadm -Ln}. {@code available} is false when ipvsadm is
 * missing or the kernel has no ip_vs ({@code unavailableReason} says which).
 */
public record IpvsTable(boolean available, String unavailableReason, List<VirtualService> services)
        implements Fact {

    /** {@code protocol} is TCP, UDP or FWM (then {@code address} holds the mark and port is 0). */
    public record VirtualService(String protocol, String address, int port, String scheduler,
                                 boolean persistent, List<RealServer> realServers) {
        public VirtualService {
            realServers = List.copyOf(realServers);
        }
    }

    /** {@code forward} is Route (DR), Masq (NAT), Tunnel or Local. */
    public record RealServer(String address, int port, String forward, int weight,
                             int activeConn, int inactiveConn) {
    }

    public IpvsTable {
        services = List.copyOf(services);
    }

    public Optional<VirtualService> service(String protocol, String address, int port) {
        return services.stream()
                .filter(s -> s.protocol().equalsIgnoreCase(protocol) && s.address().equals(address) && s.port() == port)
                .findFirst();
    }
}
