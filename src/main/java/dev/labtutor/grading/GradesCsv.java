package dev.labtutor.grading;

import dev.labtutor.i18n.Lang;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code grades.csv}: one header row, then one row per student (id, name, one column per lesson headed {@code LESSON
 * (max N)}, total, maximum, percent, unreachable hosts, error hosts, a short remark), RFC 4180 quoting and CRLF line
 * ends, written by {@link Gradebook} as UTF-8 with a byte order mark so Excel shows Chinese names. The maxima live in
 * the header, so every row below it is a student and an LMS import maps columns as usual. A lesson nothing could be
 * judged in says so instead of a silent 0; a student none of whose hosts could be judged has no total and no percent
 * (empty cells, "NOT GRADED" in the remark), never a 0. Text cells that a spreadsheet would take for a formula get a
 * leading apostrophe.
 */
public final class GradesCsv {

    private GradesCsv() {
    }

    public static String render(ClassGrades g, Lang lang) {
        StringBuilder sb = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("id", "name"));
        g.lessons().forEach(l -> header.add(l.id() + " (max " + g.maximum(l) + ")"));
        header.addAll(List.of("total", "maximum", "percent", "unreachable hosts", "error hosts", "remarks"));
        row(sb, header);
        for (StudentGrade s : g.students()) {
            List<String> cells = new ArrayList<>(List.of(text(s.student().id()), text(s.student().name())));
            for (LessonGrade l : s.lessons()) {
                LessonGrade.Cell c = l.cell();
                cells.add(c == LessonGrade.Cell.UNREACHABLE || c == LessonGrade.Cell.ERROR ? c.name()
                        : Integer.toString(l.score()));
            }
            cells.add(s.graded() ? Integer.toString(s.total()) : "");
            cells.add(Integer.toString(s.maximum()));
            cells.add(s.graded() ? s.percentText() : "");
            cells.add(text(String.join(" ", s.unreachableHosts())));
            cells.add(text(String.join(" ", s.errorHosts())));
            cells.add(text(s.remarks(lang)));
            row(sb, cells);
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(cells.get(i)));
        }
        sb.append("\r\n");
    }

    /** Quotes a field when it holds a comma, quote, line break or leading/trailing space. */
    static String quote(String s) {
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || (!s.isEmpty()
                        && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1))));
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /**
     * A text cell: what a host printed is made visible ({@link dev.labtutor.i18n.SafeText}: no control or bidi
     * character reaches the spreadsheet), and a cell that starts like a formula ({@code = + - @}, also after leading
     * blanks, also their full-width forms, or a tab) is prefixed with ' so it stays text.
     */
    static String text(String raw) {
        String s = dev.labtutor.i18n.SafeText.terminal(raw);
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean formula = i < s.length() && "=+-@\uFF1D\uFF0B\uFF0D\uFF20".indexOf(s.charAt(i)) >= 0;
        return formula || !s.isEmpty() && s.charAt(0) == '\t' ? "'" + s : s;
    }
}
