package dev.labtutor.check.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Line-level helpers shared by the parsers: splitting and the {@code labtutor:} tag lines. */
final class Lines {

    private Lines() {
    }

    /** Lines without their terminators; a final empty line from a trailing newline is dropped. */
    static List<String> of(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\r?\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The text after {@code tag + " "} on the first line that starts with it, or {@code tag} alone. */
    static Optional<String> tagValue(String text, String tag) {
        for (String line : of(text)) {
            if (line.equals(tag)) {
                return Optional.of("");
            }
            if (line.startsWith(tag + " ")) {
                return Optional.of(line.substring(tag.length() + 1));
            }
        }
        return Optional.empty();
    }

    static boolean hasLine(String text, String line) {
        return of(text).contains(line);
    }

    /** The first non-blank line, trimmed, or an empty string. */
    static String firstNonBlank(String text) {
        return of(text).stream().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
}
