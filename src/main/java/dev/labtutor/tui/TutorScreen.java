package dev.labtutor.tui;

import com.googlecode.lanterna.graphics.TextGraphics;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Question;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.LessonState;
import dev.labtutor.session.SessionState;
import dev.labtutor.view.DisplayWidth;
import dev.labtutor.view.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Draws one whole frame of the tutor from the session state and the view's own state. Deciding nothing. */
final class TutorScreen {

    /** A secret being typed: what is asked, and how many characters so far (shown as stars). */
    record SecretField(String prompt, int length) {
    }

    private final boolean color;
    private final Function<CheckRef, Text> titles;

    TutorScreen(boolean color, Function<CheckRef, Text> titles) {
        this.color = color;
        this.titles = titles;
    }

    LessonPane.Content lesson(SessionState s, Layout l) {
        return LessonPane.of(s, titles, l.rightWidth() - 1);
    }

    void draw(TextGraphics g, Layout l, SessionState s, Ui ui, Optional<SecretField> secret, String labName) {
        Painter p = new Painter(g, color);
        p.clear();
        Lang lang = s.lang();
        if (l.tooSmall()) {
            tooSmall(p, l, lang);
            return;
        }
        titleBar(p, l, s, labName);
        lessonList(p, l, s, ui);
        for (int r = 1; r < l.messageRow(); r++) {
            p.text(l.listWidth(), r, 1, "|", Style.DIM);
        }
        LessonPane.Content content = lesson(s, l);
        String pos = content.lines().isEmpty() ? "" : "  " + (ui.lessonScroll() + 1) + "-"
                + Math.min(content.lines().size(), ui.lessonScroll() + l.lessonRows()) + "/" + content.lines().size();
        paneTitle(p, l.rightX(), l.lessonTop(), l.rightWidth(), " " + Text.of("课程内容", "Lesson").in(lang) + pos + " ",
                ui.focus() == Ui.Focus.LESSON);
        p.lines(l.rightX() + 1, l.lessonTop() + 1, l.rightWidth() - 1, l.lessonRows(), content.lines(),
                ui.lessonScroll(), Style.NORMAL);
        for (int r = 0; r < l.lessonRows(); r++) {
            p.text(l.rightX(), l.lessonTop() + 1 + r, 1, "", Style.NORMAL);
        }
        List<Line> results = ResultsPane.of(s, l.rightWidth() - 1);
        paneTitle(p, l.rightX(), l.resultsTop(), l.rightWidth(), ResultsPane.header(s), ui.focus() == Ui.Focus.RESULTS);
        for (int r = 0; r < l.resultsRows(); r++) {
            p.text(l.rightX(), l.resultsTop() + 1 + r, 1, "", Style.NORMAL);
        }
        p.lines(l.rightX() + 1, l.resultsTop() + 1, l.rightWidth() - 1, l.resultsRows(), results, ui.resultsScroll(),
                Style.NORMAL);
        message(p, l, s);
        p.line(0, l.keysRow(), l.width(), keyLine(Keymap.footer(lang, !s.current().quiz().isEmpty()), l.width()),
                Style.NORMAL);
        overlays(p, l, s, ui, secret);
    }

    /** The mark before the title of the pane that has the focus: the arrows and page keys scroll that pane. */
    static final String FOCUS = "\u25b6";

    /**
     * A pane's title (it starts with a space); the focused pane's is marked with {@link #FOCUS} as well as shown in
     * reverse video, so the focus can be read without colours or reverse video.
     */
    private static void paneTitle(Painter p, int col, int row, int width, String title, boolean focused) {
        p.text(col, row, width, focused ? FOCUS + title : title, focused ? Style.HEADER : Style.BOLD);
    }

    /**
     * The keys as reverse-video letters with their meaning; two spaces apart when they fit, else one, else without the
     * quiz key (the quiz section names it).
     */
    static Line keyLine(List<Keymap.Item> keys, int width) {
        for (String gap : List.of("  ", " ")) {
            for (boolean all : List.of(true, false)) {
                Line line = Line.of(" ");
                for (Keymap.Item k : keys) {
                    if (!all && k.optional()) {
                        continue;
                    }
                    line = line.plus(k.keys(), Style.KEY).plus(" " + k.label() + gap, Style.NORMAL);
                }
                if (line.width() - gap.length() <= width) {
                    return line;
                }
            }
        }
        return Line.of(" ");
    }

