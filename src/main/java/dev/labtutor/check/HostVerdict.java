package dev.labtutor.check;

import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;

/**
 * The judgement of one check on one host. A check's {@link Verdict} sums these up; graders and the results pane show
 * them apart, so one host's ERROR never turns another host's PASS into ERROR.
 */
public record HostVerdict(String role, Status status, String cause, Text message, Optional<Text> hint,
        List<Evidence> evidence) {

    public HostVerdict {
        evidence = List.copyOf(evidence);
    }

    public boolean passed() {
        return status == Status.PASS;
    }
}
