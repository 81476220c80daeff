package dev.labtutor.check;

import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;

/**
 * The judgement of one check in a lesson: status, what was seen (message), what to do about it
 * (hint, chosen by the observed cause) and the evidence it judged.
 */
public record Verdict(String check, Text title, List<String> hosts, Status status, String cause,
                     Text message, Optional<Text> hint, List<Evidence> evidence) {

    public Verdict {
        hosts = List.copyOf(hosts);
        evidence = List.copyOf(evidence);
    }

    public boolean passed() {
        return status == Status.PASS;
    }
}
