package dev.labtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Lang;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.html: what a folded block says it holds is what it holds. */
class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void aFoldedBlockCountsItsHostsAndItsEvidenceApart() throws Exception {
        for (Lang lang : Lang.values()) {
            boolean zh = lang == Lang.ZH;
            String html = HtmlReport.render(GradeFixture.grades(dir), lang);
            Matcher m =
                    Pattern.compile("<details><summary>([^<]*)</summary>(.*?)</details>", Pattern.DOTALL).matcher(html);
            int both = 0;
            while (m.find()) {
                String summary = m.group(1);
                String body = m.group(2);
                int lis = body.split("<li", -1).length - 1;
                Matcher pre = Pattern.compile("<pre>(.*?)</pre>", Pattern.DOTALL).matcher(body);
                int lines = pre.find() ? (int) pre.group(1).lines().count() : 0;
                assertEquals(lis, count(summary, zh ? "各主机" : "hosts"), summary + body);
                assertEquals(lines, count(summary, zh ? "证据" : "evidence"), summary + body);
                both += lis > 0 && lines > 0 ? 1 : 0;
            }
            assertTrue(both > 0, "the class has checks with per-host lines and evidence");
        }
    }

    /** The number in "WORD (N)" in a summary, 0 when the word is not there. */
    private static int count(String summary, String word) {
        Matcher m = Pattern.compile(Pattern.quote(word) + " \\((\\d+)\\)").matcher(summary);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
