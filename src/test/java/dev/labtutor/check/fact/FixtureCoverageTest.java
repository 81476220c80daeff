package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.lab.Family;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: the fixture suite covers every probe for every distribution family, with sources. {@code coverage.tsv}
 * names, per probe kind and family, the real outputs that show it (or why the family makes no difference); this test
 * fails on a kind or family without a row, on a named file that does not exist, and on a file whose source the
 * fixtures README does not give.
 */
class FixtureCoverageTest {

    private record Row(String kind, String family, List<String> files, String note) {
    }

    private static List<Row> rows() {
        List<Row> out = new ArrayList<>();
        for (String line : Fixtures.text("coverage.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            assertTrue(c.length >= 3, "three or four tab-separated columns: " + line);
            List<String> files = c[2].equals("-") ? List.of() : List.of(c[2].split(",\\s*"));
            out.add(new Row(c[0], c[1], files, c.length > 3 ? c[3] : ""));
        }
        return out;
    }

    @Test
    void everyProbeKindHasARowForEveryFamily() {
        Set<String> have = new HashSet<>();
        rows().forEach(r -> assertTrue(have.add(r.kind() + " " + r.family()), "twice: " + r.kind() + " " + r.family()));
        Set<String> missing = new TreeSet<>();
        for (Probe.Kind k : Probe.Kind.values()) {
            for (Family f : Family.values()) {
                if (!have.remove(k + " " + f.id())) {
                    missing.add(k + " " + f.id());
                }
            }
        }
        assertEquals(Set.of(), missing, "probe kinds and families without fixtures in coverage.tsv");
        assertEquals(Set.of(), have, "rows for unknown probe kinds or families");
    }

    @Test
    void aRowWithoutFilesSaysWhyTheFamilyMakesNoDifference() {
        for (Row r : rows()) {
            if (r.files().isEmpty()) {
                assertTrue(r.note().length() > 10, "no fixture and no reason: " + r.kind() + " " + r.family());
            }
        }
    }

    @Test
    void everyNamedFixtureExistsAndItsSourceIsInTheReadme() {
        Set<String> documented = documented(Fixtures.text("README.md"));
        Set<String> bad = new TreeSet<>();
        for (Row r : rows()) {
            for (String f : r.files()) {
                try {
                    Fixtures.text(f);
                } catch (IllegalArgumentException e) {
                    bad.add(f + " (no such fixture)");
                    continue;
                }
                if (!documented.contains(f) && !documented.contains(f.replaceAll("\\.[a-z]+$", ".*"))) {
                    bad.add(f + " (no row in fixtures/README.md)");
                }
            }
        }
        assertEquals(Set.of(), bad);
    }

    @Test
    void readmeBracesExpandAsTheReadmeMeansThem() {
        assertEquals(
                Set.of("ip/a-3.10.txt", "ip/a-4.11.txt", "probe/x.out", "probe/x.err", "dpkg/missing.*", "unit-x",
                        "probe/unit-x.out", "probe/unit-x.err", "probe/unit-x.rc"),
                documented("| `ip/a-{3.10,4.11}.txt`, `probe/x.{out,err}`, `dpkg/missing.*` | `unit-x` (UNIT) |"));
    }

    /**
     * Every path the README gives in backquotes, braces expanded ({@code a-{x,y}.txt}); {@code x.*} stands for every
     * extension, and a bare name in the probe rows ({@code unit-no-systemd}) for {@code probe/NAME.{out,err,rc}}.
     */
    private static Set<String> documented(String readme) {
        Set<String> out = new HashSet<>();
        Matcher m = Pattern.compile("`([A-Za-z0-9_./{},*-]+)`").matcher(readme);
        while (m.find()) {
            for (String p : expand(m.group(1))) {
                out.add(p);
                if (p.matches("[a-z0-9-]+")) {
                    out.addAll(expand("probe/" + p + ".{out,err,rc}"));
                }
            }
        }
        return out;
    }

    private static List<String> expand(String s) {
        int open = s.indexOf('{');
        if (open < 0) {
            return List.of(s);
        }
        int close = s.indexOf('}', open);
        if (close < 0) {
            return List.of(s);
        }
        List<String> out = new ArrayList<>();
        for (String alt : s.substring(open + 1, close).split(",", -1)) {
            out.addAll(expand(s.substring(0, open) + alt + s.substring(close + 1)));
        }
        return out;
    }
}
