package dev.labtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class summary {@code grade} prints on the terminal. */
class ClassSummaryTest {

    @TempDir
    Path dir;

    /**
     * Issue 20: the terminal gave each student one line with every remark joined, and a student with no host that could
     * be judged "0/21 0.0%". Now: the score or "not graded" and a count, then indented lines (a host that could not be
     * asked with what to do; failed checks by lesson).
     */
    @Test
    void theTerminalSummaryGivesACountPerStudentAndIndentedLines() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        ClassSummary.print(new java.io.PrintWriter(out, true), GradeFixture.grades(dir), dir.resolve("book"),
                dev.labtutor.i18n.Lang.EN);
        List<String> lines = out.toString().lines().toList();
        assertTrue(lines.get(0).endsWith("; 2 not graded (no host could be judged)."), lines.get(0));
        int s02 = lines.indexOf(lines.stream().filter(l -> l.startsWith("  s02")).findFirst().orElseThrow());
        assertTrue(lines.get(s02).matches("  s02 +Li, \"Si\" +18/21 85\\.7% +1 of 19 checks failed"), lines.get(s02));
        assertEquals("      master: vip-only-on-master (vrrp-blocked)", lines.get(s02 + 1));
        int s04 = lines.indexOf(lines.stream().filter(l -> l.startsWith("  s04")).findFirst().orElseThrow());
        assertTrue(lines.get(s04).matches("  s04 +赵六 +not graded +no host could be judged"), lines.get(s04));
        assertTrue(
                lines.get(s04 + 1)
                        .startsWith("      ERROR lb01 (root@10.1.4.11): the host key of 10.1.4.11 has CHANGED")
                        && lines.get(s04 + 1)
                                .contains("`labtutor hosts forget --known-hosts /srv/class/known_hosts 10.1.4.11:22`"),
                lines.get(s04 + 1));
        assertTrue(lines.get(s04 + 2).startsWith("      UNREACHABLE lb02 (root@10.1.4.12)"), lines.get(s04 + 2));
        assertTrue(out.toString().lines().noneMatch(l -> l.contains(" 0.0%") || l.contains("0/21")), out.toString());
    }
}
