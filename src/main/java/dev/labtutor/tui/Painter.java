package dev.labtutor.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalTextUtils;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import java.util.List;

/**
 * Puts styled lines on a lanterna screen, each cut to its width by terminal columns (a wide character that would
 * straddle the edge is left out; a cut line ends in "…", see {@link Line#fit}) and padded, so nothing spills into the
 * next pane. With {@code color} false (NO_COLOR), styles become bold, reverse or plain.
 */
final class Painter {

    private final TextGraphics g;
    private final boolean color;

    Painter(TextGraphics g, boolean color) {
        this.g = g;
        this.color = color;
    }

    /**
     * Blanks the whole screen. Each frame starts from it, so nothing of an earlier frame (a closed overlay, the
     * previous screen) stays where this one paints nothing; the screen's delta refresh still sends only what changed.
     */
    void clear() {
        apply(Style.NORMAL);
        g.fill(' ');
    }

    void line(int col, int row, int width, Line whole, Style fill) {
        Line line = whole.fit(width);
        int x = col;
        int end = col + width;
        for (Line.Span span : line.spans()) {
            apply(span.style());
            StringBuilder run = new StringBuilder();
            int runStart = x;
            for (int i = 0; i < span.text().length() && x < end;) {
                int cp = span.text().codePointAt(i);
                i += Character.charCount(cp);
                char c = printable(cp);
                int w = TerminalTextUtils.isCharDoubleWidth(c) ? 2 : 1;
                if (x + w > end) {
                    break;
                }
                run.append(c);
                x += w;
            }
            if (run.length() > 0) {
                g.putString(runStart, row, run.toString());
            }
            if (x >= end) {
                break;
            }
        }
        if (x < end) {
            apply(fill);
            g.putString(x, row, " ".repeat(end - x));
        }
    }

    void text(int col, int row, int width, String s, Style st) {
        line(col, row, width, Line.of(s, st), st);
    }

    void lines(int col, int row, int width, int height, List<Line> lines, int from, Style fill) {
        for (int i = 0; i < height; i++) {
            int at = from + i;
            line(col, row + i, width, at >= 0 && at < lines.size() ? lines.get(at) : Line.BLANK, fill);
        }
    }

    private static char printable(int cp) {
        if (cp == '\t') {
            return ' ';
        }
        if (cp > 0xFFFF || Character.isISOControl(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
            return '?';
        }
        return (char) cp;
    }

    private void apply(Style s) {
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.setBackgroundColor(TextColor.ANSI.DEFAULT);
        g.clearModifiers();
        switch (s) {
            case NORMAL -> {
            }
            case DIM -> fg(TextColor.ANSI.BLACK_BRIGHT, null);
            case BOLD, TITLE -> {
                g.enableModifiers(SGR.BOLD);
                fg(s == Style.TITLE ? TextColor.ANSI.CYAN_BRIGHT : null, null);
            }
            case HEADER, SELECTED, KEY -> g.enableModifiers(SGR.REVERSE);
            case CODE -> fg(TextColor.ANSI.CYAN, null);
            case HOST -> fg(TextColor.ANSI.BLUE_BRIGHT, null);
            case PASS, SUCCESS -> bold(TextColor.ANSI.GREEN_BRIGHT);
            case FAIL -> bold(TextColor.ANSI.RED_BRIGHT);
            case UNREACHABLE, WARNING -> bold(TextColor.ANSI.YELLOW_BRIGHT);
            case ERROR -> bold(TextColor.ANSI.MAGENTA_BRIGHT);
            case INFO -> fg(TextColor.ANSI.CYAN_BRIGHT, null);
            case LOCKED -> fg(TextColor.ANSI.BLACK_BRIGHT, null);
            case CELL_PASS -> cell(TextColor.ANSI.BLACK, TextColor.ANSI.GREEN);
            case CELL_PARTIAL -> cell(TextColor.ANSI.BLACK, TextColor.ANSI.YELLOW);
            case CELL_FAIL -> cell(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.RED);
            case CELL_UNREACHABLE -> cell(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.BLACK_BRIGHT);
            case CELL_ERROR -> cell(TextColor.ANSI.WHITE_BRIGHT, TextColor.ANSI.MAGENTA);
        }
    }

    /** A coloured block; reverse video without colour. */
    private void cell(TextColor fg, TextColor bg) {
        if (color) {
            fg(fg, bg);
        } else {
            g.enableModifiers(SGR.REVERSE);
        }
    }

    private void bold(TextColor c) {
        g.enableModifiers(SGR.BOLD);
        fg(c, null);
    }

    private void fg(TextColor c, TextColor bg) {
        if (color && c != null) {
            g.setForegroundColor(c);
        }
        if (color && bg != null) {
            g.setBackgroundColor(bg);
        }
    }
}