    /** Below 80x24: only the request to make the window bigger, with the size now. */
    static void tooSmall(Painter p, Layout l, Lang lang) {
        for (int r = 0; r < l.height(); r++) {
            p.text(0, r, l.width(), "", Style.NORMAL);
        }
        String msg = Words.TOO_SMALL.in(lang);
        String now = "(" + l.width() + "x" + l.height() + ")";
        p.text(Math.max(0, (l.width() - DisplayWidth.of(msg)) / 2), l.height() / 2,
                Math.min(l.width(), DisplayWidth.of(msg)), msg, Style.BOLD);
        p.text(Math.max(0, (l.width() - now.length()) / 2), l.height() / 2 + 1, Math.min(l.width(), now.length()), now,
                Style.DIM);
    }

    /** The masked field for a password or passphrase, over whatever is on screen. */
    static void secret(Painter p, Layout l, SecretField f, Lang lang) {
        String stars = "*".repeat(Math.min(f.length(), 40));
        box(p, l,
                List.of(Line.of(f.prompt(), Style.BOLD), Line.BLANK, Line.of("> " + stars + "_", Style.CODE),
                        Line.BLANK, Line.of(
                                Text.of("Enter 确认，Esc 跳过（不会保存、不会写入日志）",
                                        "Enter to send, Esc to skip (never stored, never logged)").in(lang),
                                Style.DIM)));
    }

    private void titleBar(Painter p, Layout l, SessionState s, String labName) {
        String right = labTitle(labName, l.width() / 2 - 2) + " ";
        int room = l.width() - DisplayWidth.of(right) - 2;
        String left = DisplayWidth.fit(" labtutor  " + s.course().title().in(s.lang()), room);
        p.text(0, 0, l.width(), DisplayWidth.pad(left, room + 2) + right, Style.HEADER);
    }

    /**
     * The lab's name in at most {@code width} columns: its label ("lab: ", "实验：") stays whole and the path is cut from
     * the left, at a '/' where it can be, with "…": the end of the path (the sandbox's or the file's own name) is what
     * tells labs apart.
     */
    static String labTitle(String labName, int width) {
        if (DisplayWidth.of(labName) <= width) {
            return labName;
        }
        int colon = labName.indexOf(": ");
        int wide = labName.indexOf('：');
        int cut = colon >= 0 && (wide < 0 || colon < wide) ? colon + 2 : wide >= 0 ? wide + 1 : 0;
        String label = labName.substring(0, cut);
        String path = labName.substring(cut);
        int room = width - DisplayWidth.of(label) - DisplayWidth.of(DisplayWidth.ELLIPSIS);
        if (room < 8) {
            return DisplayWidth.fit(labName, width);
        }
        int from = path.length();
        while (from > 0 && DisplayWidth.of(path.substring(from - 1)) <= room) {
            from--;
        }
        String tail = path.substring(from);
        int slash = tail.indexOf('/');
        return label + DisplayWidth.ELLIPSIS + (slash > 0 ? tail.substring(slash) : tail);
    }

