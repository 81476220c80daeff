package dev.labtutor.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The program and the course never depend on the source document's lab: its addresses and interface names appear only
 * as the course's default variables in course.yaml.
 */
class NoSeedValuesTest {

    private static final Path ROOT = Path.of(System.getProperty("labtutor.root", "."));
    private static final Pattern SEED = Pattern.compile("192\\.168\\.10\\.|\\bens33\\b|\\bens160\\b");
    private static final Pattern DEFAULT_LINE =
            Pattern.compile("^\\s+(default|lb01|lb02|web01|web02|nfs-server): [0-9a-z.]+$");

    @Test
    void onlyTheCourseDefaultsMentionTheSeedLab() throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path dir : List.of(ROOT.resolve("src/main"), ROOT.resolve("lessons"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        boolean allowed = f.getFileName().toString().equals("course.yaml")
                                && DEFAULT_LINE.matcher(line).matches();
                        if (SEED.matcher(line).find() && !allowed) {
                            hits.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + line.strip());
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), hits);
    }
}
