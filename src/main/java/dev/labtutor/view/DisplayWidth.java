package dev.labtutor.view;

/**
 * Terminal column width of text: East Asian wide and fullwidth characters take two columns, combining marks none.
 * Enough for aligning Chinese and English in one table.
 */
public final class DisplayWidth {

    private DisplayWidth() {
    }

    public static int of(String s) {
        int w = 0;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += columns(cp);
        }
        return w;
    }

    public static int columns(int cp) {
        if (cp == 0 || Character.getType(cp) == Character.NON_SPACING_MARK
                || Character.getType(cp) == Character.ENCLOSING_MARK || cp == 0x200B) {
            return 0;
        }
        if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
                || (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F)
                || (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
            return 2;
        }
        return 1;
    }

    /** Pads {@code s} with spaces to {@code width} columns. */
    public static String pad(String s, int width) {
        int w = of(s);
        return w >= width ? s : s + " ".repeat(width - w);
    }

    /** The mark that ends text cut to fit; one column wide. */
    public static final String ELLIPSIS = "\u2026";

    /**
     * {@code s} cut to at most {@code width} columns, ending in "…" when cut (so a cut never passes for the whole
     * text).
     */
    public static String fit(String s, int width) {
        if (of(s) <= width) {
            return s;
        }
        if (width <= 0) {
            return "";
        }
        return take(s, width - 1) + ELLIPSIS;
    }

    /**
     * The longest start of {@code s} at most {@code width} columns wide (a wide character that would straddle the edge
     * is left out).
     */
    public static String take(String s, int width) {
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            int c = columns(cp);
            if (w + c > width) {
                break;
            }
            sb.appendCodePoint(cp);
            w += c;
            i += Character.charCount(cp);
        }
        return sb.toString();
    }
}
