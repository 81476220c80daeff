package dev.labtutor.lab;

import dev.labtutor.yaml.Problem;
import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import dev.labtutor.yaml.YamlReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an Ansible inventory, INI ({@code [group]}, {@code [group:vars]}, {@code [group:children]}, {@code host
 * key=value ...}, host ranges like {@code web[01:02]}) or YAML ({@code all: {hosts, vars, children}}, chosen by a
 * {@code .yml}/{@code .yaml}/{@code .json} name). Every problem is reported as file:line:col.
 */
public final class InventoryReader {

    private static final Pattern SECTION = Pattern.compile("\\[([^\\]:\\s]+)(?::(vars|children))?\\]");
    private static final Pattern RANGE = Pattern.compile("\\[([0-9]+|[a-z]):([0-9]+|[a-z])(?::([0-9]+))?\\]");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.\\-\\[\\]:]+");

    private InventoryReader() {
    }

    /** Reads {@code file}, adding every problem to {@code problems}; returns what could be read. */
    public static Optional<Inventory> read(Path file, Problems problems) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yml") || name.endsWith(".yaml") || name.endsWith(".json")) {
            return readYaml(file, problems);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(file, 1, 1, "cannot read the inventory: " + e.getMessage()));
            return Optional.empty();
        }
        return Optional.of(readIni(file, text, problems));
    }

    static Inventory readIni(Path file, String text, Problems problems) {
        Inventory inv = new Inventory(file);
        String group = "ungrouped";
        String kind = "hosts";
        inv.group("all", 1);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                Matcher m = SECTION.matcher(line);
                if (!m.matches()) {
                    problems.add(new Problem(file, no, 1, "not a section header: '" + line
                            + "' (expected [group], [group:vars] or [group:children])"));
                    continue;
                }
                group = m.group(1);
                kind = m.group(2) == null ? "hosts" : m.group(2);
                inv.group(group, no);
                continue;
            }
            List<String> words;
            try {
                words = words(line);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(file, no, 1, e.getMessage()));
                continue;
            }
            switch (kind) {
                case "vars" -> {
                    String joined = String.join(" ", words);
                    int eq = line.indexOf('=');
                    if (eq <= 0) {
                        problems.add(new Problem(file, no, 1,
                                "expected key=value in [" + group + ":vars], got '" + joined + "'"));
                    } else {
                        inv.group(group, no).vars().put(line.substring(0, eq).strip(),
                                unquote(line.substring(eq + 1).strip()));
                    }
                }
                case "children" -> {
                    if (words.size() != 1 || !NAME.matcher(words.get(0)).matches()) {
                        problems.add(new Problem(file, no, 1,
                                "expected one group name in [" + group + ":children], got '" + line + "'"));
                    } else {
                        inv.group(group, no).children().add(words.get(0));
                        inv.group(words.get(0), no);
                    }
                }
                default -> hostLine(inv, file, no, group, words, problems);
            }
        }
        for (Inventory.Group g : List.copyOf(groupsWithChildren(inv))) {
            for (String child : g.children()) {
                if (inv.group(child).map(c -> c.hosts().isEmpty() && c.children().isEmpty() && c.vars().isEmpty())
                        .orElse(true) && inv.host(child).isPresent()) {
                    problems.add(new Problem(file, g.line(), 1,
                            "'" + child + "' under [" + g.name() + ":children] is a host, not a group"));
                }
            }
        }
        return inv;
    }

    private static List<Inventory.Group> groupsWithChildren(Inventory inv) {
        List<Inventory.Group> out = new ArrayList<>();
        for (String g : inv.groupNames()) {
            inv.group(g).filter(x -> !x.children().isEmpty()).ifPresent(out::add);
        }
        return out;
    }

    private static void hostLine(Inventory inv, Path file, int no, String group, List<String> words,
            Problems problems) {
        String pattern = words.get(0);
        if (pattern.contains("=") || !NAME.matcher(pattern).matches()) {
            problems.add(new Problem(file, no, 1, "expected a host name first, got '" + pattern + "'"));
            return;
        }
        Map<String, String> vars = new LinkedHashMap<>();
        for (String w : words.subList(1, words.size())) {
            int eq = w.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(file, no, 1, "host " + pattern + ": expected key=value, got '" + w + "'"));
                return;
            }
            vars.put(w.substring(0, eq), w.substring(eq + 1));
        }
        List<String> names;
        try {
            names = expand(pattern);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem(file, no, 1, "host " + pattern + ": " + e.getMessage()));
            return;
        }
        for (String n : names) {
            inv.addHost(n, vars, no);
            List<String> members = inv.group(group, no).hosts();
            if (!members.contains(n)) {
                members.add(n);
            }
        }
    }

    /** {@code web[01:03].lab} -> web01.lab, web02.lab, web03.lab; {@code db-[a:c]} -> db-a, db-b, db-c. */
    static List<String> expand(String pattern) {
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) {
            if (pattern.contains("[") || pattern.contains("]")) {
                throw new IllegalArgumentException("not a host range like [01:10] or [a:f]");
            }
            return List.of(pattern);
        }
        String head = pattern.substring(0, m.start());
        List<String> tails = expand(pattern.substring(m.end()));
        int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        List<String> out = new ArrayList<>();
        String a = m.group(1);
        String b = m.group(2);
        boolean numeric = Character.isDigit(a.charAt(0));
        if (numeric != Character.isDigit(b.charAt(0)) || step < 1) {
            throw new IllegalArgumentException("not a host range like [01:10] or [a:f]");
        }
        int from = numeric ? Integer.parseInt(a) : a.charAt(0);
        int to = numeric ? Integer.parseInt(b) : b.charAt(0);
        if (to < from || (to - from) / step > 999) {
            throw new IllegalArgumentException("the range " + m.group() + " is empty or longer than 1000 hosts");
        }
        for (int v = from; v <= to; v += step) {
            String mid = numeric ? (a.length() > 1 && a.startsWith("0") ? String.format("%0" + a.length() + "d", v)
                    : Integer.toString(v)) : Character.toString((char) v);
            for (String t : tails) {
                out.add(head + mid + t);
            }
        }
        return out;
    }

    /** Splits on blanks outside quotes; quotes are removed from values ({@code k="a b"} -> {@code k=a b}). */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        boolean in = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                in = true;
            } else if (c == '#' && !in) {
                break;
            } else if (Character.isWhitespace(c)) {
                if (in) {
                    out.add(cur.toString());
                    cur.setLength(0);
                    in = false;
                }
            } else {
                cur.append(c);
                in = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote");
        }
        if (in) {
            out.add(cur.toString());
        }
        return out;
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    static Optional<Inventory> readYaml(Path file, Problems problems) {
        Optional<YNode> root = YamlReader.read(file, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Inventory inv = new Inventory(file);
        if (root.get().isNull()) {
            problems.add(root.get(), "the inventory is empty");
            return Optional.of(inv);
        }
        if (!root.get().isMap()) {
            problems.add(root.get(), "an inventory is a mapping of group names (usually 'all:')");
            return Optional.of(inv);
        }
        root.get().entries().forEach((name, node) -> yamlGroup(inv, name, root.get().keyNode(name), node, problems, 0));
        return Optional.of(inv);
    }

    private static void yamlGroup(Inventory inv, String name, YNode keyNode, YNode node, Problems problems, int depth) {
        Inventory.Group g = inv.group(name, keyNode.line());
        if (node.isNull()) {
            return;
        }
        if (!node.isMap() || depth > 32) {
            problems.add(node, "group " + name + " must be a mapping with hosts:, vars: or children:");
            return;
        }
        node.entries().forEach((key, value) -> {
            switch (key) {
                case "hosts" -> {
                    if (value.isNull()) {
                        return;
                    }
                    if (!value.isMap()) {
                        problems.add(value, "hosts of group " + name + " must be a mapping of host name: vars");
                        return;
                    }
                    value.entries().forEach((host, hv) -> {
                        Map<String, String> vars = scalars(hv, "host " + host, problems);
                        List<String> names;
                        try {
                            names = expand(host);
                        } catch (IllegalArgumentException e) {
                            problems.add(value.keyNode(host), "host " + host + ": " + e.getMessage());
                            return;
                        }
                        for (String n : names) {
                            inv.addHost(n, vars, value.keyNode(host).line());
                            if (!g.hosts().contains(n)) {
                                g.hosts().add(n);
                            }
                        }
                    });
                }
                case "vars" -> g.vars().putAll(scalars(value, "vars of group " + name, problems));
                case "children" -> {
                    if (value.isNull()) {
                        return;
                    }
                    if (!value.isMap()) {
                        problems.add(value, "children of group " + name + " must be a mapping of group names");
                        return;
                    }
                    value.entries().forEach((child, cv) -> {
                        if (!g.children().contains(child)) {
                            g.children().add(child);
                        }
                        yamlGroup(inv, child, value.keyNode(child), cv, problems, depth + 1);
                    });
                }
                default -> problems.add(node.keyNode(key),
                        "unknown key '" + key + "' in group " + name + " (allowed: children, hosts, vars)");
            }
        });
    }

    private static Map<String, String> scalars(YNode node, String what, Problems problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isNull()) {
            return out;
        }
        if (!node.isMap()) {
            problems.add(node, what + " must be a mapping of name: value");
            return out;
        }
        node.entries().forEach((k, v) -> {
            if (v.isScalar()) {
                out.put(k, v.text());
            }
        });
        return out;
    }
}
