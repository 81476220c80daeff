package dev.labtutor.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.labtutor.i18n.Lang;
import dev.labtutor.session.Fixtures;
import dev.labtutor.session.SessionState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The keymap is the one list of keys: everything it lists is shown and reachable, and nothing else does anything. */
class KeymapTest {

    private static String footer(Lang lang) {
        StringBuilder sb = new StringBuilder();
        Keymap.footer(lang, true).forEach(i -> sb.append(' ').append(i.keys()).append(' ').append(i.label()));
        return sb.toString();
    }

    @Test
    void everyShownKeyIsInTheKeyLineOrTheHelpInBothLanguages() {
        for (Lang lang : Lang.values()) {
            String footer = footer(lang);
            String help = String.join("\n", Keymap.help(lang));
            for (Keymap row : Keymap.values()) {
                for (Keymap.Binding b : row.keys()) {
                    String name = b.key().name();
                    if (!b.shown()) {
                        continue;
                    }
                    boolean inFooter = footer.contains(" " + name + " ") || footer.contains(" " + name + "/")
                            || footer.contains("/" + name + " ");
                    boolean inHelp = help.contains(name)
                            || (lang == Lang.ZH && name.matches("Up|Down|Left|Right") && help.contains("方向键"));
                    assertTrue(inFooter || inHelp || row == Keymap.FOCUS && name.matches("Shift-Tab|Left|Right"),
                            row + " " + name + " is neither in the key line nor in the help (" + lang + ")");
                }
            }
        }
    }

    @Test
    void aKeyNamedOnlyInOtherRowsIsNamedThere() {
        for (Keymap row : Keymap.values()) {
            if (row.place() == Keymap.Place.NAMED_IN_OTHERS) {
                for (Lang lang : Lang.values()) {
                    String help = String.join("\n", Keymap.help(lang));
                    row.keys().forEach(b -> assertTrue(help.contains(b.key().name()), row + " " + b.key().name()));
                }
            }
        }
    }

    @Test
    void everyPlainCommandIsCompletedAnswersToItsNamesAndItsScreenKeysAndIsInTheHelp() {
        List<String> completion = Keymap.commands();
        for (Keymap row : Keymap.values()) {
            if (row.command().isEmpty()) {
                assertFalse(row.keys().isEmpty(), row + " does nothing anywhere");
                continue;
            }
            Keymap.Command c = row.command().get();
            assertTrue(completion.contains(c.word()), c.word() + " is completed");
            assertEquals(Optional.of(row), Keymap.command(c.word()));
            assertEquals(Optional.of(row), Keymap.command(c.word().toUpperCase()), "any case");
            c.aliases().forEach(a -> assertEquals(Optional.of(row), Keymap.command(a), a));
            for (Keymap.Binding b : row.keys()) {
                b.key().typed().ifPresent(k -> assertEquals(Optional.of(row), Keymap.command(k),
                        "the screen's key " + k + " is a short form"));
            }
            for (Lang lang : Lang.values()) {
                String help = Keymap.plainHelp(lang);
                assertTrue(row == Keymap.HELP || help.contains("  " + c.word()) || help.contains(" " + c.word() + " "),
                        c.word() + " in help " + lang);
            }
        }
        assertEquals(completion.size(), new HashSet<>(completion).size(), "no command twice: " + completion);
        assertEquals(Optional.empty(), Keymap.command("frobnicate"));
    }

    @Test
    void theShortFormsInPlainHelpAreTheScreensKeys() {
        String help = Keymap.plainHelp(Lang.EN);
        assertTrue(help.contains(
                "  check (c)      check this lesson     watch (w)    check every 2 s until it passes (Ctrl-C stops)\n"),
                help);
        assertTrue(help.contains("  next (n)       the next lesson       prev (p)     the previous lesson\n"), help);
        assertTrue(
                help.contains("  quiz (a)       show the quiz         answer N X   answer question N with choice X\n"),
                help);
        assertTrue(Keymap.plainHelp(Lang.ZH).contains("  open 课程      打开某一课（编号或名称） lessons      课程列表\n"));
    }

    @Test
    void theKeyLineAndTheHelpReadAsTheyAlwaysDid() {
        StringBuilder en = new StringBuilder();
        Keymap.footer(Lang.EN, false).forEach(i -> en.append(i.keys()).append(' ').append(i.label()).append(' '));
        assertEquals("c check w watch h hint s solution n/p next/prev r recheck l 中文 ? help q quit ", en.toString());
        List<Keymap.Item> zh = Keymap.footer(Lang.ZH, true);
        assertEquals(List.of("c", "w", "h", "s", "n/p", "r", "a", "l", "?", "q"),
                zh.stream().map(Keymap.Item::keys).toList());
        assertEquals(List.of("a"), zh.stream().filter(Keymap.Item::optional).map(Keymap.Item::keys).toList(),
                "only the quiz key may be dropped");
        List<String> help = Keymap.help(Lang.EN);
        assertEquals("Keys", help.get(0));
        assertTrue(help.contains("n / p  next / previous lesson"), help.toString());
        assertTrue(help.contains("Up Down PgUp PgDn Home End  scroll; Enter opens the lesson in the list"),
                help.toString());
        assertTrue(help.contains("Ctrl-L redraw the screen    q quit (asks while a check runs)"), help.toString());
        assertTrue(Keymap.help(Lang.ZH)
                .contains("       观察类课程（故障切换）：先按 w，再在另一个终端操作，每轮最多观察 120 秒；c 只根据 keepalived 的日志判断已经做过的切换"));
    }

    @Test
    void noKeyIsBoundTwice() {
        List<KeyStroke> strokes = strokes();
        for (KeyStroke k : strokes) {
            int rows = 0;
            for (Keymap row : Keymap.values()) {
                if (row.keys().stream().anyMatch(b -> b.key().matches().test(k))) {
                    rows++;
                }
            }
            assertTrue(rows <= 1, k + " is bound in " + rows + " rows");
        }
    }

    @Test
    void aKeyTheTableDoesNotListDoesNothing() {
        SessionState s = TutorScreenTest.state(Fixtures.course(), Lang.EN);
        Layout l = Layout.of(80, 24);
        Set<String> listed = new HashSet<>();
        for (KeyStroke k : strokes()) {
            if (Keymap.binding(k, false).isPresent()) {
                listed.add(k.toString());
                continue;
            }
            for (Ui.Focus f : Ui.Focus.values()) {
                Ui ui = Ui.start().withFocus(f);
                Keys.Outcome o = Keys.handle(ui, s, k, l, 100, 30);
                assertEquals(ui, o.ui(), k + " changed the view");
                assertEquals(Optional.empty(), o.intent(), k + " asked for something");
                assertFalse(o.redraw(), k + " redrew");
            }
        }
        assertEquals(27, listed.size(), "the table's keys among the strokes tried: " + listed);
    }

    /** Every printable ASCII character (also with Ctrl and Alt), and every special key but the end of input. */
    private static List<KeyStroke> strokes() {
        List<KeyStroke> out = new ArrayList<>();
        for (char c = ' '; c < 127; c++) {
            out.add(new KeyStroke(c, false, false));
            out.add(new KeyStroke(c, true, false));
            out.add(new KeyStroke(c, false, true));
        }
        for (KeyType t : KeyType.values()) {
            if (t != KeyType.Character && t != KeyType.EOF) {
                out.add(new KeyStroke(t));
            }
        }
        return out;
    }
}
