package dev.labtutor.keepalived;

import java.util.Locale;
import java.util.Optional;

/**
 * Which keepalived release's grammar the reader applies. {@link #V2_2} (keepalived 2.2, the course document's
 * openEuler and Rocky/Alma 9) is the default; {@link #V1_3_5} is CentOS 7's keepalived, which has no {@code -t}, no
 * {@code $VAR}, {@code ~SEQ} or {@code @ID} lines, stays silent about a missing {@code }} and refuses what 2.2 only
 * warns about (and the reverse). Where keepalived cannot test its own file ({@code keepalived -t} is missing in 1.3.5),
 * labtutor's reader under these rules is the only test the learner gets, so its diagnostics say which rules applied.
 */
public enum KeepalivedRules {
    V2_2, V1_3_5;

    /** The release as written on the command line and in messages: {@code 2.2}, {@code 1.3.5}. */
    public String version() {
        return name().substring(1).replace('_', '.');
    }

    /**
     * The rules for a detected or given keepalived version ({@code 1.3.5}, {@code 2.2.8}, {@code v1.3.5}): any 1.x
     * reads as 1.3.5 (the one 1.x release the course meets), anything else as 2.2. Empty for text that is not a
     * version.
     */
    public static Optional<KeepalivedRules> forVersion(String text) {
        String v = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("v")) {
            v = v.substring(1);
        }
        if (!v.matches("[0-9]+(\\.[0-9]+)*")) {
            return Optional.empty();
        }
        return Optional.of(v.startsWith("1.") || v.equals("1") ? V1_3_5 : V2_2);
    }

    /** "按 keepalived 1.3.5 的规则" / "keepalived 1.3.5 rules", for a diagnostic or verdict that names them. */
    public String zh() {
        return "按 keepalived " + version() + " 的规则";
    }

    public String en() {
        return "keepalived " + version() + " rules";
    }
}
