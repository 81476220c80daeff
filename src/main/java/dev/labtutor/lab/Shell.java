package dev.labtutor.lab;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Words for a POSIX shell: the one quoting that every command line and script labtutor builds for a remote or local
 * {@code sh} goes through, so that a value is never read as shell syntax.
 */
public final class Shell {

    /** Characters no POSIX shell gives a meaning to in an unquoted word. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:@%+=,~-]+");

    private Shell() {
    }

    /** {@code s} as one single-quoted sh word ({@code '} becomes {@code '\''}). */
    public static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    /**
     * {@code s} as one sh word for a person to read or copy: as it is when it needs no quoting, else {@link #quote}d.
     */
    public static String word(String s) {
        return PLAIN.matcher(s).matches() ? s : quote(s);
    }

    /** A command line: every word of {@code argv} {@link #quote}d, separated by spaces. */
    public static String command(List<String> argv) {
        StringBuilder command = new StringBuilder();
        for (String word : argv) {
            command.append(command.length() == 0 ? "" : " ").append(quote(word));
        }
        return command.toString();
    }
}
