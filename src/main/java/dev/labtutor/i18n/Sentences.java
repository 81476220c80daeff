package dev.labtutor.i18n;

import java.util.List;

/**
 * Joins findings into one message: {@code "; "} in English and {@code "；"} in Chinese between them. A finding may be a
 * whole sentence with its full stop (keepalived's diagnostics are); the stop before a separator is dropped, so a
 * message never reads {@code "BACKUP.; line 19"} or {@code "BACKUP。；第 19 行"}. The last finding keeps its own ending.
 */
public final class Sentences {

    private Sentences() {
    }

    public static Text join(List<Text> parts) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        for (Text t : parts) {
            append(zh, t.zh(), "；");
            append(en, t.en(), "; ");
        }
        return Text.of(zh.toString(), en.toString());
    }

    /** {@code a} and {@code b} joined by {@code sep}, without a full stop of {@code a} before it. */
    public static String join(String a, String b, String sep) {
        StringBuilder sb = new StringBuilder();
        append(sb, a, sep);
        append(sb, b, sep);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String part, String sep) {
        if (part.isEmpty()) {
            return;
        }
        if (sb.length() > 0) {
            int end = sb.length();
            while (end > 0 && (sb.charAt(end - 1) == ' ' || sb.charAt(end - 1) == '.' || sb.charAt(end - 1) == '。')) {
                end--;
            }
            sb.setLength(end);
            sb.append(sep);
        }
        sb.append(part);
    }
}
