package dev.labtutor.progress;

import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;

/**
 * The last judgement of one check on one host, as remembered: status ({@code pass}, {@code fail}, {@code unreachable},
 * {@code error}), the stable cause code, what was seen, the hint for that cause, and the evidence lines.
 */
public record HostMark(String host, String status, String cause, Text message, Optional<Text> hint,
        List<String> evidence) {

    public HostMark {
        evidence = List.copyOf(evidence);
    }

    public boolean passed() {
        return "pass".equals(status);
    }
}
