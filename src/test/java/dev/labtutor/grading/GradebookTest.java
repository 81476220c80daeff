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
        assertTrue(summary.contains("\"s02\": {\"total\": 18, \"maximum\": 21, \"cells\": {\"install\": \"pass\", \"master\": \"partial\""), summary);
        assertTrue(summary.contains("\"s03\": {\"total\": 0, \"maximum\": 21, \"cells\": {\"install\": \"unreachable\", "
                + "\"master\": \"unreachable\", \"backup\": \"unreachable\"}, \"all_unreachable\": true, \"unreachable\": [\"lb01\", \"lb02\"]"),
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
        assertEquals("id,name,install,master,backup,total,maximum,percent,unreachable hosts,remarks", rows[0]);
        assertEquals("s01,张三,6,8,7,21,21,100.0,,", rows[1]);
        assertEquals("s02,\"Li, \"\"Si\"\"\",6,5,7,18,21,85.7,,FAIL master/vip-only-on-master (vrrp-blocked)", rows[2]);
        assertTrue(rows[3].startsWith("s03,'=HYPERLINK(1),UNREACHABLE,UNREACHABLE,UNREACHABLE,0,21,0.0,lb01 lb02,"
                + "\"ALL HOSTS UNREACHABLE, not graded; UNREACHABLE lb01: "), rows[3]);
        assertFalse(rows[3].contains("FAIL"), "unreachable is never reported as FAIL: " + rows[3]);
        assertEquals(4, rows.length);
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
        assertTrue(html.contains("所有主机都无法连接，未评分"));
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
            assertEquals(List.of(), s.filter(p -> p.getFileName().toString().startsWith(".book")).toList(), "no temporary left");
        }
        Path other = Files.createDirectories(dir.resolve("thesis"));
        Files.writeString(other.resolve("chapter1.tex"), "x");
        assertFalse(Gradebook.writable(other));
    }
}
