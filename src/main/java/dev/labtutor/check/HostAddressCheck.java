package dev.labtutor.check;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Set;

/**
 * The host answered over SSH and the address labtutor reaches it on is one of its own: the interface carrying it is the
 * one the course's commands and configs name for this host.
 */
public record HostAddressCheck() implements PerHostPrimitive {

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(AddressCheck.ADDRESSES);
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        Addresses a = PerHostPrimitive.fact(host, AddressCheck.ADDRESSES, Addresses.class);
        String r = host.role();
        List<Evidence> ev = List.of(new Evidence(r, AddressCheck.describe(a)));
        return host.primaryIface().map(i -> Outcome.pass(Text.of(
                r + " 可以通过 SSH 登录并以 root 身份执行命令；它的地址 " + host.address() + " 在网卡 " + i + " 上，课程中 " + r + " 的网卡都写作 " + i,
                r + " answers over SSH and runs commands as root; its address " + host.address() + " is on " + i
                        + ", the interface the course names for " + r),
                ev))
                .orElseGet(() -> Outcome.fail("address-not-local",
                        Text.of("labtutor 通过 " + host.address() + " 连接 " + r + "，但 " + r
                                + " 的网卡上没有这个地址（经过了 NAT 或端口转发？）",
                                "labtutor reaches " + r + " at " + host.address() + ", but no interface of " + r
                                        + " has that address (NAT or port forwarding?)"),
                        ev));
    }
}
