package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.yaml.JsonReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ADDRESSES: {@code ip -j -4 addr show} JSON, or the text fallback the probe prints for old iproute2
 * ({@code labtutor:ip-text}, {@code ip -4 -o addr show}, {@code labtutor:ip-link}, {@code ip -o link show}). An
 * interface is up when its link flags contain {@code UP} (administratively up, whether or not a cable is in).
 */
final class AddressParser {

    /**
     * One {@code ip -4 -o addr show} line: {@code inet A/N}, or the point-to-point form {@code inet A peer P/N}
     * (tunnels, some cloud and CentOS 7 set-ups), whose local address is a host of its own (/32).
     */
    private static final Pattern TEXT_ADDR = Pattern.compile(
            "^\\d+:\\s+(\\S+)\\s+inet\\s+(\\d+\\.\\d+\\.\\d+\\.\\d+)(?:/(\\d+))?(?:\\s+peer\\s+[0-9.]+(?:/\\d+)?)?\\s+(.*?)\\s*(\\\\.*)?$");

    private static final Pattern LINK = Pattern.compile("^\\d+:\\s+([^:@\\s]+)(@\\S+)?:\\s+<([^>]*)>.*");

    private AddressParser() {
    }

    static Addresses parse(ProbeOutput out) throws Unparseable {
        String text = out.stdout();
        String trimmed = text.strip();
        if (trimmed.startsWith("[")) {
            return json(trimmed);
        }
        if (Lines.hasLine(text, "labtutor:ip-text")) {
            return text(text);
        }
        throw new Unparseable(
                "ip printed neither JSON nor the text fallback: " + Lines.firstNonBlank(out.stderr() + "\n" + text));
    }

    static Addresses json(String text) throws Unparseable {
        Object root;
        try {
            root = JsonReader.read(text);
        } catch (JsonReader.Malformed e) {
            throw new Unparseable("ip -j output is not valid JSON (" + e.getMessage() + ")");
        }
        if (!(root instanceof List<?> links)) {
            throw new Unparseable("ip -j output is not a JSON array");
        }
        List<Addresses.Iface> ifaces = new ArrayList<>();
        for (Object o : links) {
            if (!(o instanceof Map<?, ?> link) || !(link.get("ifname") instanceof String name)) {
                continue; // old iproute2 prints {} for links without IPv4 addresses
            }
            boolean up = link.get("flags") instanceof List<?> flags && flags.contains("UP");
            List<Addresses.Inet> inets = new ArrayList<>();
            if (link.get("addr_info") instanceof List<?> infos) {
                for (Object i : infos) {
                    if (i instanceof Map<?, ?> info && "inet".equals(info.get("family"))
                            && info.get("local") instanceof String local
                            && info.get("prefixlen") instanceof Number len) {
                        String label = info.get("label") instanceof String l ? l : name;
                        inets.add(new Addresses.Inet(local, len.intValue(), label));
                    }
                }
            }
            ifaces.add(new Addresses.Iface(name, up, inets));
        }
        return new Addresses(ifaces);
    }

    static Addresses text(String text) throws Unparseable {
        Map<String, List<Addresses.Inet>> byIface = new LinkedHashMap<>();
        Map<String, Boolean> upByIface = new HashMap<>();
        boolean inLinks = false;
        for (String line : Lines.of(text)) {
            if (line.equals("labtutor:ip-text")) {
                continue;
            }
            if (line.equals("labtutor:ip-link")) {
                inLinks = true;
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            if (inLinks) {
                Matcher m = LINK.matcher(line);
                if (m.matches()) {
                    upByIface.put(m.group(1), List.of(m.group(3).split(",")).contains("UP"));
                }
                continue;
            }
            Matcher m = TEXT_ADDR.matcher(line);
            if (!m.matches()) {
                throw new Unparseable("unexpected line from ip -4 -o addr show: " + line);
            }
            String[] rest = m.group(4).split("\\s+");
            String label = rest.length > 0 && !rest[rest.length - 1].isEmpty() ? rest[rest.length - 1] : m.group(1);
            byIface.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                    .add(new Addresses.Inet(m.group(2), m.group(3) == null ? 32 : Integer.parseInt(m.group(3)), label));
        }
        List<Addresses.Iface> ifaces = new ArrayList<>();
        byIface.forEach(
                (name, inets) -> ifaces.add(new Addresses.Iface(name, upByIface.getOrDefault(name, false), inets)));
        return new Addresses(ifaces);
    }
}
