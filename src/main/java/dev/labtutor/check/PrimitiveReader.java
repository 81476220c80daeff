package dev.labtutor.check;

import dev.labtutor.course.VarType;
import dev.labtutor.yaml.Fields;
import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Builds a {@link Primitive} from its data form, e.g. {@code {address: {address: 10.0.0.100}}}. Values arrive with the
 * learner's values already filled in; each is validated here, so a bad value is reported at its line and never reaches
 * a remote shell.
 */
public final class PrimitiveReader {

    /** The primitive names a check's {@code expect} (and a cause's {@code when}) may use. */
    public static final Set<String> NAMES = Set.of("address", "address-holders", "sysctl", "unit", "package", "file",
            "ipvs", "http", "log", "command", "selinux", "firewalld", "keepalived-config", "keepalived-instance",
            "keepalived-group", "keepalived-virtual-server", "timeline", "sysctl-persisted", "mount", "nfs-export",
            "showmount", "host-address", "ufw");

    private PrimitiveReader() {
    }

    public static Optional<Primitive> read(YNode node, Problems problems) {
        if (!node.isMap() || node.entries().size() != 1) {
            problems.add(node,
                    "expected exactly one primitive (" + String.join(", ", new java.util.TreeSet<>(NAMES)) + ")");
            return Optional.empty();
        }
        Map.Entry<String, YNode> e = node.entries().entrySet().iterator().next();
        String name = e.getKey();
        YNode body = e.getValue();
        int before = problems.size();
        Primitive p = switch (name) {
            case "address" -> {
                Fields f = Fields.of(body, problems, "address", Set.of("address", "present", "iface", "prefix"));
                yield new AddressCheck(typed(f, "address", VarType.IPV4, problems), f.bool("present").orElse(true),
                        optTyped(f, "iface", VarType.IFACE, problems), f.integer("prefix", 0, 32));
            }
            case "address-holders" -> {
                Fields f = Fields.of(body, problems, "address-holders", Set.of("address", "count"));
                yield new HoldersCheck(typed(f, "address", VarType.IPV4, problems),
                        f.integer("count", 0, 64).orElse(1));
            }
            case "sysctl" -> {
                Fields f = Fields.of(body, problems, "sysctl", Set.of("key", "equals", "iface"));
                String key = f.requiredText("key");
                if (!key.matches("[a-z0-9_]+(\\.[A-Za-z0-9_-]+)*")) {
                    problems.add(f.node("key").orElse(body), "'" + key + "' is not a sysctl key");
                }
                yield new SysctlCheck(key, f.requiredText("equals"), optTyped(f, "iface", VarType.IFACE, problems));
            }
            case "unit" -> {
                Fields f = Fields.of(body, problems, "unit", Set.of("name", "active", "enabled"));
                yield new UnitCheck(typed(f, "name", VarType.WORD, problems), f.bool("active"), f.bool("enabled"));
            }
            case "package" -> {
                Fields f = Fields.of(body, problems, "package", Set.of("name", "installed"));
                yield new PackageCheck(typed(f, "name", VarType.WORD, problems), f.bool("installed").orElse(true));
            }
            case "file" -> {
                Fields f = Fields.of(body, problems, "file", Set.of("path", "exists", "contains", "matches", "expect"));
                Optional<Pattern> matches = regex(f, "matches", problems);
                if (matches.isPresent() && FileCheck.setting(matches.get()).isEmpty() && f.text("expect").isEmpty()) {
                    problems.add(f.node("matches").orElse(body),
                            "'matches' is not one KEY=VALUE line, so it needs 'expect': "
                                    + "the line a learner should write, shown instead of the regular expression");
                }
                yield new FileCheck(typed(f, "path", VarType.PATH, problems), f.bool("exists").orElse(true),
                        f.text("contains"), matches, f.text("expect"));
            }
            case "ipvs" -> {
                Fields f = Fields.of(body, problems, "ipvs",
                        Set.of("protocol", "address", "port", "method", "real-servers", "scheduler"));
                String proto = f.text("protocol").orElse("TCP").toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("TCP", "UDP").contains(proto)) {
                    problems.add(f.node("protocol").orElse(body), "protocol must be TCP or UDP");
                }
                Optional<String> method = f.text("method");
                method.filter(m -> IpvsCheck.forwardWord(m).isEmpty())
                        .ifPresent(m -> problems.add(f.node("method").orElseThrow(), "method must be DR, NAT or TUN"));
                List<String> rs = f.textList("real-servers");
                rs.stream().filter(a -> !VarType.IPV4.accepts(a)).forEach(a -> problems
                        .add(f.node("real-servers").orElseThrow(), "real server '" + a + "' is not an IPv4 address"));
                yield new IpvsCheck(proto, typed(f, "address", VarType.IPV4, problems),
                        f.integer("port", 1, 65535).orElse(80), method, rs, f.text("scheduler"));
            }
            case "http" -> {
                Fields f = Fields.of(body, problems, "http",
                        Set.of("url", "from", "requests", "contains", "distinct", "backends"));
                String url = f.requiredText("url");
                if (!url.matches("https?://[A-Za-z0-9.:-]+(/[A-Za-z0-9._~/%-]*)?")) {
                    problems.add(f.node("url").orElse(body), "'" + url + "' is not a plain http(s) URL");
                }
                String from = f.text("from").orElse("tutor");
                yield new HttpCheck(url, from, f.integer("requests", 1, 50).orElse(1), f.text("contains"),
                        f.integer("distinct", 1, 50), words(f, "backends", problems));
            }
            case "log" -> {
                Fields f = Fields.of(body, problems, "log", Set.of("unit", "contains", "matches", "since-last"));
                Optional<String> contains = f.text("contains");
                Optional<Pattern> matches = regex(f, "matches", problems);
                if (contains.isEmpty() && matches.isEmpty()) {
                    problems.add(body, "log needs 'contains' or 'matches'");
                }
                yield new LogCheck(typed(f, "unit", VarType.WORD, problems), contains, matches, f.text("since-last"));
            }
            case "command" -> {
                Fields f = Fields.of(body, problems, "command", Set.of("run", "exit", "contains"));
                yield new CommandCheck(f.requiredText("run"), f.integer("exit", 0, 255), f.text("contains"));
            }
            case "selinux" -> {
                Fields f = Fields.of(body, problems, "selinux", Set.of("mode"));
                List<String> modes = f.textList("mode");
                if (modes.isEmpty()) {
                    problems.add(body, "selinux needs 'mode' (Enforcing, Permissive, Disabled)");
                }
                yield new SelinuxCheck(modes);
            }
            case "firewalld" -> {
                Fields f = Fields.of(body, problems, "firewalld", Set.of("running"));
                yield new FirewalldCheck(f.bool("running").orElse(false));
            }
            case "ufw" -> {
                Fields f = Fields.of(body, problems, "ufw", Set.of("active", "enabled"));
                if (f.bool("active").isEmpty() && f.bool("enabled").isEmpty()) {
                    problems.add(body, "ufw needs 'active' or 'enabled' (true or false)");
                }
                yield new UfwCheck(f.bool("active"), f.bool("enabled"));
            }
            case "timeline" -> timeline(body, problems);
            case "sysctl-persisted" -> {
                Fields f = Fields.of(body, problems, "sysctl-persisted", Set.of("key", "equals"));
                String key = f.requiredText("key");
                if (!key.matches("[a-z0-9_]+(\\.[A-Za-z0-9_-]+)*")) {
                    problems.add(f.node("key").orElse(body), "'" + key + "' is not a sysctl key");
                }
                yield new SysctlPersistedCheck(key, f.requiredText("equals"));
            }
            case "mount" -> {
                Fields f = Fields.of(body, problems, "mount", Set.of("path", "fstype", "source", "persisted"));
                Optional<String> source = f.text("source");
                source.filter(x -> !x.matches("[A-Za-z0-9_.:/@+-]{1,1024}"))
                        .ifPresent(x -> problems.add(f.node("source").orElseThrow(),
                                "'" + x + "' is not a mount source like 10.0.0.31:/opt/wwwroot"));
                yield new MountCheck(typed(f, "path", VarType.PATH, problems), f.text("fstype"), source,
                        f.bool("persisted").orElse(false));
            }
            case "nfs-export" -> {
                Fields f = Fields.of(body, problems, "nfs-export", Set.of("path", "clients"));
                List<String> clients = words(f, "clients", problems);
                clients.stream().filter(c -> !VarType.IPV4.accepts(c)).forEach(c -> problems
                        .add(f.node("clients").orElseThrow(), "client '" + c + "' is not an IPv4 address"));
                yield new NfsExportCheck(typed(f, "path", VarType.PATH, problems), clients);
            }
            case "showmount" -> {
                Fields f = Fields.of(body, problems, "showmount", Set.of("server", "path"));
                yield new ShowmountCheck(typed(f, "server", VarType.IPV4, problems),
                        typed(f, "path", VarType.PATH, problems));
            }
            case "host-address" -> {
                Fields.of(body, problems, "host-address", Set.of());
                yield new HostAddressCheck();
            }
            default -> KeepalivedPrimitives.read(name, body, problems).orElse(null);
        };
        if (p == null) {
            if (problems.size() == before) {
                problems.add(node.keyNode(name),
                        "unknown primitive '" + name + "' (" + String.join(", ", new java.util.TreeSet<>(NAMES)) + ")");
            }
            return Optional.empty();
        }
        return problems.size() == before ? Optional.of(p) : Optional.empty();
    }

    private static TimelineCheck timeline(YNode body, Problems problems) {
        Fields f = Fields.of(body, problems, "timeline", Set.of("track", "address", "url", "port", "backends", "recent",
                "pattern", "from-logs", "directors", "server"));
        String trackName = f.text("track").orElse("holder");
        dev.labtutor.check.observe.Watch.Track track = switch (trackName) {
            case "holder" -> dev.labtutor.check.observe.Watch.Track.HOLDER;
            case "backends" -> dev.labtutor.check.observe.Watch.Track.BACKENDS;
            default -> {
                problems.add(f.node("track").orElseThrow(),
                        "track must be 'holder' (who holds the address) or 'backends' (whose pages the URL serves)");
                yield dev.labtutor.check.observe.Watch.Track.HOLDER;
            }
        };
        String address = "";
        if (f.text("address").isPresent() || track == dev.labtutor.check.observe.Watch.Track.HOLDER
                || f.text("port").isPresent()) {
            address = typed(f, "address", VarType.IPV4, problems);
        }
        Optional<dev.labtutor.check.observe.Target> target = Optional.empty();
        Optional<String> url = f.text("url");
        Optional<Integer> port = f.integer("port", 1, 65535);
        if (url.isPresent() && port.isPresent()) {
            problems.add(body, "timeline takes 'url' (HTTP) or 'port' (TCP), not both");
        } else if (url.isPresent()) {
            target = dev.labtutor.check.observe.Target.http(url.get());
            if (target.isEmpty() || !VarType.URL.accepts(url.get())) {
                problems.add(f.node("url").orElseThrow(), "'" + url.get() + "' is not a plain http:// URL");
            }
        } else if (port.isPresent()) {
            target = Optional.of(dev.labtutor.check.observe.Target.tcp(address, port.get()));
        }
        List<String> backends = words(f, "backends", problems);
        if (track == dev.labtutor.check.observe.Watch.Track.BACKENDS && (url.isEmpty() || backends.isEmpty())) {
            problems.add(body, "track: backends needs 'url' and 'backends' (the names the pages carry)");
        }
        List<String> pattern = new java.util.ArrayList<>();
        for (String state : f.requiredText("pattern").split(",|→|->")) {
            String st = state.trim();
            if (!st.matches("[a-z0-9-]+(\\+[a-z0-9-]+)*")) {
                problems.add(f.node("pattern").orElse(body),
                        "pattern state '" + st + "' must be names joined by '+', e.g. lb01 or web01+web02");
            }
            pattern.add(st);
        }
        return new TimelineCheck(track, address, target, backends, f.integer("recent", 1, 20).orElse(4), pattern,
                fromLogs(f, pattern, problems));
    }

    /**
     * How the timeline is judged in one round, from keepalived's logs: {@code vrrp} for a pattern A → B → A of single
     * hosts; {@code pool} for a real server that leaves and rejoins, with {@code directors} (whose logs) and
     * {@code server} (its address); {@code none} (or absent): only a watch can judge it.
     */
    private static Optional<LogEvidence> fromLogs(Fields f, List<String> pattern, Problems problems) {
        String how = f.text("from-logs").orElse("none");
        YNode at = f.node("from-logs").orElse(null);
        switch (how) {
            case "none", "" -> {
                return Optional.empty();
            }
            case "vrrp" -> {
                if (pattern.size() != 3 || !pattern.get(0).equals(pattern.get(2))
                        || pattern.get(0).equals(pattern.get(1)) || pattern.stream().anyMatch(p -> p.contains("+"))) {
                    problems.add(at, "from-logs: vrrp needs a pattern A → B → A of single hosts");
                    return Optional.empty();
                }
                return Optional.of(new LogEvidence.Vrrp(pattern.get(0), pattern.get(1)));
            }
            case "pool" -> {
                List<String> directors = words(f, "directors", problems);
                String server = f.text("server").orElse("");
                if (directors.isEmpty() || !VarType.IPV4.accepts(server)) {
                    problems.add(at,
                            "from-logs: pool needs 'directors' (roles) and 'server' (the IPv4 address that leaves the pool)");
                    return Optional.empty();
                }
                String name = pattern.size() == 3 ? missing(pattern.get(0), pattern.get(1)) : "";
                return Optional.of(new LogEvidence.Pool(directors, name.isEmpty() ? server : name, server));
            }
            default -> {
                problems.add(at, "from-logs must be 'vrrp', 'pool' or 'none'");
                return Optional.empty();
            }
        }
    }

    /** The member of state {@code all} that {@code some} lacks ("web01+web02", "web02": "web01"). */
    private static String missing(String all, String some) {
        List<String> rest = new java.util.ArrayList<>(List.of(all.split("\\+")));
        rest.removeAll(List.of(some.split("\\+")));
        return rest.size() == 1 ? rest.get(0) : "";
    }

    private static List<String> words(Fields f, String key, Problems problems) {
        List<String> out = new java.util.ArrayList<>();
        for (String w : f.text(key).orElse("").split(",")) {
            if (w.isBlank()) {
                continue;
            }
            if (!VarType.WORD.accepts(w.trim())) {
                problems.add(f.node(key).orElseThrow(), "'" + w.trim() + "' in '" + key + "' must be a word");
            }
            out.add(w.trim());
        }
        return out;
    }

    static String typed(Fields f, String key, VarType type, Problems problems) {
        String v = f.requiredText(key).trim();
        if (!v.isEmpty() && !type.accepts(v)) {
            problems.add(f.node(key).orElse(f.node()),
                    "'" + key + "' must be " + type.describe() + ", not '" + v + "'");
        }
        return v;
    }

    static Optional<String> optTyped(Fields f, String key, VarType type, Problems problems) {
        Optional<String> v = f.text(key).map(String::trim);
        if (v.isPresent() && !v.get().equals("primary") && !type.accepts(v.get())) {
            problems.add(f.node(key).orElseThrow(),
                    "'" + key + "' must be " + type.describe() + " or 'primary', not '" + v.get() + "'");
        }
        return v;
    }

    static Optional<Pattern> regex(Fields f, String key, Problems problems) {
        return f.text(key).flatMap(r -> {
            try {
                return Optional.of(Pattern.compile(r, Pattern.MULTILINE));
            } catch (PatternSyntaxException ex) {
                problems.add(f.node(key).orElseThrow(),
                        "'" + key + "' is not a valid regular expression: " + ex.getDescription());
                return Optional.empty();
            }
        });
    }
}
