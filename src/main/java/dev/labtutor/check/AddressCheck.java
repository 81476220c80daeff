package dev.labtutor.check;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An address is (or is not) configured on a host, optionally on a given interface;
 * {@code iface = "primary"} means the interface that carries the host's own address.
 */
public record AddressCheck(String address, boolean present, Optional<String> iface) implements PerHostPrimitive {

    static final Probe ADDRESSES = Probe.of(Probe.Kind.ADDRESSES);

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(ADDRESSES);
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        Addresses a = PerHostPrimitive.fact(host, ADDRESSES, Addresses.class);
        List<Evidence> ev = List.of(new Evidence(host.role(), describe(a)));
        Optional<Addresses.Iface> holder = a.holder(address);
        String r = host.role();
        if (!present) {
            return holder.isEmpty()
                    ? Outcome.pass(Text.of(r + " 上没有 " + address + "（正确）", r + " does not hold " + address + " (as expected)"), ev)
                    : Outcome.fail("present", Text.of(r + " 的 " + holder.get().name() + " 上有 " + address + "，但它不应持有该地址",
                            r + " holds " + address + " on " + holder.get().name() + " but should not"), ev);
        }
        if (holder.isEmpty()) {
            return Outcome.fail("absent", Text.of(r + " 上没有地址 " + address, r + " does not hold " + address), ev);
        }
        Optional<String> want = iface.map(i -> i.equals("primary") ? host.primaryIface().orElse(i) : i);
        if (want.isPresent() && !want.get().equals(holder.get().name())) {
            return Outcome.fail("wrong-iface", Text.of(r + " 把 " + address + " 配在 " + holder.get().name() + " 上，应为 " + want.get(),
                    r + " holds " + address + " on " + holder.get().name() + ", expected " + want.get()), ev);
        }
        return Outcome.pass(Text.of(r + " 的 " + holder.get().name() + " 上有 " + address,
                r + " holds " + address + " on " + holder.get().name()), ev);
    }

    static String describe(Addresses a) {
        return a.interfaces().stream().filter(i -> !i.addresses().isEmpty())
                .map(i -> i.name() + " " + i.addresses().stream().map(x -> x.address() + "/" + x.prefix())
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
