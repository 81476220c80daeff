package dev.labtutor.yaml;

import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one YAML mapping whose keys are known in advance: unknown keys, missing required keys and wrongly typed values
 * become {@link Problems} at the right line.
 */
public final class Fields {

    private final YNode node;
    private final Problems problems;
    private final String what;

    private Fields(YNode node, Problems problems, String what) {
        this.node = node;
        this.problems = problems;
        this.what = what;
    }

    /**
     * @param what how messages name this mapping ("host lb01", "lesson")
     * @param allowed every key the mapping may have; others are reported as unknown
     */
    public static Fields of(YNode node, Problems problems, String what, Set<String> allowed) {
        if (!node.isMap()) {
            problems.add(node, what + " must be a mapping of key: value");
            return new Fields(YNode.map(node.file(), node.line(), node.column(), new java.util.LinkedHashMap<>(),
                    new java.util.LinkedHashMap<>()), problems, what);
        }
        for (String k : node.entries().keySet()) {
            if (!allowed.contains(k)) {
                problems.add(node.keyNode(k), "unknown key '" + k + "' in " + what + suggestion(k, allowed));
            }
        }
        return new Fields(node, problems, what);
    }

    /** " (did you mean 'x'?)" for the closest allowed word, else " (allowed: ...)". */
    public static String suggestion(String key, Set<String> allowed) {
        return closest(key, allowed).map(best -> " (did you mean '" + best + "'?)")
                .orElse(" (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
    }

    /** The candidate within two edits of {@code key} (the nearest, first on ties), for "did you mean". */
    public static java.util.Optional<String> closest(String key, java.util.Collection<String> candidates) {
        String best = null;
        int bestD = 3;
        for (String a : candidates) {
            int d = distance(key, a);
            if (d < bestD) {
                bestD = d;
                best = a;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    public YNode node() {
        return node;
    }

    public Optional<YNode> node(String key) {
        return node.get(key).filter(n -> !n.isNull());
    }

    public Optional<String> text(String key) {
        Optional<YNode> n = node(key);
        if (n.isEmpty()) {
            return Optional.empty();
        }
        if (!n.get().isScalar()) {
            problems.add(n.get(), "'" + key + "' in " + what + " must be a single value");
            return Optional.empty();
        }
        return Optional.of(n.get().text());
    }

    public String requiredText(String key) {
        Optional<String> v = text(key);
        if (v.isEmpty() && node(key).isEmpty()) {
            problems.add(node, what + " is missing '" + key + "'");
        }
        return v.orElse("");
    }

    public Optional<Integer> integer(String key, int min, int max) {
        Optional<String> v = text(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            int i = Integer.parseInt(v.get().trim());
            if (i < min || i > max) {
                problems.add(node(key).orElseThrow(), "'" + key + "' must be between " + min + " and " + max);
                return Optional.empty();
            }
            return Optional.of(i);
        } catch (NumberFormatException e) {
            problems.add(node(key).orElseThrow(), "'" + key + "' must be a whole number, not '" + v.get() + "'");
            return Optional.empty();
        }
    }

    public Optional<Boolean> bool(String key) {
        Optional<String> v = text(key);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        switch (v.get()) {
            case "true", "yes", "on" -> {
                return Optional.of(true);
            }
            case "false", "no", "off" -> {
                return Optional.of(false);
            }
            default -> {
                problems.add(node(key).orElseThrow(), "'" + key + "' must be true or false");
                return Optional.empty();
            }
        }
    }

    /** A list of scalars; a single scalar is accepted as a one-element list. */
    public List<String> textList(String key) {
        Optional<YNode> n = node(key);
        if (n.isEmpty()) {
            return List.of();
        }
        if (n.get().isScalar()) {
            return List.of(n.get().text());
        }
        if (!n.get().isList()) {
            problems.add(n.get(), "'" + key + "' in " + what + " must be a list");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (YNode item : n.get().items()) {
            if (item.isScalar()) {
                out.add(item.text());
            } else {
                problems.add(item, "items of '" + key + "' must be single values");
            }
        }
        return out;
    }

    /** A {zh: ..., en: ...} pair; both languages are required. */
    public Optional<Text> bilingual(String key, boolean required) {
        Optional<YNode> n = node(key);
        if (n.isEmpty()) {
            if (required) {
                problems.add(node, what + " is missing '" + key + "' (with zh and en)");
            }
            return Optional.empty();
        }
        return bilingual(n.get(), problems, what + " " + key);
    }

    public static Optional<Text> bilingual(YNode n, Problems problems, String what) {
        Fields f = of(n, problems, what, Set.of("zh", "en"));
        Optional<String> zh = f.text("zh");
        Optional<String> en = f.text("en");
        if (zh.isEmpty() || zh.get().isBlank()) {
            problems.add(n, what + " has no Chinese text (zh)");
        }
        if (en.isEmpty() || en.get().isBlank()) {
            problems.add(n, what + " has no English text (en)");
        }
        return Optional.of(new Text(zh.orElse(en.orElse("")), en.orElse(zh.orElse(""))));
    }
}
