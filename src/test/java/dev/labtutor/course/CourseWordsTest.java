package dev.labtutor.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The course speaks in its own words: no run of the original document's Chinese prose is pasted into the lessons or
 * checks, and learner-facing text never names project jargon ("seed"); the source is "the original document" (原文).
 */
class CourseWordsTest {

    private static final Path ROOT = Path.of(System.getProperty("labtutor.root", "."));
    private static final Path ORIGINAL = ROOT.resolve("../shared/seed/000_9eaddcf89441e084.txt").normalize();
    /** Runs this long (in characters, at least 8 of them CJK) count as pasted. */
    private static final int WINDOW = 14;

    private static List<Path> courseFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(ROOT.resolve("lessons"), ROOT.resolve("checks"))) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    private static boolean cjk(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    @Test
    void noRunOfTheOriginalDocumentsProseIsPasted() throws IOException {
        assertTrue(Files.isRegularFile(ORIGINAL), "the original document is read from " + ORIGINAL);
        Set<String> windows = new TreeSet<>();
        for (String line : Files.readAllLines(ORIGINAL)) {
            String t = line.strip();
            for (int i = 0; i + WINDOW <= t.length(); i++) {
                String w = t.substring(i, i + WINDOW);
                if (w.chars().filter(c -> cjk((char) c)).count() >= 8) {
                    windows.add(w);
                }
            }
        }
        assertTrue(windows.size() > 1000, "the original document has prose to compare with");
        List<String> pasted = new ArrayList<>();
        for (Path f : courseFiles()) {
            String text = Files.readString(f);
            for (String w : windows) {
                if (text.contains(w)) {
                    pasted.add(ROOT.relativize(f) + ": " + w);
                }
            }
        }
        assertEquals(List.of(), pasted);
    }

    @Test
    void learnersNeverMeetTheWordSeed() throws IOException {
        Pattern jargon = Pattern.compile("(?i)\\bseed\\b|种子");
        List<String> hits = new ArrayList<>();
        for (Path f : courseFiles()) {
            List<String> lines = Files.readAllLines(f);
            for (int i = 0; i < lines.size(); i++) {
                if (jargon.matcher(lines.get(i)).find()) {
                    hits.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertEquals(List.of(), hits);
    }
}
