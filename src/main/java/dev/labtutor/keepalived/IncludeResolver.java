package dev.labtutor.keepalived;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the files an {@code include} line names. keepalived changes into the directory of the file being read, so a
 * relative pattern is relative to the including file. Matches come back sorted like glob(3) in the C locale; an empty
 * list means nothing matched.
 */
@FunctionalInterface
public interface IncludeResolver {

    List<Source> resolve(String pattern, String includingPath);

    /** Includes are never followed (every include reports as missing). */
    static IncludeResolver none() {
        return (pattern, includingPath) -> List.of();
    }

    /** Reads the local file system; unreadable or executable files are skipped as keepalived does. */
    static IncludeResolver filesystem() {
        return (pattern, includingPath) -> {
            String abs = Glob.absolute(pattern, includingPath);
            Pattern regex = Glob.toRegex(abs);
            String base = Glob.literalPrefixDir(abs);
            Path root = Path.of(base);
            if (!Files.isDirectory(root)) {
                return List.of();
            }
            int depth = Glob.segments(abs) - Glob.segments(base);
            List<String> hits = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root, Math.max(depth, 0))) {
                walk.filter(Files::isRegularFile).map(p -> p.toString()).filter(p -> regex.matcher(p).matches())
                        .forEach(hits::add);
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
            hits.sort(Glob.C_ORDER);
            List<Source> out = new ArrayList<>();
            for (String h : hits) {
                Path p = Path.of(h);
                if (Files.isExecutable(p) || !Files.isReadable(p)) {
                    continue;
                }
                try {
                    out.add(new Source(h, Files.readString(p, StandardCharsets.UTF_8)));
                } catch (IOException | RuntimeException e) {
                    // keepalived skips files it cannot open; so do we
                }
            }
            return out;
        };
    }

    /**
     * Resolves against an in-memory set of files (path to text), for tests and for configs fetched from a remote host.
     * Keys are matched as normalised absolute or relative paths.
     */
    static IncludeResolver fromFiles(Map<String, String> pathToText) {
        Map<String, String> files = Map.copyOf(pathToText);
        return (pattern, includingPath) -> {
            String abs = Glob.absolute(pattern, includingPath);
            Pattern regex = Glob.toRegex(abs);
            List<String> hits = new ArrayList<>();
            for (String key : files.keySet()) {
                if (regex.matcher(Glob.normalize(key)).matches()) {
                    hits.add(key);
                }
            }
            hits.sort((a, b) -> Glob.C_ORDER.compare(Glob.normalize(a), Glob.normalize(b)));
            List<Source> out = new ArrayList<>();
            for (String h : hits) {
                out.add(new Source(h, files.get(h)));
            }
            return out;
        };
    }
}
