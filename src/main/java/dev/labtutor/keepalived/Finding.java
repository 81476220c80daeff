package dev.labtutor.keepalived;

import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import java.util.Objects;

/** A disagreement between two hosts of one VRRP group or LVS director pair, naming both places. */
public record Finding(String code, Severity severity, String hostA, String fileA, int lineA, String hostB, String fileB,
        int lineB, Text text) {

    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(text, "text");
    }

    /** {@code hostA file:line <-> hostB file:line: severity: [code] message}. */
    public String format(Lang lang) {
        return hostA + " " + fileA + ":" + lineA + " <-> " + hostB + " " + fileB + ":" + lineB + ": "
                + severity.name().toLowerCase(java.util.Locale.ROOT) + ": [" + code + "] " + text.in(lang);
    }
}
