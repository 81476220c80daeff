package dev.labtutor.tui;

import dev.labtutor.view.DisplayWidth;
import java.util.ArrayList;
import java.util.List;

/** One screen line as styled spans. */
public record Line(List<Span> spans) {

    /** A run of text in one style. */
    public record Span(String text, Style style) {
    }

    public Line {
        spans = List.copyOf(spans);
    }

    public static final Line BLANK = new Line(List.of());

    public static Line of(String text, Style style) {
        return new Line(List.of(new Span(text, style)));
    }

    public static Line of(String text) {
        return of(text, Style.NORMAL);
    }

    public Line plus(String text, Style style) {
        List<Span> s = new ArrayList<>(spans);
        s.add(new Span(text, style));
        return new Line(s);
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        spans.forEach(s -> sb.append(s.text()));
        return sb.toString();
    }

    public int width() {
        return DisplayWidth.of(text());
    }

    /**
     * This line cut to at most {@code width} columns. When anything but trailing blanks does not fit, the last column
     * shows "…" in the style of the text it replaces, so a cut line never passes for the whole text.
     */
    public Line fit(int width) {
        if (DisplayWidth.of(text().stripTrailing()) <= width) {
            return this;
        }
        List<Span> out = new ArrayList<>();
        int room = width - 1;
        Style last = spans.isEmpty() ? Style.NORMAL : spans.get(0).style();
        for (Span s : spans) {
            int w = DisplayWidth.of(s.text());
            last = s.style();
            if (w <= room) {
                out.add(s);
                room -= w;
                continue;
            }
            String part = DisplayWidth.take(s.text(), room);
            if (!part.isEmpty()) {
                out.add(new Span(part, s.style()));
            }
            break;
        }
        if (width > 0) {
            out.add(new Span(DisplayWidth.ELLIPSIS, last));
        }
        return new Line(out);
    }

    /**
     * Wraps {@code text} to {@code width} columns (see {@link Wrap}); the first line starts with {@code first}, the
     * others with {@code rest} (both in {@code prefixStyle}).
     */
    public static List<Line> wrapped(String first, String rest, Style prefixStyle, String text, Style style,
            int width) {
        List<Line> out = new ArrayList<>();
        int avail = Math.max(4, width - Math.max(DisplayWidth.of(first), DisplayWidth.of(rest)));
        List<String> parts = Wrap.lines(text, avail);
        for (int i = 0; i < parts.size(); i++) {
            out.add(new Line(List.of(new Span(i == 0 ? first : rest, prefixStyle), new Span(parts.get(i), style))));
        }
        return out;
    }
}
