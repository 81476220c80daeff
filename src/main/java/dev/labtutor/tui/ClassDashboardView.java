package dev.labtutor.tui;

import dev.labtutor.course.Lesson;
import dev.labtutor.grading.ClassGrades;
import dev.labtutor.grading.LessonGrade;
import dev.labtutor.grading.StudentGrade;
import dev.labtutor.i18n.Lang;
import dev.labtutor.view.DisplayWidth;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The class dashboard's screen, as rows of styled text computed from the state alone (so a frame can be compared with
 * the last one drawn, and tested without a terminal): a title bar, the round's progress, the gradebook note, the lesson
 * legend when lessons are numbered, the table (students by lessons, each cell PASS, points/maximum, FAIL, UNRCH or
 * ERROR) and the key line with the count of each kind of cell.
 */
final class ClassDashboardView {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ClassDashboardView() {
    }

    /** Exactly {@code height} rows, each at most {@code width} columns. */
    static List<Line> rows(ClassDashboardState s, int width, int height, Lang lang) {
        ClassGrades g = s.last();
        List<Line> out = new ArrayList<>();
        out.add(bar(" ", "labtutor grade · " + g.course().title().in(lang) + " · " + g.students().size() + " students",
                width));
        out.add(plain(progress(s), width));
        out.add(plain(dev.labtutor.i18n.SafeText.terminal(s.note()), width));

        int idW = Math.max(2, g.students().stream().mapToInt(x -> DisplayWidth.of(x.student().id())).max().orElse(2));
        int nameW = Math.min(20,
                Math.max(4, g.students().stream().mapToInt(x -> DisplayWidth.of(x.student().name())).max().orElse(4)));
        Columns cols = Columns.of(g, width, 1 + idW + 2 + nameW + 2, s.lessonScroll());
        if (cols.numbered()) {
            StringBuilder legend = new StringBuilder();
            for (Lesson l : cols.shown()) {
                String item = cols.label(l) + " " + l.id();
                if (legend.length() > 0 && DisplayWidth.of(legend + "  " + item) > width - 2) {
                    out.add(Line.of(" " + legend));
                    legend.setLength(0);
                }
                legend.append(legend.length() > 0 ? "  " : "").append(item);
            }
            out.add(plain(legend.toString(), width));
        }
        while (out.size() < 4) {
            out.add(Line.BLANK);
        }
        StringBuilder header = new StringBuilder(" " + DisplayWidth.pad("id", idW) + "  "
                + DisplayWidth.pad(lang == Lang.ZH ? "姓名" : "name", nameW) + "  ");
        for (Lesson l : cols.shown()) {
            header.append(DisplayWidth.pad(DisplayWidth.fit(cols.label(l), cols.cellW() - 1), cols.cellW()));
        }
        header.append(lang == Lang.ZH ? "总分" : "total");
        out.add(Line.of(header.toString(), Style.BOLD));
        int first = Math.min(s.scroll(), Math.max(0, g.students().size() - 1));
        int visible = Math.max(0, height - out.size() - 2);
        for (int i = first; i < g.students().size() && i < first + visible; i++) {
            StudentGrade st = g.students().get(i);
            Line row = Line.of(" " + DisplayWidth.pad(st.student().id(), idW) + "  "
                    + DisplayWidth.pad(DisplayWidth.fit(st.student().name(), nameW), nameW) + "  ");
            for (LessonGrade l : st.lessons().subList(cols.from(), cols.from() + cols.shown().size())) {
                row = row.plus(DisplayWidth.pad(" " + cellText(l), cols.cellW() - 1), cellStyle(l.cell())).plus(" ",
                        Style.NORMAL);
            }
            out.add(row.plus(totalText(st), Style.NORMAL));
        }
        while (out.size() < height - 1) {
            out.add(Line.BLANK);
        }
        Map<LessonGrade.Cell, Integer> counts = new EnumMap<>(LessonGrade.Cell.class);
        g.students().forEach(x -> x.lessons().forEach(l -> counts.merge(l.cell(), 1, Integer::sum)));
        StringBuilder foot = new StringBuilder(" q quit · r re-grade now · ↑↓ PgUp PgDn scroll · ");
        if (cols.shown().size() < g.lessons().size()) {
            foot.append("←→ lessons ").append(cols.from() + 1).append('-').append(cols.from() + cols.shown().size())
                    .append(" of ").append(g.lessons().size()).append(" · ");
        }
        counts.forEach((c, n) -> foot.append(n).append(' ').append(c == LessonGrade.Cell.PARTIAL ? "partial" : c.name())
                .append("  "));
        out.add(bar("", foot.toString(), width));
        return out.subList(0, Math.min(out.size(), height));
    }

    /** Paints the rows from the top of the screen. */
    static void draw(Painter p, List<Line> rows, int width) {
        p.clear();
        for (int r = 0; r < rows.size(); r++) {
            List<Line.Span> spans = rows.get(r).spans();
            p.line(0, r, width, rows.get(r), spans.isEmpty() ? Style.NORMAL : spans.get(spans.size() - 1).style());
        }
    }

    private static String progress(ClassDashboardState s) {
        ClassGrades g = s.last();
        return s.running()
                .map(r -> String.format(Locale.ROOT, "grading… %d/%d students · %d unreachable · %.1f s", r.done(),
                        r.total(), r.unreachable(), (s.now() - r.started()) / 1e9))
                .orElseGet(() -> String.format(Locale.ROOT, "last round %s, %.1f s · next in %d s",
                        LocalTime.ofInstant(g.finished(), ZoneId.systemDefault()).format(CLOCK),
                        g.elapsed().toMillis() / 1000.0, Math.max(0, (s.nextRound() - s.now()) / 1_000_000_000L)));
    }

    /** A line of text one column in from the left, cut to leave the last column free. */
    private static Line plain(String text, int width) {
        return width <= 2 ? Line.BLANK : Line.of(" " + DisplayWidth.fit(text, width - 2));
    }

    private static Line bar(String lead, String text, int width) {
        int room = width - DisplayWidth.of(lead) - (lead.isEmpty() ? 0 : 1);
        return Line.of(lead, Style.HEADER).plus(room <= 1 ? "" : DisplayWidth.fit(text, room), Style.HEADER);
    }

    static String totalText(StudentGrade s) {
        return s.graded() ? s.total() + "/" + s.maximum() + "  " + s.percentText() + "%" : "NOT GRADED";
    }

    private static String cellText(LessonGrade l) {
        return switch (l.cell()) {
            case PARTIAL -> l.score() + "/" + l.maximum();
            case UNREACHABLE -> "UNRCH";
            default -> l.cell().name();
        };
    }

    private static Style cellStyle(LessonGrade.Cell c) {
        return switch (c) {
            case PASS -> Style.CELL_PASS;
            case PARTIAL -> Style.CELL_PARTIAL;
            case FAIL -> Style.CELL_FAIL;
            case UNREACHABLE -> Style.CELL_UNREACHABLE;
            case ERROR -> Style.CELL_ERROR;
        };
    }

    /**
     * The lesson columns that fit beside the id, the name and the total (which always shows): each lesson under its id
     * when all fit so, else under its course number ({@code #9}, with a legend), in cells just wide enough for a
     * verdict; lessons beyond the width scroll with ←→.
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
}
