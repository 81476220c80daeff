package dev.labtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.Evidence;
import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.SafeText;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ExecResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student who is root on their VM puts markup, script, spreadsheet formulas, terminal escapes, bidi overrides and NUL
 * bytes into everything that reaches the gradebook (messages, evidence, host problems, raw output): report.html holds
 * no element and no script labtutor did not write and forbids any other by its policy, the CSV keeps every cell text,
 * the evidence file keeps what was seen escaped with its hash.
 */
class HostileGradebookTest {

    static final String MARKUP =
            "<script>alert(1)</script><img src=x onerror=alert(2)><a href=\"https://evil.example/\">x</a>"
                    + "</pre></details></td></tr></table><iframe src=//evil.example></iframe>";
    static final String ESCAPES =
            "\u001b[2J\u001b]0;title\u0007\u001b]52;c;Y2xpcA==\u0007\u001b[5A\r\u202Egnp.exe\u200B\u0000";
    static final String FORMULA = "=HYPERLINK(\"https://evil.example\",\"x\")";

    @TempDir
    Path dir;

    private ClassGrades hostile() throws Exception {
        ClassGrades g = GradeFixture.grades(dir);
        List<StudentGrade> students = new ArrayList<>(g.students());
        StudentGrade s = students.get(1);
        String payload = FORMULA + " " + MARKUP + ESCAPES;
        List<LessonGrade> lessons =
                s.lessons().stream()
                        .map(l -> new LessonGrade(l.lesson(), l.checks().stream().map(c -> new CheckGrade(c.lesson(),
                                new Verdict(c.verdict().check(), c.verdict().title(), c.verdict().hosts(), Status.FAIL,
                                        "x" + MARKUP, Text.of(payload, payload), Optional.of(Text.of(payload, payload)),
                                        List.of(new Evidence("lb01" + MARKUP, payload))),
                                c.points())).toList()))
                        .toList();
        List<HostRecord> hosts =
                s.hosts().stream().map(h -> new HostRecord(h.role(), h.address(), h.port(), h.user(),
                        HostRecord.State.ERROR, Optional.of(Text.of(payload, FORMULA + payload)), h.hostKey(),
                        h.started(), h.finished(), h.script(), Optional.of(new ExecResult(0,
                                "eth1" + ESCAPES + MARKUP + "\\x1b", ESCAPES, true, false, Duration.ofMillis(5))),
                        h.probes())).toList();
        students.set(1, new StudentGrade(s.student(), lessons, hosts));
        return new ClassGrades(g.course(), g.lessons(), g.roster(), g.knownHosts(), g.timeout(), g.parallel(),
                g.started(), g.finished(), students, g.warnings());
    }

    @Test
    void theReportHoldsOnlyLabtutorsOwnMarkupAndItsPolicyAllowsOnlyItsOwnScript() throws Exception {
        for (Lang lang : Lang.values()) {
            String html = HtmlReport.render(hostile(), lang);
            assertEquals(1, count(html, "<script"), "only labtutor's script");
            for (String tag : List.of("<img", "<iframe", "<a href=\"https", "onerror=alert(2)>")) {
                assertEquals(0, count(html, tag), tag + " in " + html);
            }
            assertFalse(html.chars().anyMatch(c -> c != '\n' && SafeText.unsafe(c)), "no control or bidi character");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("\\x1b]52;c;"),
                    "what was seen stays readable");
            Matcher csp =
                    Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").matcher(html);
            assertTrue(csp.find() && csp.start() < html.indexOf("<title>"), "the policy comes before anything else");
            assertTrue(csp.group(1).startsWith("default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"),
                    csp.group(1));
            Matcher script = Pattern.compile("<script>(.*?)</script>", Pattern.DOTALL).matcher(html);
            assertTrue(script.find());
            String hash = Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
            assertTrue(csp.group(1).contains("'sha256-" + hash + "'"),
                    "the policy allows exactly the script in the page");
        }
    }

    @Test
    void junitXmlShowsWhatWasSeenAsVisibleEscapes() throws Exception {
        String xml = JunitXml.render(hostile(), Lang.EN);
        assertFalse(xml.chars().anyMatch(c -> c != '\n' && SafeText.unsafe(c)), "no control or bidi character");
        assertTrue(xml.contains("\\x1b]52;c;Y2xpcA==\\x07") && xml.contains("\\u{202E}gnp.exe"), xml);
        assertEquals(0, count(xml, "<script"), "markup stays text");
    }

    @Test
    void everyCsvCellStaysTextAndPlain() throws Exception {
        String csv = GradesCsv.render(hostile(), Lang.EN);
        assertFalse(csv.chars().anyMatch(c -> c != '\n' && c != '\r' && SafeText.unsafe(c)), csv);
        assertFalse(csv.replace("\r\n", "").contains("\r"), "no bare CR splits a row");
        assertTrue(csv.contains("\r\ns03,'=HYPERLINK(1),"), "a formula name stays text");
        assertEquals("'  =1+1", GradesCsv.text("  =1+1"), "a formula after blanks is still one");
        assertEquals("'\uFF1D1+1", GradesCsv.text("\uFF1D1+1"), "a full-width formula is one too");
        assertEquals("\\x0d=1", GradesCsv.text("\r=1"), "a CR is made visible, and then starts no formula");
    }

    @Test
    void theEvidenceKeepsWhatWasSeenEscapedWithItsHash() throws Exception {
        ClassGrades g = hostile();
        StudentGrade s = g.students().get(1);
        HostRecord h = s.hosts().get(0);
        String ev = EvidenceFile.render(g, s, h);
        assertFalse(ev.chars().anyMatch(c -> c != '\n' && SafeText.unsafe(c)), ev);
        String stdout = h.result().orElseThrow().stdout();
        String hex = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(stdout.getBytes(StandardCharsets.UTF_8)));
        assertTrue(ev.contains("stdout sha256 " + hex + ", stderr sha256 "), ev);
        assertTrue(ev.contains(
                "eth1\\x1b[2J\\x1b]0;title\\x07\\x1b]52;c;Y2xpcA==\\x07\\x1b[5A\\x0d\\u{202E}gnp.exe\\u{200B}\\x00<script>"),
                ev);
        assertTrue(ev.contains("</iframe>\\\\x1b\n"),
                "a backslash the host printed is doubled, so escaping is one to one: " + ev);
        Gradebook.write(g, dir.resolve("book"), Lang.EN);
        assertTrue(Files.readString(dir.resolve("book/SHA256SUMS")).contains("evidence/s02/lb01.txt"));
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }
}
