package dev.labtutor.course;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.Ipv4;
import dev.labtutor.lab.LabFile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The subnet of a lab's hosts, taken as the /24 of each host's IPv4 address (a lab file does not say the prefix length,
 * and a classroom lab is a /24), and the course's address variables (type {@code ipv4}, such as the VIP) checked
 * against it: a VIP outside the hosts' subnet is an address keepalived adds that nothing on the lab network reaches,
 * the usual result of leaving the course's default (the source document's network) on hosts in another network.
 */
public final class LabSubnet {

    private LabSubnet() {
    }

    /** The /24 networks of the hosts' IPv4 addresses, as {@code A.B.C} (hosts named by an alias are left out). */
    public static Set<String> prefixes(Collection<String> hostAddresses) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : hostAddresses) {
            if (Ipv4.isValid(a)) {
                out.add(a.substring(0, a.lastIndexOf('.')));
            }
        }
        return out;
    }

    /**
     * True when {@code address} is an IPv4 address outside every one of {@code prefixes} (none: nothing to compare
     * with).
     */
    public static boolean outside(String address, Set<String> prefixes) {
        return Ipv4.isValid(address) && !prefixes.isEmpty()
                && !prefixes.contains(address.substring(0, address.lastIndexOf('.')));
    }

    /** {@code prefixes} as networks for a message: {@code 10.0.0.0/24, 10.0.1.0/24}. */
    public static String networks(Set<String> prefixes) {
        return String.join(", ", prefixes.stream().map(p -> p + ".0/24").toList());
    }

    /**
     * A free address for the VIP in the hosts' first /24: the highest of {@code .200} to {@code .254} that no host
     * uses; empty when no host has an IPv4 address (or all are taken).
     */
    public static Optional<String> freeAddress(Collection<String> hostAddresses) {
        Optional<String> prefix = prefixes(hostAddresses).stream().findFirst();
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        for (int last = 254; last >= 200; last--) {
            String a = prefix.get() + "." + last;
            if (!hostAddresses.contains(a)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /**
     * One warning per course address variable whose value (the lab file's, else the course default) is outside every
     * /24 of the lab's hosts, saying what to write in the lab file.
     */
    public static List<Text> warnings(Course course, LabFile lab) {
        List<String> addresses = lab.hosts().values().stream().map(HostSpec::address).toList();
        Set<String> prefixes = prefixes(addresses);
        List<Text> out = new ArrayList<>();
        if (prefixes.isEmpty()) {
            return out;
        }
        String nets = networks(prefixes);
        Bindings b = Bindings.of(course, Optional.of(lab));
        for (VarSpec v : course.vars().values()) {
            if (v.type() != VarType.IPV4) {
                continue;
            }
            String value = b.lookup(v.name()).orElse("");
            if (!outside(value, prefixes)) {
                continue;
            }
            boolean fromCourse = !lab.vars().containsKey(v.name());
            String free = freeAddress(addresses).orElse(prefixes.iterator().next() + ".200");
            String file = lab.source().toString();
            out.add(Text.of("课程变量 " + v.name() + " 是 " + value + (fromCourse ? "（课程默认值）" : "") + "，不在你的主机所在的网段 " + nets
                    + " 中：实验网络上没有主机能访问它。请在 " + file + " 中写上 vars: { " + v.name() + ": " + free + " }（该网段中一个空闲的地址）。",
                    "The course variable " + v.name() + " is " + value + (fromCourse ? " (the course default)" : "")
                            + ", outside your hosts' subnet " + nets
                            + ": nothing on the lab network reaches it. Write vars: { " + v.name() + ": " + free
                            + " } in " + file + " (a free address in that subnet)."));
        }
        return out;
    }
}
