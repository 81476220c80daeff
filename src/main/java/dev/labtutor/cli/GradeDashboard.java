package dev.labtutor.cli;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import dev.labtutor.course.Lesson;
import dev.labtutor.grading.ClassGrades;
import dev.labtutor.grading.Grader;
import dev.labtutor.grading.HostRecord;
import dev.labtutor.grading.LessonGrade;
import dev.labtutor.grading.Student;
import dev.labtutor.grading.StudentGrade;
import dev.labtutor.i18n.Lang;
import dev.labtutor.view.DisplayWidth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code grade --watch}: a full-screen class dashboard for the lab session. Students by lessons,
 * each cell PASS, partial (points/maximum), FAIL, UNREACHABLE or ERROR; a new round every interval
 * (or on {@code r}) runs off the UI thread, and each finished round rewrites the gradebook, so
 * {@code q} leaves the last complete one. The screen shows the running round's progress and never
 * blocks on the network.
 */
final class GradeDashboard {

    /** Runs one grading round, reporting progress to the listener. */
    @FunctionalInterface
    interface Rounds {
        ClassGrades run(Grader.Listener listener) throws InterruptedException;
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** What the screen shows; guarded by its own lock, written by the round thread. */
    static final class State {
        private ClassGrades last;
        private boolean running;
        private int done;
        private int total;
        private int unreachable;
        private long roundStart;
        private long nextRound;
        private String note = "";
        private int scroll;
        /** The first lesson column shown when the lessons are wider than the screen. */
        private int lessonScroll;
        private boolean refreshNow;
        private boolean stop;

        State(ClassGrades first, long nextRound) {
            this.last = first;
            this.nextRound = nextRound;
        }

        synchronized ClassGrades last() {
            return last;
        }
    }

    private GradeDashboard() {
    }

    /** Takes over the terminal until {@code q}; returns the last finished round. */
    static ClassGrades runOnTerminal(ClassGrades first, Rounds rounds, Consumer<ClassGrades> written, Path dir,
                                     Duration interval, Lang lang) throws IOException {
        Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true).createTerminal();
        try (Screen screen = new TerminalScreen(terminal)) {
            return run(screen, first, rounds, written, dir, interval, lang);
        }
    }

    /** The dashboard loop on any screen (a virtual terminal in tests). */
    static ClassGrades run(Screen screen, ClassGrades first, Rounds rounds, Consumer<ClassGrades> written, Path dir,
                           Duration interval, Lang lang) throws IOException {
        State state = new State(first, System.nanoTime() + interval.toNanos());
        state.note = "gradebook: " + dir.toAbsolutePath().normalize();
        Thread worker = new Thread(() -> roundLoop(state, rounds, written, dir, interval), "labtutor-grade-watch");
        worker.setDaemon(true);
        screen.startScreen();
        screen.setCursorPosition(null);
        worker.start();
        try {
            while (true) {
                KeyStroke k = screen.pollInput();
                if (k != null) {
                    if (quits(k)) {
                        break;
                    }
                    keys(state, k, screen);
                }
                screen.doResizeIfNecessary();
                screen.clear();
                draw(screen.newTextGraphics(), screen.getTerminalSize(), state, lang);
                screen.refresh();
                sleep(k == null ? 100 : 10);
            }
        } finally {
            synchronized (state) {
                state.stop = true;
                state.notifyAll();
            }
            worker.interrupt();
            screen.stopScreen();
            join(worker);
        }
        return state.last();
    }

    private static boolean quits(KeyStroke k) {
        return k.getKeyType() == KeyType.EOF || k.getKeyType() == KeyType.Escape
                || (k.getKeyType() == KeyType.Character && (k.getCharacter() == 'q' || k.getCharacter() == 'Q')
                && !k.isCtrlDown());
    }

