package dev.labtutor.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line-level edits of keepalived.conf for fault injection; comments and layout are kept. */
final class KeepalivedConfEdit {

    private KeepalivedConfEdit() {
    }

    /**
     * Replaces the value of every line whose first word is {@code keyword} (keepalived keywords are case-sensitive, and
     * so is this). Lines in comments ({@code #} or {@code !}) are left alone.
     *
     * @throws IllegalArgumentException when no line has the keyword, so a fault never silently does nothing
     */
    static String set(String conf, String keyword, String value) {
        Pattern p = Pattern.compile("(?m)^([ \\t]*" + Pattern.quote(keyword) + "[ \\t]+)\\S+");
        Matcher m = p.matcher(conf);
        if (!m.find()) {
            throw new IllegalArgumentException("keepalived.conf has no '" + keyword + "' line to change");
        }
        return m.replaceAll(mr -> Matcher.quoteReplacement(mr.group(1) + value));
    }
}
