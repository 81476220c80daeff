package dev.labtutor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellTest {

    private static final List<String> NASTY =
            List.of("a b", "it's", "$(reboot)", "`x`", "\"q\"", "*", "", "\\", "a'b'c", "中文 路径");

    @Test
    void quoteSurvivesEverySpecialCharacter() {
        assertEquals("'plain'", Shell.quote("plain"));
        assertEquals("'a'\\''b'", Shell.quote("a'b"));
        assertEquals("'$(x) `y` \"z\" \\'", Shell.quote("$(x) `y` \"z\" \\"));
    }

    @Test
    void quotedWordsReachShExactlyAsGiven() throws Exception {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\n"));
        argv.addAll(NASTY);
        assertEquals(String.join("\n", NASTY) + "\n", sh(Shell.command(argv)));
    }

    @Test
    void aWordIsLeftBareOnlyWhenTheShellWouldReadItAsItIs() throws Exception {
        assertEquals("/home/l/.config/labtutor/known_hosts", Shell.word("/home/l/.config/labtutor/known_hosts"));
        assertEquals("'/tmp/my lab/known_hosts'", Shell.word("/tmp/my lab/known_hosts"));
        StringBuilder script = new StringBuilder("printf '%s\\n'");
        for (String w : NASTY) {
            script.append(' ').append(Shell.word(w));
        }
        script.append(' ').append(Shell.word("plain-word_1.2"));
        assertEquals(String.join("\n", NASTY) + "\nplain-word_1.2\n", sh(script.toString()));
    }

    private static String sh(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
