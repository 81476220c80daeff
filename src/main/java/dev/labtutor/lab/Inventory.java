package dev.labtutor.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An Ansible inventory as read from an INI or YAML file: hosts in the order they first appear, groups with their hosts,
 * children and vars, and where each was written. {@link #vars} gives a host's effective variables the way Ansible
 * merges them: {@code all}, then groups from the shallowest to the deepest (a child overrides its parent), then the
 * host's own.
 */
public final class Inventory {

    /** A host: its own vars and the line that first named it. */
    public record Host(String name, Map<String, String> vars, int line) {
    }

    /** A group: direct hosts, child groups and vars. */
    public record Group(String name, List<String> hosts, List<String> children, Map<String, String> vars, int line) {
    }

    private final Path source;
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();

    Inventory(Path source) {
        this.source = source;
    }

    public Path source() {
        return source;
    }

    public List<Host> hosts() {
        return List.copyOf(hosts.values());
    }

    public Optional<Host> host(String name) {
        return Optional.ofNullable(hosts.get(name));
    }

    public Optional<Group> group(String name) {
        return Optional.ofNullable(groups.get(name));
    }

    public Set<String> groupNames() {
        return groups.keySet();
    }

    void addHost(String name, Map<String, String> vars, int line) {
        Host h = hosts.get(name);
        Map<String, String> merged = new LinkedHashMap<>(h == null ? Map.of() : h.vars());
        merged.putAll(vars);
        hosts.put(name, new Host(name, merged, h == null ? line : h.line()));
    }

    Group group(String name, int line) {
        return groups.computeIfAbsent(name,
                n -> new Group(n, new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>(), line));
    }

    /** Every host in {@code group} and its descendants, in inventory order. */
    public List<String> hostsOf(String group) {
        Set<String> out = new LinkedHashSet<>();
        collect(group, out, new LinkedHashSet<>());
        List<String> ordered = new ArrayList<>();
        for (String h : hosts.keySet()) {
            if (out.contains(h)) {
                ordered.add(h);
            }
        }
        return ordered;
    }

    private void collect(String group, Set<String> out, Set<String> seen) {
        Group g = groups.get(group);
        if (g == null || !seen.add(group)) {
            return;
        }
        if (group.equals("all")) {
            out.addAll(hosts.keySet());
        }
        out.addAll(g.hosts());
        g.children().forEach(c -> collect(c, out, seen));
    }

    /** The groups a host belongs to (directly or through children), excluding {@code all} and {@code ungrouped}. */
    public List<String> groupsOf(String host) {
        List<String> out = new ArrayList<>();
        for (String g : groups.keySet()) {
            if (!g.equals("all") && !g.equals("ungrouped") && hostsOf(g).contains(host)) {
                out.add(g);
            }
        }
        return out;
    }

    /** The host's effective variables (all, then groups by depth, then its own). */
    public Map<String, String> vars(String host) {
        Map<String, Integer> depth = new HashMap<>();
        Set<String> children = new LinkedHashSet<>();
        groups.forEach((name, g) -> {
            if (!name.equals("all")) {
                children.addAll(g.children());
            }
        });
        for (String g : groups.keySet()) {
            if (!children.contains(g)) {
                depth(g, g.equals("all") ? 0 : 1, depth);
            }
        }
        List<String> mine = new ArrayList<>(groupsOf(host));
        mine.sort((a, b) -> Integer.compare(depth.getOrDefault(a, 1), depth.getOrDefault(b, 1)));
        Map<String, String> v = new LinkedHashMap<>();
        group("all").ifPresent(g -> v.putAll(g.vars()));
        for (String g : mine) {
            v.putAll(groups.get(g).vars());
        }
        Host h = hosts.get(host);
        if (h != null) {
            v.putAll(h.vars());
        }
        return v;
    }

    private void depth(String group, int d, Map<String, Integer> out) {
        Group g = groups.get(group);
        if (g == null || d > 32 || out.getOrDefault(group, -1) >= d) {
            return;
        }
        out.put(group, d);
        for (String c : g.children()) {
            depth(c, d + 1, out);
        }
    }
}
