package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.labtutor.view.DisplayWidth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real program in a real terminal: tmux runs it on a pty, capture-pane reads the screen. Colour appears on a
 * terminal (and not in captured output, see CliTest), Chinese columns line up.
 */
class TerminalTest {

    private final String session = "lt" + ProcessHandle.current().pid() + "x" + System.nanoTime() % 100000;

    @TempDir
    Path dir;

    @BeforeEach
    void needTmux() throws Exception {
        boolean have = run(List.of("sh", "-c", "command -v tmux")).isEmpty() == false;
        if (!have) {
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true but tmux is not installed");
            }
            assumeTrue(false, "tmux not installed");
        }
    }

    @AfterEach
    void kill() throws Exception {
        run(List.of("tmux", "kill-session", "-t", session));
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(20, TimeUnit.SECONDS);
        return out;
    }

    /** Runs labtutor with ARGS in a 120x40 tmux pane and returns the screen once it printed {@code until}. */
    private String screen(String until, boolean escapes, String... args) throws Exception {
        Path script = dir.resolve("run.sh");
        StringBuilder cmd = new StringBuilder("exec java -Dlabtutor.state.dir='" + dir.resolve("state")
                + "' -Dlabtutor.home='" + System.getProperty("labtutor.root", ".") + "' -cp '"
                + System.getProperty("java.class.path") + "' dev.labtutor.cli.Main");
        for (String a : args) {
            cmd.append(" '").append(a).append("'");
        }
        Files.writeString(script, "#!/bin/sh\nexport LANG=C.UTF-8\n" + cmd + "; sleep 30\n");
        run(List.of("tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
                "sh " + script + "; sleep 30"));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String last = "";
        while (System.nanoTime() < end) {
            List<String> capture = new ArrayList<>(List.of("tmux", "capture-pane", "-p", "-t", session));
            if (escapes) {
                capture.add(3, "-e");
            }
            last = run(capture);
            if (last.contains(until)) {
                return last;
            }
            Thread.sleep(200);
        }
        fail("screen never showed '" + until + "':\n" + last);
        return last;
    }

    @Test
    void chineseLessonListLinesUpInATerminal() throws Exception {
        String s = screen("13. nfs-share", false, "lessons", "--lang", "zh");
        List<String> rows = s.lines().filter(l -> l.matches("\\s*\\d+\\. .*")).toList();
        assertEquals(13, rows.size(), s);
        int col = -1;
        for (String r : rows) {
            String title = r.replaceFirst("^\\s*\\d+\\. \\S+\\s+", "");
            int at = DisplayWidth.of(r.substring(0, r.indexOf(title)));
            if (col >= 0) {
                assertEquals(col, at, "titles start in the same column:\n" + s);
            }
            col = at;
        }
    }

    @Test
    void checkResultsAreColouredOnATerminal() throws Exception {
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab,
                "hosts:\n  lb01: { address: 127.0.0.1, port: 1 }\n  lb02: { address: 127.0.0.1, port: 1 }\n");
        String s = screen("项检查通过", true, "check", "master", "--lab", lab.toString(), "--known-hosts",
                dir.resolve("kh").toString(), "--lang", "zh");
        assertTrue(s.contains("\u001b[33m") || s.contains("\u001b[33;"), "UNREACHABLE is drawn in yellow:\n" + s);
        assertTrue(s.contains("UNRCH"), s);
        assertFalse(s.contains("FAIL"), "an unreachable lab is not a failed one:\n" + s);
        assertTrue(s.contains("0/6 项检查通过"), s);
        assertEquals(2, s.split("提示：", -1).length - 1,
                "each unreachable host is explained once, no check's hint repeated:\n" + s);
        assertTrue(s.contains("第 3 课 master") && s.contains("实验：" + lab.toAbsolutePath()), s);
    }
}
