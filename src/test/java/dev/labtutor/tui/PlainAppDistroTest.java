package dev.labtutor.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.Distro;
import dev.labtutor.session.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plain mode lists the lab's hosts with the distribution detected on each (issue 17). */
class PlainAppDistroTest {

    @TempDir
    Path dir;

    /** What plain mode prints for {@code script} on the fixture lab, its hosts answering with {@code distros}. */
    private String plain(Map<String, Distro> distros, String script, Lang lang) throws Exception {
        FakeWorld w = new FakeWorld(Fixtures.course(), dir);
        w.blocking = false;
        w.distros = distros;
        StringWriter out = new StringWriter();
        new PlainApp(w, w.course, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), lang, false).run(Optional.of(Fixtures.lab()), Optional.empty());
        return out.toString();
    }

    @Test
    void theHostsAreListedAndListedAgainWithWhatTheFirstRoundFound() throws Exception {
        String out = plain(Map.of("lb01", TutorScreenDistroTest.CENTOS7, "lb02", TutorScreenDistroTest.HOSTILE),
                "check\nlessons\nquit\n", Lang.EN);
        assertTrue(out.contains("Lab hosts:\n  lb01        10.9.0.11\n"), "at the start, none detected yet:\n" + out);
        assertTrue(out.contains("  lb01        10.9.0.11 · CentOS Linux 7 · keepalived 1.3.5\n"), out);
        assertTrue(out.contains("  lb02        10.9.0.12 · \\x1b[2J"), "escaped, never sent to the terminal:\n" + out);
        assertTrue(!out.contains("\u001b"), out);
    }

    @Test
    void chineseToo() throws Exception {
        String out = plain(Map.of("lb02", TutorScreenDistroTest.UBUNTU), "check\nquit\n", Lang.ZH);
        assertTrue(out.contains("实验主机：\n") && out.contains("  lb02        10.9.0.12 · Ubuntu 24.04\n"), out);
    }
}
