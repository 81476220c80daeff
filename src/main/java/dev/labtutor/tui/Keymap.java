package dev.labtutor.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.session.Intent;
import dev.labtutor.session.SessionState;
import dev.labtutor.view.DisplayWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The tutor's keymap, the one place its keys and commands are listed. Each row is one thing the learner can do: its
 * keys on the full screen and what each does there, its command in plain mode (the row's keys are that command's short
 * forms), and its words in the key line at the bottom of the screen, in the help ({@code ?}) and in plain mode's
 * {@code help}. The screen's key handling ({@link Keys}), the key line, the help, and plain mode's commands, help and
 * completion are all made from these rows, so they cannot disagree.
 *
 * <p>Not here: the keys of the two dialogs, which say them in their own boxes (a yes/no question: {@code y}, {@code n},
 * Esc; the quiz: a choice's letter, arrows, Esc), and the end of input.
 */
enum Keymap {
    CHECK(List.of(bind(Key.ch('c'), (ui, s, p) -> Keys.Outcome.of(ui, new Intent.Check()))),
            command("check", Arg.NONE, Text.of("检查当前课程", "check this lesson")), Optional.of(Text.of("检查", "check")),
            List.of(Text.of("立即检查当前课程一次（在后台进行，Esc 取消）",
                    "check the current lesson once, now (in the background; Esc cancels)")),
            Place.OWN),
    WATCH(List.of(bind(Key.ch('w'), (ui, s, p) -> Keys.Outcome.of(ui, new Intent.Watch()))),
            command("watch", Arg.NONE,
                    Text.of("每 2 秒检查，直到通过（Ctrl-C 停止）", "check every 2 s until it passes (Ctrl-C stops)")),
            Optional.of(Text.of("监视", "watch")),
            List.of(Text.of("监视：每 2 秒检查一次，直到全部通过（w 或 Esc 停止）",
                    "watch: check every 2 s until everything passes (w or Esc stops)"),
                    Text.of("观察类课程（故障切换）：先按 w，再在另一个终端操作，每轮最多观察 120 秒；c 只根据 keepalived 的日志判断已经做过的切换",
                            "observed lessons (a failover): press w first, then act in another terminal; each round watches up to 120 s. "
                                    + "c judges a failover already done from keepalived's logs")),
            Place.OWN),
    HINT(List.of(bind(Key.ch('h'), (ui, s, p) -> Keys.Outcome.of(ui.withLessonScroll(0), new Intent.Hint()))),
            command("hint", Arg.NONE, Text.of("下一级提示", "the next hint level")), Optional.of(Text.of("提示", "hint")),
            List.of(Text.of("下一级提示", "the next hint level")), Place.OWN),
    SOLUTION(List.of(bind(Key.ch('s'), (ui, s, p) -> Keys.Outcome.of(ui.withLessonScroll(0), new Intent.Solution()))),
            command("solution", Arg.NONE,
                    Text.of("查看答案（先询问，记录在进度中）", "the solution (asks first; recorded in your progress)")),
            Optional.of(Text.of("答案", "solution")),
            List.of(Text.of("查看答案（先询问，并记录在进度中）", "the solution (asks first; recorded in your progress)")), Place.OWN),
    // another lesson is read from its top: the focus goes back to the lesson pane
    NEXT(List.of(bind(Key.ch('n'), (ui, s, p) -> Keys.Outcome.of(ui.withFocus(Ui.Focus.LESSON), new Intent.Next()))),
            command("next", Arg.NONE, Text.of("下一课", "the next lesson")), Optional.of(Text.of("下/上一课", "next/prev")),
            List.of(Text.of("下一课 / 上一课", "next / previous lesson")), Place.OWN),
    PREVIOUS(
            List.of(bind(Key.ch('p'),
                    (ui, s, p) -> Keys.Outcome.of(ui.withFocus(Ui.Focus.LESSON), new Intent.Previous()))),
            command("prev", Arg.NONE, Text.of("上一课", "the previous lesson"), "previous"), Optional.empty(), List.of(),
            Place.JOINS_PREVIOUS),
    OPEN(command("open", Arg.LESSON, Text.of("打开某一课（编号或名称）", "go to a lesson (number or id)"))),
    LESSONS(command("lessons", Arg.NONE, Text.of("课程列表", "the lessons and their state"))),
    SHOW(command("show", Arg.NONE, Text.of("显示当前课程", "show this lesson"))),
    RECHECK(List.of(bind(Key.ch('r'), (ui, s, p) -> Keys.Outcome.of(ui, new Intent.RecheckPassed()))),
            command("recheck", Arg.NONE, Text.of("复查已通过的课程", "re-check every passed lesson")),
            Optional.of(Text.of("复查", "recheck")), List.of(Text.of("复查所有已通过的课程", "re-check every passed lesson")),
            Place.OWN),
    QUIZ(List.of(bind(Key.ch('a'),
            (ui, s, p) -> s.current().quiz().isEmpty() ? Keys.Outcome.of(ui)
                    : Keys.Outcome.of(ui.withQuiz(Optional.of(Keys.firstOpen(s)))))),
            command("quiz", Arg.NONE, Text.of("显示小测验", "show the quiz")), Optional.of(Text.of("答题", "quiz")),
            List.of(Text.of("回答本课的小测验", "answer this lesson's quiz")), Place.QUIZ_ONLY),
    ANSWER(command("answer", Arg.QUESTION, Text.of("回答第 N 题，选 X", "answer question N with choice X"))),
    LANGUAGE(List.of(bind(Key.ch('l'), (ui, s, p) -> Keys.Outcome.of(ui, new Intent.SwitchLanguage()))),
            command("lang", Arg.NONE, Text.of("切换中文 / English", "Chinese / English")), // the key line offers the other language, in that language
            Optional.of(Text.of("English", "中文")), List.of(Text.of("切换中文 / English", "switch Chinese / English")),
            Place.OWN),
    HELP(List.of(bind(Key.ch('?'), (ui, s, p) -> Keys.Outcome.of(ui.withHelp(true)))),
            command("help", Arg.NONE, Text.of("", "")), Optional.of(Text.of("帮助", "help")), List.of(),
            Place.FOOTER_ONLY),
    FOCUS(List.of(
            bind(Key.type(KeyType.Tab, "Tab"),
                    (ui, s, p) -> Keys.Outcome.of(ui.withFocus(Ui.Focus.values()[(ui.focus().ordinal() + 1) % 3]))),
            bind(Key.type(KeyType.ReverseTab, "Shift-Tab"),
                    (ui, s, p) -> Keys.Outcome.of(ui.withFocus(Ui.Focus.values()[(ui.focus().ordinal() + 2) % 3]))),
            bind(Key.type(KeyType.ArrowLeft, "Left"), (ui, s, p) -> Keys.Outcome.of(ui.withFocus(Ui.Focus.LIST))),
            bind(Key.type(KeyType.ArrowRight, "Right"),
                    (ui, s, p) -> Keys.Outcome.of(ui.focus() == Ui.Focus.LIST ? ui.withFocus(Ui.Focus.LESSON) : ui))),
            Optional.empty(), Optional.empty(),
            List.of(Text.of("在课程列表、课程内容、检查结果之间切换",
                    "move between the lesson list, the lesson and the results")),
            Place.OWN, Optional.of(Text.of("Tab", "Tab"))),
    SCROLL(List.of(bind(Key.type(KeyType.ArrowUp, "Up"), (ui, s, p) -> Keys.Outcome.of(Keys.move(ui, -1, s, p))),
            bind(Key.type(KeyType.ArrowDown, "Down"), (ui, s, p) -> Keys.Outcome.of(Keys.move(ui, 1, s, p))),
            bind(Key.type(KeyType.PageUp, "PgUp"),
                    (ui, s, p) -> Keys.Outcome.of(Keys.move(ui, -Keys.page(ui, p), s, p))),
            bind(Key.type(KeyType.PageDown,
                    "PgDn"), (ui, s, p) -> Keys.Outcome.of(Keys.move(ui, Keys.page(ui, p), s, p))),
            bind(Key.type(KeyType.Home,
                    "Home"), (ui, s, p) -> Keys.Outcome.of(Keys.move(ui, -1_000_000, s, p))),
            bind(Key.type(KeyType.End, "End"), (ui, s, p) -> Keys.Outcome.of(Keys.move(ui, 1_000_000, s, p))),
            bind(Key.type(KeyType.Enter, "Enter"),
                    (ui, s, p) -> ui.focus() == Ui.Focus.LIST
                            ? Keys.Outcome.of(ui.withFocus(Ui.Focus.LESSON),
                                    new Intent.Open(s.course().lessons().get(ui.cursor()).id()))
                            : Keys.Outcome.of(ui))),
            Optional.empty(), Optional.empty(),
            List.of(Text.of("滚动；Enter 打开列表中的课程", "scroll; Enter opens the lesson in the list")), Place.OWN,
            Optional.of(Text.of("方向键 PgUp PgDn Home End", "Up Down PgUp PgDn Home End"))),
    REDRAW(List.of(new Binding(Key.redraw(), true, true, (ui, s, p) -> new Keys.Outcome(ui, Optional.empty(), true))),
            Optional.empty(), Optional.empty(), List.of(Text.of("重画屏幕", "redraw the screen")), Place.OWN,
            Optional.empty()),
    QUIT(List.of(bind(Key.ch('q'), (ui, s, p) -> Keys.Outcome.of(ui, new Intent.Quit())),
            // Ctrl-C quits as q does, in every mode (a question asked, the help, the quiz)
            new Binding(Key.ctrl('c', "Ctrl-C"), false, true, (ui, s, p) -> Keys.Outcome.of(ui, new Intent.Quit()))),
            command("quit", Arg.NONE, Text.of("退出", "quit"), "exit"), Optional.of(Text.of("退出", "quit")),
            List.of(Text.of("退出（检查进行中会先询问）", "quit (asks while a check runs)")), Place.SAME_HELP_LINE),
    // Esc is named where it acts: in the help of c and w, in the status line while a check runs
    CANCEL(List.of(bind(Key.type(KeyType.Escape, "Esc"), (ui, s, p) -> Keys.Outcome.of(ui, new Intent.Cancel()))),
            Optional.empty(), Optional.empty(), List.of(), Place.NAMED_IN_OTHERS, Optional.empty());

    /** Where a row shows. */
    enum Place {
        /** Its own item in the key line (when it has words for it) and its own help line. */
        OWN,
        /**
         * As {@link #OWN}, the key line's item only while the lesson has a quiz (and dropped first when the line is too
         * narrow).
         */
        QUIZ_ONLY,
        /** Its keys join the row before it, in the key line ({@code n/p}) and in the help ({@code n / p}). */
        JOINS_PREVIOUS,
        /** Its own item in the key line; its help goes on the help line before it. */
        SAME_HELP_LINE,
        /** Only in the key line (the help's own key: the help is open when it is read). */
        FOOTER_ONLY,
        /** A plain-mode command only. */
        PLAIN,
        /** In neither; the texts of other rows name its key. */
        NAMED_IN_OTHERS
    }

    /** What a plain-mode command takes after its name, for completion and its help. */
    enum Arg {
        NONE(Text.of("", "")), LESSON(Text.of("课程", "LESSON")), QUESTION(Text.of("N X", "N X"));

        final Text label;

        Arg(Text label) {
            this.label = label;
        }
    }

    /** A key on the full screen. {@code name} is how the help and the key line write it. */
    record Key(String name, Predicate<KeyStroke> matches) {

        /** A plain character, without Ctrl or Alt. */
        static Key ch(char c) {
            return new Key(String.valueOf(c), k -> k.getKeyType() == KeyType.Character && k.getCharacter() == c
                    && !k.isCtrlDown() && !k.isAltDown());
        }

        static Key ctrl(char c, String name) {
            return new Key(name, k -> k.getKeyType() == KeyType.Character && k.isCtrlDown()
                    && Character.toLowerCase(k.getCharacter()) == c);
        }

        static Key type(KeyType t, String name) {
            return new Key(name, k -> k.getKeyType() == t);
        }

        /** Ctrl-L, which some terminals send as a form feed. */
        static Key redraw() {
            Key ctrl = ctrl('l', "Ctrl-L");
            return new Key(ctrl.name(),
                    k -> ctrl.matches().test(k) || (k.getKeyType() == KeyType.Character && k.getCharacter() == '\f'));
        }

        /** The character the key types, when it is one: a plain-mode short form. */
        Optional<String> typed() {
            return name.length() == 1 ? Optional.of(name) : Optional.empty();
        }
    }

    /** What the full screen sees besides the state: its layout and how long the panes' texts are. */
    record Pane(Layout layout, int lessonLines, int resultLines) {
    }

    /** What a key does on the full screen. */
    @FunctionalInterface
    interface Action {
        Keys.Outcome on(Ui ui, SessionState s, Pane pane);
    }

    /**
     * A key and what it does. {@code shown}: named in the key line and the help (Ctrl-C is not: {@code q} is).
     * {@code anyMode}: it acts even while a question, the help or the quiz is open.
     */
    record Binding(Key key, boolean shown, boolean anyMode, Action action) {
    }

    /** A plain-mode command: its name, other names it answers to, what follows it, what it does. */
    record Command(String word, List<String> aliases, Arg arg, Text help) {
    }

    /** One item of the key line: the keys and their meaning; {@code optional} items go first when it is too narrow. */
    record Item(String keys, String label, boolean optional) {
    }

    /**
     * A row's contents: its keys, its plain command, its words in the key line, its help lines (the first after the
     * keys, the others under it), where it shows, and the keys as the help names them when not by their own names.
     */
    private record Row(List<Binding> keys, Optional<Command> command, Optional<Text> footer, List<Text> help,
            Place place, Optional<Text> helpKeys) {
    }

    private final Row row;

    Keymap(List<Binding> keys, Optional<Command> command, Optional<Text> footer, List<Text> help, Place place,
            Optional<Text> helpKeys) {
        this.row = new Row(keys, command, footer, help, place, helpKeys);
    }

    Keymap(List<Binding> keys, Optional<Command> command, Optional<Text> footer, List<Text> help, Place place) {
        this(keys, command, footer, help, place, Optional.empty());
    }

    /** A plain-mode command only. */
    Keymap(Optional<Command> command) {
        this(List.of(), command, Optional.empty(), List.of(), Place.PLAIN, Optional.empty());
    }

    private static Binding bind(Key key, Action action) {
        return new Binding(key, true, false, action);
    }

    private static Optional<Command> command(String word, Arg arg, Text help, String... aliases) {
        return Optional.of(new Command(word, List.of(aliases), arg, help));
    }

    List<Binding> keys() {
        return row.keys();
    }

    Optional<Command> command() {
        return row.command();
    }

    Place place() {
        return row.place();
    }

    /** The keys this row names, its own and those of the rows that join it. */
    private List<String> shownKeys() {
        List<String> out = new ArrayList<>();
        row.keys().stream().filter(Binding::shown).forEach(b -> out.add(b.key().name()));
        for (int i = ordinal() + 1; i < values().length && values()[i].place() == Place.JOINS_PREVIOUS; i++) {
            values()[i].keys().stream().filter(Binding::shown).forEach(b -> out.add(b.key().name()));
        }
        return out;
    }

    /** The short forms of this row's plain command: its own typed keys. */
    private List<String> shortForms() {
        return row.keys().stream().filter(Binding::shown).flatMap(b -> b.key().typed().stream()).toList();
    }

    // --- the full screen --------------------------------------------------------------------

    /** The binding a key stroke has; {@code anyModeOnly} for those that act while a dialog is open. */
    static Optional<Binding> binding(KeyStroke k, boolean anyModeOnly) {
        for (Keymap r : values()) {
            for (Binding b : r.keys()) {
                if ((b.anyMode() || !anyModeOnly) && b.key().matches().test(k)) {
                    return Optional.of(b);
                }
            }
        }
        return Optional.empty();
    }

    /** The key line's items in the table's order; the quiz's key only when the lesson has a quiz. */
    static List<Item> footer(Lang lang, boolean quiz) {
        List<Item> out = new ArrayList<>();
        for (Keymap r : values()) {
            if (r.row.footer().isEmpty() || (r.place() == Place.QUIZ_ONLY && !quiz)) {
                continue;
            }
            out.add(new Item(String.join("/", r.shownKeys()), r.row.footer().get().in(lang),
                    r.place() == Place.QUIZ_ONLY));
        }
        return out;
    }

    /** The help's lines: a title, a line per row (keys, then what they do), and how to close it. */
    static List<String> help(Lang lang) {
        List<String> out = new ArrayList<>();
        out.add(Text.of("按键", "Keys").in(lang));
        for (Keymap r : values()) {
            if (r.row.help().isEmpty()) {
                continue;
            }
            String keyNames = r.row.helpKeys().map(t -> t.in(lang)).orElseGet(() -> String.join(" / ", r.shownKeys()));
            if (r.place() == Place.SAME_HELP_LINE) {
                out.set(out.size() - 1,
                        out.get(out.size() - 1) + "    " + keyNames + " " + r.row.help().get(0).in(lang));
                continue;
            }
            String column = DisplayWidth.of(keyNames) < 7 ? DisplayWidth.pad(keyNames, 7) : keyNames + "  ";
            out.add(column + r.row.help().get(0).in(lang));
            for (Text more : r.row.help().subList(1, r.row.help().size())) {
                out.add(" ".repeat(7) + more.in(lang));
            }
        }
        out.add("");
        out.add(Text.of("按任意键关闭", "press any key to close").in(lang));
        return out;
    }

    // --- plain mode ---------------------------------------------------------------------------

    /** The row a typed command word belongs to: its name, another name, or a short form (any case). */
    static Optional<Keymap> command(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        for (Keymap r : values()) {
            if (r.command().isPresent()) {
                Command c = r.command().get();
                if (c.word().equals(w) || c.aliases().contains(w) || r.shortForms().contains(w)) {
                    return Optional.of(r);
                }
            }
        }
        return Optional.empty();
    }

    /** Every plain command's name, for completion. */
    static List<String> commands() {
        return java.util.Arrays.stream(values()).flatMap(r -> r.command().stream()).map(Command::word).toList();
    }

    /** What follows the command {@code word} (a lesson, a question), for completion. */
    static Arg argument(String word) {
        return command(word).flatMap(r -> r.command()).map(Command::arg).orElse(Arg.NONE);
    }

    /**
     * Plain mode's help: each command with its short forms and what it does, two to a line, then how to work with an
     * observed lesson.
     */
    static String plainHelp(Lang lang) {
        List<String> cells = new ArrayList<>();
        for (Keymap r : values()) {
            Optional<Command> c = r.command();
            if (c.isEmpty() || c.get().help().en().isEmpty()) {
                continue;
            }
            String usage = c.get().word() + (c.get().arg() == Arg.NONE ? "" : " " + c.get().arg().label.in(lang))
                    + (r.shortForms().isEmpty() ? "" : " (" + String.join(", ", r.shortForms()) + ")");
            cells.add(usage);
            cells.add(c.get().help().in(lang));
        }
        StringBuilder sb =
                new StringBuilder(Text.of("命令（括号里是简写）：", "Commands (short forms in brackets):").in(lang)).append('\n');
        for (int i = 0; i < cells.size(); i += 4) {
            StringBuilder line = new StringBuilder("  ").append(DisplayWidth.pad(cells.get(i), 15));
            if (i + 2 < cells.size()) {
                String what = cells.get(i + 1);
                line.append(DisplayWidth.of(what) < 22 ? DisplayWidth.pad(what, 22) : what + " ")
                        .append(DisplayWidth.pad(cells.get(i + 2), 13)).append(cells.get(i + 3));
            } else {
                line.append(cells.get(i + 1));
            }
            sb.append(line).append('\n');
        }
        sb.append(Text.of("""
                观察类课程（故障切换）：先输入 watch，再在另一个终端操作，每轮最多观察 120 秒；
                check 只检查一次，根据 keepalived 的日志判断已经做过的切换。""", """
                Observed lessons (a failover): type watch first, then act in another terminal; each round
                watches up to 120 s. check checks once, judging a failover already done from keepalived's logs.""")
                .in(lang));
        return sb.toString();
    }
}