    static void keys(State state, KeyStroke k, Screen screen) throws IOException {
        synchronized (state) {
            switch (k.getKeyType()) {
                case ArrowDown -> state.scroll++;
                case ArrowUp -> state.scroll = Math.max(0, state.scroll - 1);
                case PageDown -> state.scroll += 10;
                case PageUp -> state.scroll = Math.max(0, state.scroll - 10);
                case Home -> state.scroll = 0;
                case ArrowRight -> state.lessonScroll = Math.min(state.lessonScroll + 1, Math.max(0, state.last.lessons().size() - 1));
                case ArrowLeft -> state.lessonScroll = Math.max(0, state.lessonScroll - 1);
                case Character -> {
                    if (k.getCharacter() == 'r') {
                        state.refreshNow = true;
                        state.notifyAll();
                    } else if (k.getCharacter() == 'l' && k.isCtrlDown()) {
                        screen.refresh(Screen.RefreshType.COMPLETE);
                    }
                }
                default -> {
                }
            }
        }
    }

    private static void roundLoop(State state, Rounds rounds, Consumer<ClassGrades> written, Path dir, Duration interval) {
        while (true) {
            synchronized (state) {
                try {
                    while (!state.stop && !state.refreshNow && System.nanoTime() < state.nextRound) {
                        state.wait(Math.max(1, (state.nextRound - System.nanoTime()) / 1_000_000));
                    }
                } catch (InterruptedException e) {
                    return;
                }
                if (state.stop) {
                    return;
                }
                state.refreshNow = false;
                state.running = true;
                state.done = 0;
                state.unreachable = 0;
                state.total = state.last.students().size();
                state.roundStart = System.nanoTime();
            }
            ClassGrades g;
            try {
                g = rounds.run(new Grader.Listener() {
                    @Override
                    public void hostDone(Student student, HostRecord host) {
                        if (host.state() == HostRecord.State.UNREACHABLE) {
                            synchronized (state) {
                                state.unreachable++;
                            }
                        }
                    }

                    @Override
                    public void studentDone(StudentGrade grade) {
                        synchronized (state) {
                            state.done++;
                        }
                    }
                });
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                synchronized (state) {
                    state.running = false;
                    state.note = "round failed: " + e.getMessage();
                    state.nextRound = System.nanoTime() + interval.toNanos();
                }
                continue;
            }
            String note;
            try {
                written.accept(g);
                note = "gradebook: " + dir.toAbsolutePath().normalize() + " (written " + LocalTime.now().format(CLOCK) + ")";
            } catch (RuntimeException e) {
                note = "could not write the gradebook: " + e.getMessage();
            }
            synchronized (state) {
                state.last = g;
                state.running = false;
                state.note = note;
                state.nextRound = System.nanoTime() + interval.toNanos();
            }
        }
    }

