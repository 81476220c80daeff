package dev.labtutor.check;

import dev.labtutor.check.fact.Sysctls;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sysctl has a value. With {@code iface} set, {@code key} is a per-interface IPv4 setting (arp_ignore, arp_announce)
 * judged the way the kernel uses it: the larger of {@code net.ipv4.conf.all.KEY} and {@code net.ipv4.conf.IFACE.KEY};
 * {@code iface = "primary"} is the interface carrying the host's address.
 */
public record SysctlCheck(String key, String equals, Optional<String> iface) implements PerHostPrimitive {

    static final Probe CONF = Probe.of(Probe.Kind.SYSCTL, "net.ipv4.conf");

    private Probe probe() {
        return iface.isPresent() ? CONF : Probe.of(Probe.Kind.SYSCTL, key);
    }

    @Override
    public Set<Probe> hostProbes() {
        return iface.isPresent() ? Set.of(CONF, AddressCheck.ADDRESSES) : Set.of(probe());
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        Sysctls s = PerHostPrimitive.fact(host, probe(), Sysctls.class);
        String r = host.role();
        if (iface.isPresent()) {
            String dev = iface.get().equals("primary") ? host.primaryIface().orElse("all") : iface.get();
            String allKey = "net.ipv4.conf.all." + key;
            String devKey = "net.ipv4.conf." + dev + "." + key;
            List<Evidence> ev = List.of(new Evidence(r,
                    allKey + " = " + s.get(allKey).orElse("?") + ", " + devKey + " = " + s.get(devKey).orElse("?")));
            Optional<Integer> eff = s.effectiveMax(key, dev);
            if (eff.isEmpty()) {
                return new Outcome(Status.ERROR, "sysctl-unreadable", Text.of(
                        "无法读取 " + r + " 上的 " + allKey + " 和 " + devKey + "，不能判断 " + key + " 的值",
                        "cannot read " + allKey + " or " + devKey + " on " + r + ", so " + key + " cannot be judged"),
                        ev);
            }
            if (String.valueOf(eff.get()).equals(equals.trim())) {
                return Outcome.pass(Text.of(r + " 的 " + dev + " 上 " + key + " 实际生效值为 " + eff.get(),
                        r + ": effective " + key + " on " + dev + " is " + eff.get()), ev);
            }
            return Outcome.fail("wrong-value",
                    Text.of(r + " 的 " + dev + " 上 " + key + " 实际生效值为 " + eff.get() + "，应为 " + equals
                            + "（内核取 all 与网卡自身两者中的较大值）",
                            r + ": effective " + key + " on " + dev + " is " + eff.get() + ", expected " + equals
                                    + " (the kernel uses the larger of 'all' and the interface's own value)"),
                    ev);
        }
        Optional<String> v = s.get(key);
        List<Evidence> ev = List.of(new Evidence(r, key + " = " + v.orElse("(not present)")));
        if (v.isEmpty()) {
            return new Outcome(Status.ERROR, "sysctl-unreadable",
                    Text.of("无法读取 " + r + " 上的 " + key + "（这个内核没有它，或没有权限）",
                            "cannot read " + key + " on " + r + " (this kernel lacks it, or it is not readable)"),
                    ev);
        }
        if (normalize(v.get()).equals(normalize(equals))) {
            return Outcome.pass(Text.of(r + " 上 " + key + " = " + v.get(), r + ": " + key + " = " + v.get()), ev);
        }
        return Outcome.fail("wrong-value", Text.of(r + " 上 " + key + " = " + v.get() + "，应为 " + equals,
                r + ": " + key + " = " + v.get() + ", expected " + equals), ev);
    }

    private static String normalize(String s) {
        return s.trim().replaceAll("\\s+", " ");
    }
}