    private void lessonList(Painter p, Layout l, SessionState s, Ui ui) {
        Lang lang = s.lang();
        int w = l.listWidth();
        paneTitle(p, 0, 1, w, " " + Words.LESSONS.in(lang) + " ", ui.focus() == Ui.Focus.LIST);
        List<Lesson> lessons = s.course().lessons();
        int rows = l.listRows() - 2;
        int first = Math.max(0, Math.min(ui.cursor() - rows / 2, lessons.size() - rows));
        for (int i = 0; i < rows; i++) {
            int at = first + i;
            if (at >= lessons.size()) {
                p.text(0, 2 + i, w, "", Style.NORMAL);
                continue;
            }
            Lesson les = lessons.get(at);
            LessonState st = s.stateOf(les.id());
            String mark = switch (st) {
                case PASSED -> s.brokenNow(les.id()) ? "!" : "✓";
                case OPEN -> "*";
                case LOCKED -> "-";
            };
            Style markStyle = switch (st) {
                case PASSED -> s.brokenNow(les.id()) ? Style.WARNING : Style.PASS;
                case OPEN -> Style.WARNING;
                case LOCKED -> Style.LOCKED;
            };
            boolean current = les.id().equals(s.current().id());
            boolean cursor = ui.focus() == Ui.Focus.LIST && at == ui.cursor();
            Style text = current ? Style.SELECTED
                    : cursor ? Style.BOLD : st == LessonState.LOCKED ? Style.LOCKED : Style.NORMAL;
            String label = (at + 1 < 10 ? " " : "") + (at + 1) + " " + les.id() + "  " + les.title().in(lang);
            p.line(0, 2 + i, w, Line.of(cursor ? ">" : " ", Style.BOLD).plus(mark, markStyle).plus(" ", Style.NORMAL)
                    .plus(DisplayWidth.pad(DisplayWidth.fit(label, w - 3), w - 3), text), Style.NORMAL);
        }
        long passed = lessons.stream().filter(x -> s.stateOf(x.id()) == LessonState.PASSED).count();
        String summary = " "
                + Text.of(passed + "/" + lessons.size() + " 课已通过", passed + "/" + lessons.size() + " passed").in(lang);
        p.text(0, l.messageRow() - 1, w, summary, Style.DIM);
    }

    /**
     * The status line: while watching, the watch first (it stays for the whole watch) and the last round's message
     * after it; else the last message, a running check, or how to move.
     */
    private void message(Painter p, Layout l, SessionState s) {
        Lang lang = s.lang();
        Line msg;
        Optional<Line.Span> flash =
                s.flash().map(f -> new Line.Span(Sentence.start(f.text().in(lang), lang), switch (f.level()) {
                    case SUCCESS -> Style.SUCCESS;
                    case WARNING -> Style.WARNING;
                    case ERROR -> Style.FAIL;
                    case INFO -> Style.INFO;
                }));
        if (s.mode() == SessionState.Mode.WATCHING) {
            String since = ResultsPane.seconds(java.time.Duration.between(s.watching().get(), s.now()));
            msg = Line.of(" " + ResultsPane.spinner(s) + " ", Style.WARNING).plus(
                    Text.of("监视中（已 " + since + "，w 或 Esc 停止）", "Watching (" + since + "; w or Esc stops)").in(lang),
                    Style.WARNING);
            if (flash.isPresent()) {
                msg = msg.plus(" | ", Style.DIM).plus(flash.get().text(), flash.get().style());
            }
        } else if (flash.isPresent()) {
            msg = Line.of(" " + flash.get().text(), flash.get().style());
        } else if (s.busy()) {
            msg = Line.of(" " + ResultsPane.spinner(s) + " ", Style.WARNING)
                    .plus(Text.of("正在检查，Esc 取消", "Checking... Esc cancels").in(lang), Style.DIM);
        } else {
            msg = Line
                    .of(" " + Text
                            .of("Tab 切换窗格，方向键滚动，Enter 打开列表中的课程",
                                    "Tab moves between panes, arrows scroll, Enter opens the lesson in the list")
                            .in(lang), Style.DIM);
        }
        p.line(0, l.messageRow(), l.width(), msg, Style.NORMAL);
    }

