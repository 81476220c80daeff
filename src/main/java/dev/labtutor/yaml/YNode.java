package dev.labtutor.yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML node with its position, read without constructing any Java objects from tags (nothing in a data file can
 * instantiate a class). Scalars keep their text; type checks are the readers' job so that they can say which line is
 * wrong.
 */
public final class YNode {

    public enum Kind {
        SCALAR, MAP, LIST, NULL
    }

    private final Path file;
    private final int line;
    private final int column;
    private final Kind kind;
    private final String scalar;
    private final Map<String, YNode> map;
    private final Map<String, YNode> keyNodes;
    private final List<YNode> list;

    YNode(Path file, int line, int column, Kind kind, String scalar, Map<String, YNode> map,
            Map<String, YNode> keyNodes, List<YNode> list) {
        this.file = file;
        this.line = line;
        this.column = column;
        this.kind = kind;
        this.scalar = scalar;
        this.map = map;
        this.keyNodes = keyNodes;
        this.list = list;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isMap() {
        return kind == Kind.MAP;
    }

    public boolean isList() {
        return kind == Kind.LIST;
    }

    public boolean isScalar() {
        return kind == Kind.SCALAR;
    }

    public boolean isNull() {
        return kind == Kind.NULL;
    }

    /** Scalar text; empty string for non-scalars. */
    public String text() {
        return scalar == null ? "" : scalar;
    }

    /** Map entries in file order (empty for non-maps). */
    public Map<String, YNode> entries() {
        return map == null ? Map.of() : map;
    }

    /** The node of a key itself, for reporting problems about the key (unknown key). */
    public YNode keyNode(String key) {
        return keyNodes == null ? this : keyNodes.getOrDefault(key, this);
    }

    public Optional<YNode> get(String key) {
        return Optional.ofNullable(entries().get(key));
    }

    public List<YNode> items() {
        return list == null ? List.of() : list;
    }

    public String where() {
        return file + ":" + line + ":" + column;
    }

    /**
     * A copy with every scalar value (not keys) passed through {@code f}, positions kept, so that a templated value
     * that turns out wrong is still reported at its line.
     */
    public YNode mapScalars(java.util.function.UnaryOperator<String> f) {
        switch (kind) {
            case SCALAR :
                return scalar(file, line, column, f.apply(scalar));
            case LIST : {
                ArrayList<YNode> items = new ArrayList<>();
                for (YNode n : list) {
                    items.add(n.mapScalars(f));
                }
                return list(file, line, column, items);
            }
            case MAP : {
                LinkedHashMap<String, YNode> m = new LinkedHashMap<>();
                map.forEach((k, v) -> m.put(k, v.mapScalars(f)));
                return map(file, line, column, m, new LinkedHashMap<>(keyNodes));
            }
            default :
                return this;
        }
    }

    /** A copy of a mapping that keeps only {@code keys} (same positions). */
    public YNode only(java.util.Set<String> keys) {
        if (kind != Kind.MAP) {
            return this;
        }
        LinkedHashMap<String, YNode> m = new LinkedHashMap<>();
        LinkedHashMap<String, YNode> k = new LinkedHashMap<>();
        map.forEach((key, v) -> {
            if (keys.contains(key)) {
                m.put(key, v);
                k.put(key, keyNodes.get(key));
            }
        });
        return map(file, line, column, m, k);
    }

    /**
     * A copy of a mapping with the entries of {@code defaults} it does not have added (keeping their own positions, so
     * a bad default is reported where it was written).
     */
    public YNode withDefaults(YNode defaults) {
        if (kind != Kind.MAP || !defaults.isMap()) {
            return this;
        }
        LinkedHashMap<String, YNode> m = new LinkedHashMap<>(map);
        LinkedHashMap<String, YNode> k = new LinkedHashMap<>(keyNodes);
        defaults.entries().forEach((key, v) -> {
            if (!m.containsKey(key)) {
                m.put(key, v);
                k.put(key, defaults.keyNode(key));
            }
        });
        return map(file, line, column, m, k);
    }

    /** A copy of a mapping with {@code key} set to {@code value} (replacing any entry of that key). */
    public YNode with(String key, YNode value) {
        if (kind != Kind.MAP) {
            return this;
        }
        LinkedHashMap<String, YNode> m = new LinkedHashMap<>(map);
        LinkedHashMap<String, YNode> k = new LinkedHashMap<>(keyNodes);
        m.put(key, value);
        k.putIfAbsent(key, value);
        return map(file, line, column, m, k);
    }

    static YNode scalar(Path file, int line, int col, String text) {
        return new YNode(file, line, col, Kind.SCALAR, text, null, null, null);
    }

    static YNode nul(Path file, int line, int col) {
        return new YNode(file, line, col, Kind.NULL, null, null, null, null);
    }

    static YNode map(Path file, int line, int col, LinkedHashMap<String, YNode> map,
            LinkedHashMap<String, YNode> keys) {
        return new YNode(file, line, col, Kind.MAP, null, map, keys, null);
    }

    static YNode list(Path file, int line, int col, ArrayList<YNode> items) {
        return new YNode(file, line, col, Kind.LIST, null, null, null, items);
    }
}
