package dev.labtutor.check;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An address is (or is not) configured on a host, optionally on a given interface; {@code iface = "primary"} means the
 * interface that carries the host's own address; with {@code prefix}, the address must carry that prefix length (a VIP
 * on lo is a /32).
 */
public record AddressCheck(String address, boolean present, Optional<String> iface,
        Optional<Integer> prefix) implements PerHostPrimitive {

    public AddressCheck(String address, boolean present, Optional<String> iface) {
        this(address, present, iface, Optional.empty());
    }

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
            return holder.isEmpty() ? Outcome.pass(
                    Text.of(r + " 上没有 " + address + "（正确）", r + " does not hold " + address + " (as expected)"), ev)
                    : Outcome.fail("present", Text.of(r + " 的 " + holder.get().name() + " 上有 " + address + "，但它不应持有该地址",
                            r + " holds " + address + " on " + holder.get().name() + " but should not"), ev);
        }
        if (holder.isEmpty()) {
            return Outcome.fail("absent", Text.of(r + " 上没有地址 " + address, r + " does not hold " + address), ev);
        }
        Optional<String> want = iface.map(i -> i.equals("primary") ? host.primaryIface().orElse(i) : i);
        if (want.isPresent() && !want.get().equals(holder.get().name())) {
            return Outcome.fail("wrong-iface",
                    Text.of(r + " 把 " + address + " 配在 " + holder.get().name() + " 上，应为 " + want.get(),
                            r + " holds " + address + " on " + holder.get().name() + ", expected " + want.get()),
                    ev);
        }
        if (prefix.isPresent()) {
            Optional<Addresses.Inet> inet =
                    holder.get().addresses().stream().filter(x -> x.address().equals(address)).findFirst();
            if (inet.isPresent() && inet.get().prefix() != prefix.get()) {
                return Outcome.fail("wrong-prefix",
                        Text.of(r + " 的 " + holder.get().name() + " 上 " + address + " 的掩码是 /" + inet.get().prefix()
                                + "，应为 /" + prefix.get(),
                                r + " holds " + address + "/" + inet.get().prefix() + " on " + holder.get().name()
                                        + ", expected /" + prefix.get()),
                        ev);
            }
        }
        return Outcome.pass(Text.of(r + " 的 " + holder.get().name() + " 上有 " + address,
                r + " holds " + address + " on " + holder.get().name()), ev);
    }

    static String describe(Addresses a) {
        return a.interfaces().stream().filter(i -> !i.addresses().isEmpty()).map(i -> i.name() + " "
                + i.addresses().stream().map(x -> x.address() + "/" + x.prefix()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
    }
}
