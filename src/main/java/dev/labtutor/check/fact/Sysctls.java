package dev.labtutor.check.fact;

import java.util.Map;
import java.util.Optional;

/** sysctl keys (dotted form, e.g. {@code net.ipv4.conf.all.arp_ignore}) to their values. */
public record Sysctls(Map<String, String> values) implements Fact {

    public Sysctls {
        values = Map.copyOf(values);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /**
     * The value the kernel acts on for {@code net.ipv4.conf.IFACE.NAME} settings that it combines as the maximum of
     * {@code all} and the interface (arp_ignore, arp_announce).
     */
    public Optional<Integer> effectiveMax(String name, String iface) {
        Optional<Integer> all = get("net.ipv4.conf.all." + name).map(Sysctls::parseIntOrNull);
        Optional<Integer> own = get("net.ipv4.conf." + iface + "." + name).map(Sysctls::parseIntOrNull);
        if (all.isEmpty() && own.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Math.max(all.orElse(0), own.orElse(0)));
    }

    private static Integer parseIntOrNull(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
