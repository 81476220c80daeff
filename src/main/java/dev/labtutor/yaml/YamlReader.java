package dev.labtutor.yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML 1.2 into {@link YNode}s with snakeyaml-engine's composer only: no object construction, aliases limited,
 * duplicate keys reported as problems, every node located.
 */
public final class YamlReader {

    private static final int MAX_ALIASES = 50;
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private YamlReader() {
    }

    /** Reads a file; syntax errors and duplicate keys go to {@code problems} and yield empty. */
    public static Optional<YNode> read(Path file, Problems problems) {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                problems.add(new Problem(file, 1, 1, "file is larger than " + MAX_BYTES + " bytes"));
                return Optional.empty();
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(file, 1, 1, "cannot read file: " + e.getMessage()));
            return Optional.empty();
        }
        return parse(file, text, problems);
    }

    public static Optional<YNode> parse(Path file, String text, Problems problems) {
        LoadSettings settings =
                LoadSettings.builder().setLabel(file.toString()).setMaxAliasesForCollections(MAX_ALIASES)
                        .setAllowRecursiveKeys(false).setCodePointLimit(MAX_BYTES).build();
        Optional<Node> root;
        try {
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> m = e.getProblemMark().or(e::getContextMark);
            problems.add(new Problem(file, m.map(x -> x.getLine() + 1).orElse(1),
                    m.map(x -> x.getColumn() + 1).orElse(1), "YAML syntax: " + firstLine(e.getProblem())));
            return Optional.empty();
        } catch (YamlEngineException e) {
            problems.add(new Problem(file, 1, 1, "YAML: " + firstLine(e.getMessage())));
            return Optional.empty();
        }
        if (root.isEmpty()) {
            return Optional.of(YNode.nul(file, 1, 1));
        }
        return Optional.of(convert(file, root.get(), problems, 0));
    }

    private static YNode convert(Path file, Node node, Problems problems, int depth) {
        int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(1);
        int col = node.getStartMark().map(m -> m.getColumn() + 1).orElse(1);
        if (depth > 64) {
            problems.add(new Problem(file, line, col, "nesting is too deep"));
            return YNode.nul(file, line, col);
        }
        if (node instanceof ScalarNode s) {
            if (Tag.NULL.equals(s.getTag())
                    && (s.getValue().isEmpty() || s.getValue().equals("~") || s.getValue().equals("null"))) {
                return YNode.nul(file, line, col);
            }
            return YNode.scalar(file, line, col, s.getValue());
        }
        if (node instanceof SequenceNode seq) {
            ArrayList<YNode> items = new ArrayList<>();
            for (Node n : seq.getValue()) {
                items.add(convert(file, n, problems, depth + 1));
            }
            return YNode.list(file, line, col, items);
        }
        MappingNode mn = (MappingNode) node;
        LinkedHashMap<String, YNode> map = new LinkedHashMap<>();
        LinkedHashMap<String, YNode> keys = new LinkedHashMap<>();
        for (NodeTuple t : mn.getValue()) {
            YNode k = convert(file, t.getKeyNode(), problems, depth + 1);
            if (!k.isScalar()) {
                problems.add(k, "a key must be plain text");
                continue;
            }
            if (map.containsKey(k.text())) {
                problems.add(k, "duplicate key '" + k.text() + "' (first at line " + keys.get(k.text()).line() + ")");
                continue;
            }
            keys.put(k.text(), k);
            map.put(k.text(), convert(file, t.getValueNode(), problems, depth + 1));
        }
        return YNode.map(file, line, col, map, keys);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "invalid YAML";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Lists a directory's {@code *.yaml} / {@code *.yml} files in name order. */
    public static List<Path> yamlFiles(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".yaml") || n.endsWith(".yml");
            }).sorted().toList();
        }
    }
}
