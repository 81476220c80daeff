package dev.labtutor.tui;

import dev.labtutor.view.DisplayWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * Word wrapping by terminal columns: Latin text breaks at spaces, CJK text between any two characters (a CJK character
 * takes two columns), never putting closing punctuation such as "，" or "）" at the start of a line; a word longer than
 * the width is cut. Leading spaces of a paragraph are kept on its continuation lines so commands and lists stay
 * indented.
 */
public final class Wrap {

    private static final String NO_LINE_START = "，。、；：？！）」』”’》〉】.,;:!?)]}%";
    private static final String NO_LINE_END = "（「『“‘《〈【([{";

    private Wrap() {
    }

    /**
     * Joins the hard line breaks of a YAML text block into paragraphs, so the text wraps to the pane instead of to the
     * author's editor: a line continues the paragraph before when it is indented exactly as that paragraph's text (not
     * at all, or, for a list item, to the item's text), is not blank and does not start a list item. Anything else (a
     * blank line, a list item, an indented line such as a command, which is kept as written) starts a new paragraph.
     * Chinese lines join without a space, except where a Chinese character meets a Latin word, number or path ({@code 把
     * /etc/selinux/config}), which the course spaces as Chinese technical writing does.
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

    /**
     * Ends a command line that goes on below, as the shell reads it: copied and pasted, the pieces are one command
     * again.
     */
    static final String CONTINUED = " \\";
    /**
     * Ends a piece of a line that had to be broken where the shell cannot continue it (inside quotes, a word, a
     * here-document).
     */
    static final String BROKEN = "\u21b5";

    /**
     * A shell command line cut into pieces that still paste as the same command: the first at most {@code width}
     * columns, the others at most {@code restWidth} (they go below the prompt, which takes room only on the first line)
     * and indented by two spaces. Each break is at a space outside quotes and the piece before it ends in
     * {@link #CONTINUED} (" \", the shell's own line continuation). A comment goes on as comment lines ("# ..."). Where
     * no such break exists the line is broken at the width and marked {@link #BROKEN}, visibly not a command.
     */
    public static List<String> command(String line, int width, int restWidth) {
        List<String> out = new ArrayList<>();
        List<Integer> breaks = shellBreaks(line);
        int start = 0;
        while (true) {
            String lead = out.isEmpty() ? "" : "  ";
            int avail = Math.max(8, out.isEmpty() ? width : restWidth) - lead.length();
            String rest = line.substring(start);
            if (DisplayWidth.of(rest) <= avail) {
                out.add(lead + rest);
                return out;
            }
            if (rest.startsWith("#")) {
                List<String> parts = lines(rest, avail - 2);
                for (int i = 0; i < parts.size(); i++) {
                    out.add(lead + (i == 0 ? "" : "# ") + parts.get(i).stripLeading());
                }
                return out;
            }
            int cut = -1;
            for (int b : breaks) {
                if (b > start
                        && DisplayWidth.of(line.substring(start, b).stripTrailing()) + CONTINUED.length() <= avail) {
                    cut = b;
                }
            }
            if (cut < 0) {
                List<String> hard = broken(rest, avail);
                out.add(lead + hard.get(0));
                out.addAll(hard.subList(1, hard.size()));
                return out;
            }
            out.add(lead + line.substring(start, cut).stripTrailing() + CONTINUED);
            start = cut;
            while (start < line.length() && line.charAt(start) == ' ') {
                start++;
            }
        }
    }

    /**
     * A line that no shell continuation may break (a line of a here-document, a word longer than the width) cut at
     * {@code width} columns, each piece but the last ending in {@link #BROKEN}.
     */
    public static List<String> broken(String line, int width) {
        int w = Math.max(4, width);
        List<String> out = new ArrayList<>();
        String rest = line;
        while (DisplayWidth.of(rest) > w) {
            String piece = DisplayWidth.take(rest, w - 1);
            out.add(piece + BROKEN);
            rest = rest.substring(piece.length());
        }
        out.add(rest);
        return out;
    }

    /** Indexes of the spaces where the shell would end a word: not quoted, not escaped, not in a comment. */
    private static List<Integer> shellBreaks(String line) {
        List<Integer> out = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                quote = c == '\'' ? 0 : quote;
            } else if (c == '\\') {
                i++;
            } else if (quote == '"') {
                quote = c == '"' ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '#' && (i == 0 || line.charAt(i - 1) == ' ')) {
                break; // the rest is a comment: a backslash in it would not continue the command
            } else if (c == ' ' && i > 0 && line.charAt(i - 1) != ' ') {
                out.add(i);
            }
        }
        return out;
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
