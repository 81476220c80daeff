package dev.labtutor.check;

import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;

/**
 * The judgement of one check in a lesson: status, what was seen (message), what to do about it (hint, chosen by the
 * observed cause) and the evidence it judged. {@code perHost} holds the judgement of each host the check ran on (for a
 * group check, each host gets the group's judgement unless it could not be asked). {@code notes} are advisory findings
 * that do not change the status (shown under a PASS, never blocking).
 */
public record Verdict(String check, Text title, List<String> hosts, Status status, String cause, Text message,
        Optional<Text> hint, List<Evidence> evidence, List<HostVerdict> perHost, List<Text> notes) {

    public Verdict {
        hosts = List.copyOf(hosts);
        evidence = List.copyOf(evidence);
        perHost = List.copyOf(perHost);
        notes = List.copyOf(notes);
    }

    /** A verdict whose every host shares its judgement. */
    public Verdict(String check, Text title, List<String> hosts, Status status, String cause, Text message,
            Optional<Text> hint, List<Evidence> evidence) {
        this(check, title, hosts, status, cause, message, hint, evidence, hosts.stream().map(h -> new HostVerdict(h,
                status, cause, message, hint, evidence.stream().filter(e -> e.host().equals(h)).toList())).toList(),
                List.of());
    }

    public boolean passed() {
        return status == Status.PASS;
    }

    /** The judgement of one host, when the check ran on it. */
    public Optional<HostVerdict> on(String role) {
        return perHost.stream().filter(h -> h.role().equals(role)).findFirst();
    }

    public Verdict withNotes(List<Text> more) {
        List<Text> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new Verdict(check, title, hosts, status, cause, message, hint, evidence, perHost, all);
    }
}
