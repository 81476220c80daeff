package dev.labtutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shape of the house (issue 19): packages in layers, each importing only itself and the layers below it, so data
 * moves one way; and no source file so long that a newcomer cannot read it, except the keepalived grammar, which
 * follows keepalived's own parser.
 */
class ArchitectureTest {

    /** Top to bottom: a package may use the ones after it, never one before it. */
    static final List<String> LAYERS = List.of("cli", "app", "tui", "sandbox", "grading", "view", "session", "check",
            "ssh", "progress", "course", "lab", "keepalived", "yaml", "io", "i18n");

    static final int MAX_LINES = 800;
    static final Set<String> LONG_ALLOWED = Set.of("keepalived/ConfigParser.java");

    private static final Path MAIN = Path.of("src/main/java/dev/labtutor");
    private static final Pattern USE = Pattern.compile("\\bdev\\.labtutor\\.([a-z0-9]+)\\.");

    @Test
    void everyPackageIsInALayer() throws IOException {
        Set<String> unknown = new TreeSet<>();
        for (Path f : sources()) {
            String pkg = packageOf(f);
            if (!LAYERS.contains(pkg)) {
                unknown.add(pkg);
            }
        }
        assertEquals(Set.of(), unknown, "packages missing from ArchitectureTest.LAYERS: place each in its layer");
    }

    @Test
    void noPackageUsesAHigherLayer() throws IOException {
        List<String> upward = new ArrayList<>();
        for (Path f : sources()) {
            String pkg = packageOf(f);
            int rank = LAYERS.indexOf(pkg);
            List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String t = line.strip();
                if (t.startsWith("package ") || t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) {
                    continue; // a comment naming a class is no dependency
                }
                Matcher m = USE.matcher(line);
                while (m.find()) {
                    String used = m.group(1);
                    int usedRank = LAYERS.indexOf(used);
                    if (!used.equals(pkg) && usedRank >= 0 && usedRank < rank) {
                        upward.add(MAIN.relativize(f) + ":" + (i + 1) + ": " + pkg + " uses " + used);
                    }
                }
            }
        }
        assertEquals(List.of(), upward, "imports from a lower layer to a higher one");
    }

    @Test
    void noSourceFileIsTooLong() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path f : sources()) {
            String rel = MAIN.relativize(f).toString().replace('\\', '/');
            long n;
            try (Stream<String> lines = Files.lines(f, StandardCharsets.UTF_8)) {
                n = lines.count();
            }
            if (n > MAX_LINES && !LONG_ALLOWED.contains(rel)) {
                tooLong.add(rel + " (" + n + " lines)");
            }
        }
        assertEquals(List.of(), tooLong, "source files over " + MAX_LINES + " lines");
    }

    private static String packageOf(Path f) {
        return MAIN.relativize(f).getName(0).toString();
    }

    private static List<Path> sources() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from the project directory");
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java") && MAIN.relativize(p).getNameCount() > 1).sorted()
                    .toList();
        }
    }
}
