package dev.labtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Lang;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradebookTest {

    @TempDir
    Path dir;

    @Test
    void theFourReportsAgreeAndTheChecksumsVerify() throws Exception {
        ClassGrades g = GradeFixture.grades(dir);
        Path out = dir.resolve("book");
        Gradebook.write(g, out, Lang.EN);

        String summary = GradeFixture.crosscheck(out);
        assertTrue(summary.contains("\"s01\": {\"total\": 21, \"maximum\": 21"), summary);
        assertTrue(summary.contains(
                "\"s02\": {\"total\": 18, \"maximum\": 21, \"cells\": {\"install\": \"pass\", \"master\": \"partial\""),
                summary);
        assertTrue(summary
                .contains("\"s03\": {\"total\": null, \"maximum\": 21, \"cells\": {\"install\": \"unreachable\", "
                        + "\"master\": \"unreachable\", \"backup\": \"unreachable\"}, \"all_unreachable\": true, \"unreachable\": [\"lb01\", \"lb02\"], "
                        + "\"error\": [], \"graded\": false"),
                summary);
        assertTrue(summary.contains("\"s04\": {\"total\": null, \"maximum\": 21, "), summary);
        assertTrue(summary.contains(
                "\"all_unreachable\": false, \"unreachable\": [\"lb02\"], \"error\": [\"lb01\"], \"graded\": false"),
                summary);

        String sums = GradeFixture.sha256sumCheck(out);
        for (String f : List.of("grades.csv", "results.json", "junit.xml", "report.html", "evidence/s01/lb01.txt",
                "evidence/s03/lb02.txt")) {
            assertTrue(sums.contains(f + ": OK"), sums);
        }
        Files.writeString(out.resolve("grades.csv"), "tampered", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("sha256sum", "--quiet", "-c", Gradebook.SUMS).directory(out.toFile()).start();
        assertEquals(1, p.waitFor(), "a changed file must not verify");
    }

    @Test
    void csvHasTheBomChineseNamesQuotingAndRemarksThatKeepUnreachableApartFromFail() throws Exception {
        Path out = dir.resolve("book");
        Gradebook.write(GradeFixture.grades(dir), out, Lang.EN);
        byte[] raw = Files.readAllBytes(out.resolve(Gradebook.CSV));
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(raw[0], raw[1], raw[2]));
        String[] rows = new String(raw, 3, raw.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertEquals(
                "id,name,install (max 6),master (max 8),backup (max 7),total,maximum,percent,unreachable hosts,error hosts,remarks",
                rows[0]);
        assertEquals("s01,张三,6,8,7,21,21,100.0,,,", rows[1]);
        assertEquals("s02,\"Li, \"\"Si\"\"\",6,5,7,18,21,85.7,,,FAIL master/vip-only-on-master (vrrp-blocked)",
                rows[2]);
        assertEquals(
                "s03,'=HYPERLINK(1),UNREACHABLE,UNREACHABLE,UNREACHABLE,,21,,lb01 lb02,,"
                        + "\"NOT GRADED: no host could be judged; UNREACHABLE lb01, lb02; details in report.html\"",
                rows[3]);
        assertFalse(rows[3].contains("FAIL"), "unreachable is never reported as FAIL: " + rows[3]);
        assertEquals(5, rows.length);
    }

    @Test
    void htmlIsOneSelfContainedEscapedFileWithFoldedEvidence() throws Exception {
        Path out = dir.resolve("book");
        Gradebook.write(GradeFixture.grades(dir), out, Lang.ZH);
        String html = Files.readString(out.resolve(Gradebook.HTML));
        assertTrue(html.contains("<details><summary>各主机 (2) · 证据 (2)</summary>"), "evidence is folded");
        assertTrue(html.contains("&lt;protocol 112&gt; &amp; more"), "hint text is escaped");
        assertTrue(html.contains("Li, &quot;Si&quot;"));
        assertFalse(html.contains("<protocol"));
        assertTrue(html.contains("table.sortable"), "the sorting script is inline");
        assertFalse(html.matches("(?s).*(src=|<link|@import|url\\(|https?://).*"), "no external reference");
        assertTrue(html.contains("未评分：没有一台主机能够判断"), "s03 and s04 are not graded");
    }

    @Test
    void evidenceNamesHostKeyTimesScriptAndRawOutput() throws Exception {
        Path out = dir.resolve("book");
        Gradebook.write(GradeFixture.grades(dir), out, Lang.EN);
        String ev = Files.readString(out.resolve("evidence/s01/lb01.txt"));
        assertTrue(ev.contains("host key:  ssh-ed25519 SHA256:abclb01"), ev);
        assertTrue(ev.contains("started:   2024-05-06T07:08:09Z"), ev);
        assertTrue(ev.contains("probe script sent (sh -s on stdin)") && ev.contains("export LC_ALL=C"), ev);
        assertTrue(ev.contains("exit status 0, 250 ms") && ev.contains("auth_pass ********"), ev);
        String down = Files.readString(out.resolve("evidence/s03/lb02.txt"));
        assertTrue(down.contains("state:     unreachable: lb02 (root@10.1.3.12): connection timed out"), down);
        assertTrue(down.contains("(not sent: the host could not be used)"), down);
    }

    @Test
    void aGradebookIsReplacedWholeButOtherDirectoriesAreRefused() throws Exception {
        ClassGrades g = GradeFixture.grades(dir);
        Path out = dir.resolve("book");
        assertTrue(Gradebook.writable(out));
        Gradebook.write(g, out, Lang.EN);
        Files.writeString(out.resolve("evidence/s01/stale.txt"), "old");
        assertTrue(Gradebook.writable(out), "a gradebook may be rewritten");
        Gradebook.write(g, out, Lang.EN);
        assertFalse(Files.exists(out.resolve("evidence/s01/stale.txt")), "the old round is gone whole");
        GradeFixture.sha256sumCheck(out);
        try (var s = Files.list(dir)) {
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".book")).toList(),
                    "no temporary left");
        }
        Path other = Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(other.resolve("chapter1.tex"), "x");
        assertFalse(Gradebook.writable(other));
    }

    /**
     * Issue 20: a student whose hosts are one ERROR (host key changed) and one UNREACHABLE was graded 0/21 0.0%,
     * "all-unreachable: false", with an empty unreachable column. No host could be judged, so there is no score
     * anywhere, and the ERROR host has its own column.
     */
    @Test
    void aStudentNoneOfWhoseHostsCouldBeJudgedIsNotGradedAnywhere() throws Exception {
        ClassGrades g = GradeFixture.grades(dir);
        StudentGrade s04 = g.students().get(3);
        assertFalse(s04.graded());
        assertEquals("not graded", s04.scoreText(Lang.EN));
        assertEquals(List.of("lb01"), s04.errorHosts());
        assertEquals(List.of("lb02"), s04.unreachableHosts());
        Path out = dir.resolve("book");
        Gradebook.write(g, out, Lang.EN);

        String[] rows = Files.readString(out.resolve(Gradebook.CSV), StandardCharsets.UTF_8).split("\r\n");
        assertEquals(
                "s04,赵六,ERROR,ERROR,UNREACHABLE,,21,,lb02,lb01,NOT GRADED: no host could be judged; UNREACHABLE lb02; ERROR lb01; "
                        + "details in report.html",
                rows[4]);
        String json = Files.readString(out.resolve(Gradebook.JSON));
        String s04json = json.substring(json.indexOf("\"id\": \"s04\""));
        assertTrue(
                s04json.contains(
                        "\"graded\": false,\n      \"total\": null,\n      \"maximum\": 21,\n      \"percent\": null,"),
                s04json);
        assertTrue(s04json.contains(
                "\"unreachable-hosts\": [\n        \"lb02\"\n      ],\n      \"error-hosts\": [\n        \"lb01\"\n      ]"),
                s04json);
        String junit = Files.readString(out.resolve(Gradebook.JUNIT));
        String suite = junit.substring(junit.indexOf("name=\"s04 "));
        assertTrue(suite.contains("<property name=\"score\" value=\"not graded\"/>")
                && suite.contains("<property name=\"percent\" value=\"\"/>")
                && suite.contains("<property name=\"error-hosts\" value=\"lb01\"/>"), suite);
        String html = Files.readString(out.resolve(Gradebook.HTML));
        String row = html.substring(html.indexOf("<tr><td><a href=\"#s-s04\">"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains(">not graded</td><td>lb02</td><td>lb01</td>"), row);
        assertFalse(row.contains("0.0"), row);
        assertTrue(html.contains("<h2>s04 赵六 — not graded: no host could be judged</h2>"), html);
    }

    /**
     * Issue 20, at class scale: a student failing every check of the course got one line of 40 and more items (terminal
     * and one CSV cell). The short remark counts them, the terminal's lines group them by lesson, capped, and every
     * check stays in results.json.
     */
    @Test
    void remarksStayReadableWhenAStudentFailsEverything() throws Exception {
        ClassGrades g = GradeFixture.grades(dir, GradeFixture.fullCourse());
        StudentGrade s01 = g.students().get(0);
        List<LessonGrade> failing =
                s01.lessons().stream()
                        .map(l -> new LessonGrade(l.lesson(), l.checks().stream()
                                .map(c -> new CheckGrade(c.lesson(), failed(c.verdict()), c.points())).toList()))
                        .toList();
        StudentGrade all = new StudentGrade(s01.student(), failing, s01.hosts());
        long n = all.checks();
        assertTrue(n > 40, "the course has " + n + " checks");

        String summary = all.remarks(Lang.EN);
        assertEquals("FAIL " + n + " checks in " + failing.stream().filter(l -> !l.checks().isEmpty()).count()
                + " lessons; details in report.html", summary);
        assertEquals(n + " of " + n + " checks failed", Remarks.headline(all, Lang.EN));
        List<String> lines = Remarks.details(all, Lang.EN);
        assertEquals(Remarks.LINES + 1, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("vrrp-basics: "), lines.get(0));
        assertTrue(lines.stream().allMatch(l -> l.length() < 200), String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(l -> l.matches(".* and \\d+ more$")), "a long lesson is capped: " + lines);
        assertTrue(lines.get(Remarks.LINES).matches("and \\d+ more in \\d+ more lessons \\(report\\.html\\)"),
                lines.get(Remarks.LINES));
        assertTrue(Remarks.details(all, Lang.ZH).get(Remarks.LINES).startsWith("另有 "),
                Remarks.details(all, Lang.ZH).toString());
    }

    private static dev.labtutor.check.Verdict failed(dev.labtutor.check.Verdict v) {
        return new dev.labtutor.check.Verdict(v.check(), v.title(), v.hosts(), dev.labtutor.check.Status.FAIL,
                "no-match", dev.labtutor.i18n.Text.of("不符合", "does not match"), java.util.Optional.empty(),
                v.evidence());
    }

    /**
     * Issue 20: the roster's warnings reached only stderr, and quizzes were silently left out though the course says
     * the lesson checks its quiz. Both are in report.html and results.json now; a quiz earns no points and is no
     * failure.
     */
    @Test
    void rosterWarningsAndUngradedQuizzesAreInTheGradebook() throws Exception {
        ClassGrades base = GradeFixture.grades(dir, GradeFixture.fullCourse());
        List<dev.labtutor.i18n.Text> warnings = List.of(dev.labtutor.i18n.Text.of(
                "roster.yaml:9:5：学生 s01 和 s02 的 vrid 61 相同",
                "roster.yaml:9:5: students s01 and s02 have the same vrid 61: their configurations are interchangeable"));
        ClassGrades g = new ClassGrades(base.course(), base.lessons(), base.roster(), base.knownHosts(), base.timeout(),
                base.parallel(), base.started(), base.finished(), base.students(), warnings);
        Path out = dir.resolve("book");
        Gradebook.write(g, out, Lang.EN);
        String html = Files.readString(out.resolve(Gradebook.HTML));
        assertTrue(html.contains(
                "<h2 id=\"warnings\">Roster warnings</h2>\n<ul class=\"warnings\">\n<li>roster.yaml:9:5: students s01 "
                        + "and s02 have the same vrid 61: their configurations are interchangeable</li>"),
                html);
        List<String> quizzes = g.quizLessons().stream().map(l -> l.id()).toList();
        assertTrue(quizzes.contains("vrrp-basics") && quizzes.contains("logs"), quizzes.toString());
        assertTrue(
                html.contains("Quizzes are not graded here") && html.contains("(" + String.join(", ", quizzes) + ")"),
                html);
        String vrrp = html.substring(html.indexOf("<h3 class=\"pass\">vrrp-basics "));
        assertTrue(
                vrrp.substring(vrrp.indexOf("</h3>"))
                        .startsWith("</h3>\n<p class=\"meta quiz\">quiz: not graded here (answered in the tutor)</p>"),
                vrrp.substring(0, 300));

        String json = Files.readString(out.resolve(Gradebook.JSON));
        assertTrue(json.contains("\"warnings\": [\n    \"roster.yaml:9:5: students s01 and s02 have the same vrid 61"),
                json.substring(0, 800));
        assertTrue(
                json.contains("\"lesson\": \"vrrp-basics\",\n      \"title\": ")
                        && json.contains("\"quiz\": \"quiz: not graded here (answered in the tutor)\""),
                json.substring(0, 1500));
        int checks = g.course().lesson("vrrp-basics").orElseThrow().checks().size();
        assertTrue(json.contains("\"lesson\": \"vrrp-basics\",\n      \"title\": \""
                + g.course().lesson("vrrp-basics").orElseThrow().title().en() + "\",\n      \"maximum\": " + checks
                + ",\n      \"quiz\": \"quiz: not graded here"), json.substring(0, 1500));
        String summary = GradeFixture.crosscheck(out);
        assertFalse(summary.contains("/quiz\""), "the quiz is no check of the gradebook: " + summary);
    }
}
