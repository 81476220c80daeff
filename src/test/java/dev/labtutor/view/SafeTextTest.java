package dev.labtutor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.SafeText;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.HostMark;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a hostile host prints cannot act on the terminal that shows it. */
class SafeTextTest {

    /**
     * Clear screen, home, set title, OSC 52 clipboard write, cursor up, C1 CSI, CR, bidi override, zero-width, NUL,
     * BOM.
     */
    static final String HOSTILE =
            "\u001b[2J\u001b[H\u001b]0;pwned\u0007\u001b]52;c;cm0gLXJmIH4=\u0007\u001b[10A\u009b31m"
                    + "ok\rFAKE PASS\u202Eevil\u2066x\u2069\u200B\u200D\u0000\uFEFF\u2028\uD800end";

    @Test
    void everyCharacterThatActsOrHidesIsShownAsAVisibleEscape() {
        String s = SafeText.terminal(HOSTILE);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            assertTrue(c >= 0x20 && c < 0x7f || c == '\n' || c == '\t',
                    "character U+" + Integer.toHexString(c) + " left in " + s);
        }
        assertTrue(s.startsWith("\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07\\x1b]52;c;"), s);
        assertTrue(s.contains("\\x9b31m") && s.contains(
                "ok\\x0dFAKE PASS\\u{202E}evil\\u{2066}x\\u{2069}\\u{200B}\\u{200D}\\x00\\u{FEFF}\\u{2028}\\u{D800}end"),
                s);
    }

    @Test
    void ordinaryTextIsLeftAsItIsChineseEmojiAndInvalidUtf8Included() {
        String text = "lb01: eth1 10.0.0.11/24\n\t第 3 课 配置主服务器 😀 bad byte \uFFFD";
        assertEquals(text, SafeText.terminal(text));
    }

    @Test
    void theEscapedFormIsOneToOneBecauseABackslashIsDoubled() {
        String tricky = "C:\\x1b is text\u001b";
        assertEquals("C:\\\\x1b is text\\x1b", SafeText.escaped(tricky));
        assertFalse(SafeText.escaped(tricky).equals(SafeText.escaped("C:\u001b is text\u001b")));
    }

    @Test
    void theResultRowsEveryTerminalViewShowsCarryNoEscapeFromAHost() {
        HostMark h = new HostMark("lb01\u001b]0;t\u0007", "fail", "cause", Text.of(HOSTILE, HOSTILE),
                Optional.of(Text.of(HOSTILE, HOSTILE)), List.of("eth1\u001b[2J " + HOSTILE));
        CheckMark c = new CheckMark("vip", Text.of("VIP", "VIP"), "fail", List.of(h), List.of());
        String text = ReportText.render(new ReportText.Header(3, "master", "t", Optional.empty(), List.of()),
                List.of(c), Lang.EN, true);
        String withoutOwnColours = text.replaceAll("\u001b\\[3[1-5];1m|\u001b\\[0m", "");
        assertFalse(withoutOwnColours.chars().anyMatch(ch -> SafeText.unsafe(ch)), withoutOwnColours);
        assertTrue(text.contains("\u001b[31;1mFAIL \u001b[0m"), "labtutor's own colour stays: " + text);
        assertTrue(withoutOwnColours.contains("\\x1b[2J"), withoutOwnColours);
    }

    @Test
    void jsonEscapesWhatATerminalWouldObeyOrReorder() {
        String json = dev.labtutor.yaml.JsonWriter.write(java.util.Map.of("m", HOSTILE));
        assertFalse(json.chars().anyMatch(ch -> ch != '\n' && SafeText.unsafe(ch)), json);
        assertTrue(json.contains("\\u001b[2J") && json.contains("\\u202e") && json.contains("\\u0000"), json);
    }
}
