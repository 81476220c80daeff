package dev.labtutor.i18n;

/**
 * Text that came from a host (a tool's output, a config line, a log line, an interface name) made harmless for the
 * place it is shown. A learner is root on their own VM and can make any tool print anything: terminal escape sequences
 * (clear the screen, set the window title, write the clipboard with OSC 52, move the cursor over labtutor's own lines),
 * carriage returns that overwrite a line, bidi overrides that show text in another order than it is, invisible
 * zero-width characters. {@link #terminal} is the one function every view applies to such text before it reaches a
 * terminal, the HTML report, the CSV or a JSON document: each of those characters is shown as a visible escape
 * ({@code \x1b}, <code>&#92;u{202E}</code>), so what was seen stays readable and nothing acts. A newline and a tab are
 * kept. The replacement character U+FFFD, which stands for invalid UTF-8 after decoding, is visible already and stays.
 *
 * <p>{@link #escaped} is the reversible form the evidence files keep: a backslash is doubled too, so the exact text
 * seen can be recovered and checked against its recorded hash.
 */
public final class SafeText {

    private SafeText() {
    }

    /** {@code s} with every character that could act on a terminal or hide text shown as a visible escape. */
    public static String terminal(String s) {
        if (s == null || s.isEmpty() || clean(s)) {
            return s;
        }
        return escape(s, false);
    }

    /**
     * As {@link #terminal}, and a backslash becomes {@code \\}, so the text is one to one with what was seen: undo
     * {@code \\}, {@code \xHH} and <code>&#92;u{XXXX}</code> and the original comes back.
     */
    public static String escaped(String s) {
        return escape(s, true);
    }

    /**
     * {@link #escaped} written to {@code out} as it goes, for output of megabytes: no string of the whole escaped text
     * (four characters for each NUL byte a host printed) is ever built.
     */
    public static void escaped(String s, Appendable out) throws java.io.IOException {
        StringBuilder sb = new StringBuilder(8192 + 16);
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            append(sb, cp, true);
            if (sb.length() >= 8192) {
                out.append(sb);
                sb.setLength(0);
            }
        }
        out.append(sb);
    }

    /** One pass, no formatting calls: a megabyte of NUL bytes from a host is escaped in milliseconds. */
    private static String escape(String s, boolean backslash) {
        StringBuilder sb = new StringBuilder(s.length() + 64);
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            append(sb, cp, backslash);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, int cp, boolean backslash) {
        if (backslash && cp == '\\') {
            sb.append("\\\\");
        } else if (unsafe(cp)) {
            visible(sb, cp);
        } else {
            sb.appendCodePoint(cp);
        }
    }

    /**
     * A code point that must not reach a terminal as it is: C0 controls other than newline and tab (ESC, CR, BEL, NUL,
     * backspace...), DEL, the C1 controls (U+0080-U+009F, which some terminals take as CSI), format characters (bidi
     * embeddings, overrides and isolates, the zero-width space, joiners, the byte order mark, soft hyphen, tag
     * characters), the line and paragraph separators, and a surrogate that is not half of a pair.
     */
    public static boolean unsafe(int cp) {
        if (cp == '\n' || cp == '\t') {
            return false;
        }
        if (cp < 0x20 || cp >= 0x7f && cp <= 0x9f) {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.SURROGATE || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    private static boolean clean(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && (Character.isSurrogate(c) || unsafe(c))) {
                return false;
            }
        }
        return true;
    }

    private static void visible(StringBuilder sb, int cp) {
        if (cp < 0x100) {
            sb.append("\\x").append(HEX.charAt(cp >> 4)).append(HEX.charAt(cp & 0xf));
        } else {
            sb.append("\\u{");
            String h = Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT);
            sb.append("0000", 0, Math.max(0, 4 - h.length())).append(h).append('}');
        }
    }

    private static final String HEX = "0123456789abcdef";
}