    /** Draws the whole screen from the state; nothing here waits or decides. */
    static void draw(TextGraphics tg, TerminalSize size, State state, Lang lang) {
        ClassGrades g;
        boolean running;
        String progress;
        String note;
        int scroll;
        int lessonScroll;
        synchronized (state) {
            g = state.last;
            running = state.running;
            long now = System.nanoTime();
            progress = running
                    ? String.format(Locale.ROOT, "grading… %d/%d students · %d unreachable · %.1f s", state.done, state.total,
                    state.unreachable, (now - state.roundStart) / 1e9)
                    : String.format(Locale.ROOT, "last round %s, %.1f s · next in %d s", LocalTime.ofInstant(g.finished(),
                    ZoneId.systemDefault()).format(CLOCK), g.elapsed().toMillis() / 1000.0,
                    Math.max(0, (state.nextRound - now) / 1_000_000_000L));
            note = state.note;
            scroll = state.scroll;
            lessonScroll = state.lessonScroll;
        }
        int w = size.getColumns();
        int h = size.getRows();
        tg.setBackgroundColor(TextColor.ANSI.BLUE);
        tg.setForegroundColor(TextColor.ANSI.WHITE_BRIGHT);
        tg.fillRectangle(new com.googlecode.lanterna.TerminalPosition(0, 0), new TerminalSize(w, 1), ' ');
        tg.putString(1, 0, fit("labtutor grade · " + g.course().title().in(lang) + " · " + g.students().size() + " students", w - 2),
                SGR.BOLD);
        tg.setBackgroundColor(TextColor.ANSI.DEFAULT);
        tg.setForegroundColor(TextColor.ANSI.DEFAULT);
        tg.putString(1, 1, fit(progress, w - 2));
        tg.putString(1, 2, fit(dev.labtutor.view.SafeText.terminal(note), w - 2));

        int idW = Math.max(2, g.students().stream().mapToInt(s -> DisplayWidth.of(s.student().id())).max().orElse(2));
        int nameW = Math.min(20, Math.max(4, g.students().stream().mapToInt(s -> DisplayWidth.of(s.student().name())).max().orElse(4)));
        Columns cols = Columns.of(g, w, 1 + idW + 2 + nameW + 2, lessonScroll);
        int row = 3;
        if (cols.numbered()) {
            StringBuilder legend = new StringBuilder();
            for (Lesson l : cols.shown()) {
                String item = cols.label(l) + " " + l.id();
                if (legend.length() > 0 && DisplayWidth.of(legend + "  " + item) > w - 2) {
                    tg.putString(1, row++, legend.toString());
                    legend.setLength(0);
                }
                legend.append(legend.length() > 0 ? "  " : "").append(item);
            }
            tg.putString(1, row++, fit(legend.toString(), w - 2));
        }
        row = Math.max(4, row);
        StringBuilder header = new StringBuilder(" " + DisplayWidth.pad("id", idW) + "  " + DisplayWidth.pad(lang == Lang.ZH ? "姓名" : "name", nameW) + "  ");
        for (Lesson l : cols.shown()) {
            header.append(pad(fit(cols.label(l), cols.cellW() - 1), cols.cellW()));
        }
        header.append(lang == Lang.ZH ? "总分" : "total");
        tg.putString(0, row++, fit(header.toString(), w), SGR.BOLD);
        int first = Math.min(scroll, Math.max(0, g.students().size() - 1));
        int visible = Math.max(0, h - row - 2);
        for (int i = first; i < g.students().size() && i < first + visible; i++) {
            StudentGrade s = g.students().get(i);
            int col = 1;
            tg.putString(col, row, DisplayWidth.pad(s.student().id(), idW));
            col += idW + 2;
            tg.putString(col, row, DisplayWidth.pad(fitWidth(s.student().name(), nameW), nameW));
            col += nameW + 2;
            for (LessonGrade l : s.lessons().subList(cols.from(), cols.from() + cols.shown().size())) {
                cell(tg, col, row, cols.cellW() - 1, l);
                col += cols.cellW();
            }
            tg.putString(col, row, totalText(s));
            row++;
        }
        Map<LessonGrade.Cell, Integer> counts = new EnumMap<>(LessonGrade.Cell.class);
        g.students().forEach(s -> s.lessons().forEach(l -> counts.merge(l.cell(), 1, Integer::sum)));
        StringBuilder foot = new StringBuilder(" q quit · r re-grade now · ↑↓ PgUp PgDn scroll · ");
        if (cols.shown().size() < g.lessons().size()) {
            foot.append("←→ lessons ").append(cols.from() + 1).append('-').append(cols.from() + cols.shown().size()).append(" of ")
                    .append(g.lessons().size()).append(" · ");
        }
        counts.forEach((c, n) -> foot.append(n).append(' ').append(label(c)).append("  "));
        tg.setBackgroundColor(TextColor.ANSI.BLUE);
        tg.setForegroundColor(TextColor.ANSI.WHITE_BRIGHT);
        tg.fillRectangle(new com.googlecode.lanterna.TerminalPosition(0, h - 1), new TerminalSize(w, 1), ' ');
        tg.putString(0, h - 1, fit(foot.toString(), w));
        tg.setBackgroundColor(TextColor.ANSI.DEFAULT);
        tg.setForegroundColor(TextColor.ANSI.DEFAULT);
    }

