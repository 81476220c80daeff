package dev.labtutor.tui;

import dev.labtutor.view.DisplayWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * Word wrapping by terminal columns: Latin text breaks at spaces, CJK text between any two
 * characters (a CJK character takes two columns), never putting closing punctuation such as
 * "，" or "）" at the start of a line; a word longer than the width is cut. Leading spaces of a
 * paragraph are kept on its continuation lines so commands and lists stay indented.
 */
public final class Wrap {

    private static final String NO_LINE_START = "，。、；：？！）」』”’》〉】.,;:!?)]}%";
    private static final String NO_LINE_END = "（「『“‘《〈【([{";

    private Wrap() {
    }

    /**
     * Joins the hard line breaks of a YAML text block into paragraphs, so the text wraps to the
     * pane instead of to the author's editor: a line continues the one before unless it is
     * blank, indented, or starts a list item. Chinese lines join without a space.
     */
    public static String reflow(String text) {
        StringBuilder sb = new StringBuilder();
        String prev = null;
        for (String line : text.split("\n", -1)) {
            boolean starts = line.isBlank() || line.startsWith(" ") || line.startsWith("\t") || LIST_ITEM.matcher(line).lookingAt();
            if (prev != null && !prev.isBlank() && !starts) {
                int last = prev.codePointBefore(prev.length());
                int first = line.codePointAt(0);
                sb.append(DisplayWidth.columns(last) == 2 || DisplayWidth.columns(first) == 2 ? "" : " ").append(line);
            } else {
                sb.append(prev == null ? "" : "\n").append(line);
            }
            prev = line;
        }
        return sb.toString();
    }

    private static final java.util.regex.Pattern LIST_ITEM = java.util.regex.Pattern.compile("([-*•]|\\d+[.)、])\\s");

    public static List<String> lines(String text, int width) {
        List<String> out = new ArrayList<>();
        for (String para : text.split("\n", -1)) {
            wrapParagraph(para.stripTrailing(), Math.max(2, width), out);
        }
        return out;
    }

    private static void wrapParagraph(String para, int width, List<String> out) {
        if (DisplayWidth.of(para) <= width) {
            out.add(para);
            return;
        }
        int lead = 0;
        while (lead < para.length() && para.charAt(lead) == ' ') {
            lead++;
        }
        String indent = " ".repeat(Math.min(lead, width / 2));
        int[] cps = para.codePoints().toArray();
        int start = 0;
        boolean first = true;
        while (start < cps.length) {
            String prefix = first ? "" : indent;
            int avail = width - DisplayWidth.of(prefix);
            int w = 0;
            int i = start;
            int lastBreak = -1;
            while (i < cps.length) {
                int c = DisplayWidth.columns(cps[i]);
                if (w + c > avail) {
                    break;
                }
                w += c;
                i++;
                if (i < cps.length && breakBetween(cps[i - 1], cps[i])) {
                    lastBreak = i;
                }
            }
            int end;
            if (i >= cps.length) {
                end = cps.length;
            } else if (lastBreak > start) {
                end = lastBreak;
            } else {
                end = Math.max(start + 1, i);
            }
            out.add(prefix + new String(cps, start, end - start).stripTrailing());
            start = end;
            while (start < cps.length && cps[start] == ' ') {
                start++;
            }
            first = false;
        }
    }

    /** May a line end between {@code a} and {@code b}? */
    private static boolean breakBetween(int a, int b) {
        if (NO_LINE_START.indexOf(b) >= 0 || NO_LINE_END.indexOf(a) >= 0) {
            return false;
        }
        if (a == ' ') {
            return b != ' ';
        }
        return DisplayWidth.columns(a) == 2 || DisplayWidth.columns(b) == 2;
    }
}
