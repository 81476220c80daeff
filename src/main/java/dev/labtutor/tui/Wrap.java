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
     * pane instead of to the author's editor: a line continues the paragraph before when it is
     * indented exactly as that paragraph's text (not at all, or, for a list item, to the item's
     * text), is not blank and does not start a list item. Anything else (a blank line, a list
     * item, an indented line such as a command, which is kept as written) starts a new
     * paragraph. Chinese lines join without a space, except where a Chinese character meets a
     * Latin word, number or path ({@code 把 /etc/selinux/config}), which the course spaces as
     * Chinese technical writing does.
     */
    public static String reflow(String text) {
        StringBuilder sb = new StringBuilder();
        String prev = null;
        int textColumn = -1;
        for (String line : text.split("\n", -1)) {
            int lead = 0;
            while (lead < line.length() && line.charAt(lead) == ' ') {
                lead++;
            }
            String body = line.substring(lead);
            java.util.regex.Matcher item = LIST_ITEM.matcher(body);
            boolean isItem = item.lookingAt();
            boolean continues = prev != null && !prev.isBlank() && !line.isBlank() && !isItem && !body.startsWith("\t")
                    && lead == textColumn;
            if (continues) {
                int last = sb.codePointBefore(sb.length());
                int first = body.codePointAt(0);
                sb.append(joinsWithSpace(last, first) ? " " : "").append(body);
            } else {
                sb.append(prev == null ? "" : "\n").append(line);
                // an indented line that is no list item is preformatted (a command): nothing joins it
                textColumn = line.isBlank() ? -1 : isItem ? lead + item.end() : lead == 0 ? 0 : -1;
            }
            prev = line;
        }
        return sb.toString();
    }

    /** Does a paragraph's line ending in {@code last} continue with a space before {@code first}? */
    private static boolean joinsWithSpace(int last, int first) {
        boolean wideLast = DisplayWidth.columns(last) == 2;
        boolean wideFirst = DisplayWidth.columns(first) == 2;
        if (!wideLast && !wideFirst) {
            return true;
        }
        return wideLast && Character.isIdeographic(last) && latinStart(first)
                || wideFirst && Character.isIdeographic(first) && latinEnd(last);
    }

    private static boolean latinStart(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "/$~<`'\"".indexOf(c) >= 0);
    }

    private static boolean latinEnd(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "/>`'\")]}%".indexOf(c) >= 0);
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
