package dev.labtutor.grading;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ExecResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What happened on one student's host in a grading round, kept as evidence: whom labtutor connected to, the host key it
 * verified, the probe script it sent and the raw output it got back, and when. {@code problem} says why a host that did
 * not answer could not be used.
 *
 * @param role the course role, or {@code @tutor} for probes made from the grader's machine
 * @param probes what was asked, e.g. {@code UNIT(keepalived)}
 */
public record HostRecord(String role, String address, int port, String user, State state, Optional<Text> problem,
        Optional<String> hostKey, Instant started, Instant finished, Optional<String> script,
        Optional<ExecResult> result, List<String> probes) {

    /** Whether the host could be asked; UNREACHABLE and ERROR are never a FAIL. */
    public enum State {
        ANSWERED, UNREACHABLE, ERROR;

        public String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public HostRecord {
        probes = List.copyOf(probes);
    }

    public Duration elapsed() {
        return Duration.between(started, finished);
    }

    public boolean isTutor() {
        return role.startsWith("@");
    }

    /** {@code user@address:port}, or what stood in its place when the student had no host for the role. */
    public String login() {
        return address.isEmpty() ? "(no host for " + role + ")" : user + "@" + address + ":" + port;
    }

    /** The evidence file name under {@code evidence/<student>/}. */
    public String evidenceName() {
        return (isTutor() ? "tutor-local" : role) + ".txt";
    }
}
