package dev.labtutor.keepalived;

import dev.labtutor.i18n.Text;
import java.util.Objects;

/**
 * One finding about one configuration file. {@code code} is stable (tests and course checks match on it); {@code text}
 * explains it in the learner's terms.
 */
public record Diagnostic(String file, int line, String code, Severity severity, Text text) {
    public Diagnostic {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    /** {@code file:line: severity: [code] message}, the format of {@code labtutor keepalived check}. */
    public String format(dev.labtutor.i18n.Lang lang) {
        return file + ":" + line + ": " + severity.name().toLowerCase(java.util.Locale.ROOT) + ": [" + code + "] "
                + text.in(lang);
    }
}