    private void overlays(Painter p, Layout l, SessionState s, Ui ui, Optional<SecretField> secret) {
        Lang lang = s.lang();
        if (secret.isPresent()) {
            secret(p, l, secret.get(), lang);
            return;
        }
        if (s.ask() == SessionState.Ask.SOLUTION) {
            box(p, l, List.of(Line.of(Text.of("查看本课的答案？", "Show this lesson's solution?").in(lang), Style.BOLD),
                    Line.BLANK,
                    Line.of(Text.of("查看答案会记录在你的进度中。先试试 h 提示？",
                            "Viewing it is recorded in your progress. Try h for a hint first?").in(lang)),
                    Line.BLANK,
                    Line.of(Text.of("y 查看    n 或 Esc 不看", "y show it    n or Esc no").in(lang), Style.KEY)));
        } else if (s.ask() == SessionState.Ask.QUIT) {
            box(p, l,
                    List.of(Line.of(Text.of("正在检查。仍要退出吗？", "A check is running. Quit anyway?").in(lang), Style.BOLD),
                            Line.BLANK, Line.of(Text.of("你的进度已保存。", "Your progress is saved.").in(lang)), Line.BLANK,
                            Line.of(Text.of("y 退出    n 或 Esc 继续", "y quit    n or Esc stay").in(lang), Style.KEY)));
        } else if (ui.help()) {
            List<Line> lines = new ArrayList<>();
            List<String> help = Keymap.help(lang);
            for (int i = 0; i < help.size(); i++) {
                lines.add(Line.of(help.get(i), i == 0 ? Style.BOLD : Style.NORMAL));
            }
            lines.add(Line.BLANK);
            lines.add(Line.of(Text
                    .of("标记：✓ 已通过  ! 通过后又出问题  * 可以做  - 未解锁", "Marks: ✓ passed  ! passed, broken now  * open  - locked")
                    .in(lang), Style.DIM));
            box(p, l, lines);
        } else if (ui.quiz().isPresent() && !s.current().quiz().isEmpty()) {
            List<Question> quiz = s.current().quiz();
            int i = Math.min(ui.quiz().get(), quiz.size() - 1);
            int inner = Math.min(l.width() - 8, 76);
            List<Line> lines = new ArrayList<>();
            lines.add(Line.of(
                    Text.of("小测验 " + (i + 1) + "/" + quiz.size(), "Quiz " + (i + 1) + "/" + quiz.size()).in(lang),
                    Style.BOLD));
            lines.addAll(LessonPane.quizQuestion(quiz.get(i), s.bindings(), i + 1,
                    s.record(s.current().id()).answers().get(quiz.get(i).id()), lang, inner));
            lines.add(Line.BLANK);
            lines.add(Line.of(
                    Text.of("按选项字母回答；左右方向键换题；Esc 关闭",
                            "Press a choice's letter; Left/Right for other questions; Esc closes").in(lang),
                    Style.DIM));
            box(p, l, lines);
        }
    }

    /** A help line's key column ("n / p  ") and its description. */
    private static final java.util.regex.Pattern KEY_COLUMN =
            java.util.regex.Pattern.compile("(\\S+(?: / \\S+)?\\s{2,})(\\S.*)");

    /** A framed box in the middle of the screen. */
    private static void box(Painter p, Layout l, List<Line> lines) {
        int inner = Math.min(l.width() - 8, Math.max(40, lines.stream().mapToInt(Line::width).max().orElse(40)));
        inner = Math.min(inner, 76);
        List<Line> wrapped = new ArrayList<>();
        for (Line line : lines) {
            if (line.width() <= inner) {
                wrapped.add(line);
            } else {
                Style st = line.spans().isEmpty() ? Style.NORMAL : line.spans().get(line.spans().size() - 1).style();
                java.util.regex.Matcher key = KEY_COLUMN.matcher(line.text());
                if (key.matches() && DisplayWidth.of(key.group(1)) <= 12) {
                    // "c      check ...": the description wraps under itself, not under the key
                    String col = key.group(1);
                    wrapped.addAll(Line.wrapped(col, " ".repeat(DisplayWidth.of(col)), st, key.group(2), st, inner));
                } else {
                    wrapped.addAll(Line.wrapped("", "", st, line.text(), st, inner));
                }
            }
        }
        int h = Math.min(wrapped.size() + 2, l.height() - 2);
        int w = inner + 4;
        int x = (l.width() - w) / 2;
        int y = Math.max(1, (l.height() - h) / 2);
        p.text(x, y, w, "+" + "-".repeat(w - 2) + "+", Style.BOLD);
        for (int i = 0; i < h - 2; i++) {
            p.text(x, y + 1 + i, 2, "| ", Style.BOLD);
            p.line(x + 2, y + 1 + i, inner, i < wrapped.size() ? wrapped.get(i) : Line.BLANK, Style.NORMAL);
            p.text(x + w - 2, y + 1 + i, 2, " |", Style.BOLD);
        }
        p.text(x, y + h - 1, w, "+" + "-".repeat(w - 2) + "+", Style.BOLD);
    }
}
