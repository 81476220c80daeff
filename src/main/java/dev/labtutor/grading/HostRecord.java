package dev.labtutor.grading;

import dev.labtutor.i18n.SafeText;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Distro;
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
 * @param distro the distribution the round's OS probe found, empty when it could not tell (the host did not answer,
 *     or its answer could not be read): shown as "unknown", never a verdict by itself
 */
public record HostRecord(String role, String address, int port, String user, State state, Optional<Text> problem,
        Optional<String> hostKey, Instant started, Instant finished, Optional<String> script,
        Optional<ExecResult> result, List<String> probes, Optional<Distro> distro) {

    /** A host whose distribution is not known. */
    public HostRecord(String role, String address, int port, String user, State state, Optional<Text> problem,
            Optional<String> hostKey, Instant started, Instant finished, Optional<String> script,
            Optional<ExecResult> result, List<String> probes) {
        this(role, address, port, user, state, problem, hostKey, started, finished, script, result, probes,
                Optional.empty());
    }

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

    /** The distribution in words, terminal-safe ({@code CentOS Linux 7 · keepalived 1.3.5}), else {@code unknown}. */
    public String os() {
        return distro.map(d -> SafeText.terminal(d.display())).orElse("unknown");
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
