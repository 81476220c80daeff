package dev.labtutor.check.fact;

import java.util.List;
import java.util.Optional;

/** IPv4 addresses per interface, as {@code ip -4 addr} shows them. */
public record Addresses(List<Iface> interfaces) implements Fact {

    public record Iface(String name, boolean up, List<Inet> addresses) {
        public Iface {
            addresses = List.copyOf(addresses);
        }
    }

    /** {@code label} is the address label ({@code eth0:0}) or the interface name. */
    public record Inet(String address, int prefix, String label) {
    }

    public Addresses {
        interfaces = List.copyOf(interfaces);
    }

    /** The interface that holds {@code address}, if any. */
    public Optional<Iface> holder(String address) {
        return interfaces.stream().filter(i -> i.addresses().stream().anyMatch(a -> a.address().equals(address)))
                .findFirst();
    }

    public boolean holds(String address) {
        return holder(address).isPresent();
    }

    public Optional<Iface> iface(String name) {
        return interfaces.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