    private static String totalText(StudentGrade s) {
        return s.graded() ? s.total() + "/" + s.maximum() + "  " + s.percentText() + "%" : "NOT GRADED";
    }

    /**
     * The lesson columns that fit beside the id, the name and the total (which always shows):
     * each lesson under its id when all fit so, else under its course number ({@code #9}, with a
     * legend), in cells just wide enough for a verdict; lessons beyond the width scroll with ←→.
     *
     * @param from first lesson shown (of the graded ones)
     */
    record Columns(List<Lesson> shown, int from, int cellW, boolean numbered, List<Lesson> course) {

        /** Room for " UNRCH", " ERROR" or " 12/15" and a gap. */
        static final int NARROW = 8;

        static Columns of(ClassGrades g, int width, int before, int scroll) {
            int totalW = Math.max(5, g.students().stream().mapToInt(s -> totalText(s).length()).max().orElse(5));
            int room = Math.max(0, width - before - totalW - 1);
            int n = g.lessons().size();
            int natural = Math.max(7, g.lessons().stream().mapToInt(l -> DisplayWidth.of(l.id())).max().orElse(7)) + 1;
            boolean numbered = n * natural > room;
            int cellW = numbered ? NARROW : natural;
            int fits = Math.max(Math.min(n, 1), Math.min(n, room / cellW));
            int from = Math.max(0, Math.min(scroll, n - fits));
            return new Columns(g.lessons().subList(from, from + fits), from, cellW, numbered, g.course().lessons());
        }

        String label(Lesson l) {
            return numbered ? "#" + (course.indexOf(l) + 1) : l.id();
        }
    }

    private static void cell(TextGraphics tg, int col, int row, int width, LessonGrade l) {
        TextColor bg = switch (l.cell()) {
            case PASS -> TextColor.ANSI.GREEN;
            case PARTIAL -> TextColor.ANSI.YELLOW;
            case FAIL -> TextColor.ANSI.RED;
            case UNREACHABLE -> TextColor.ANSI.BLACK_BRIGHT;
            case ERROR -> TextColor.ANSI.MAGENTA;
        };
        String text = switch (l.cell()) {
            case PARTIAL -> l.score() + "/" + l.maximum();
            case UNREACHABLE -> "UNRCH";
            default -> l.cell().name();
        };
        tg.setBackgroundColor(bg);
        tg.setForegroundColor(l.cell() == LessonGrade.Cell.PARTIAL || l.cell() == LessonGrade.Cell.PASS
                ? TextColor.ANSI.BLACK : TextColor.ANSI.WHITE_BRIGHT);
        tg.putString(col, row, pad(" " + text, width));
        tg.setBackgroundColor(TextColor.ANSI.DEFAULT);
        tg.setForegroundColor(TextColor.ANSI.DEFAULT);
    }

    private static String label(LessonGrade.Cell c) {
        return c == LessonGrade.Cell.PARTIAL ? "partial" : c.name();
    }

    private static String pad(String s, int width) {
        return DisplayWidth.pad(s, width);
    }

    /** Cuts a string to at most {@code width} columns (CJK counts two). */
    static String fitWidth(String s, int width) {
        if (DisplayWidth.of(s) <= width) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        int used = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = DisplayWidth.columns(cp);
            if (used + cw > width - 1) {
                break;
            }
            sb.appendCodePoint(cp);
            used += cw;
            i += Character.charCount(cp);
        }
        return sb.append('…').toString();
    }

    private static String fit(String s, int width) {
        return width <= 1 ? "" : fitWidth(s, width);
    }

    /**
     * Waits for the round thread to end, so nothing is written after the dashboard has returned.
     * An interrupted round writes nothing, and a write cut short leaves the previous gradebook whole.
     */
    private static void join(Thread worker) {
        try {
            worker.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
