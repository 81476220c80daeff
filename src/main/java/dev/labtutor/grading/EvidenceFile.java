package dev.labtutor.grading;

import dev.labtutor.lab.ExecResult;

/**
 * {@code evidence/<student>/<role>.txt}: what labtutor did on one host and what it got back,
 * verbatim: whom it connected to and with which host key, when, the probe script it sent (to
 * {@code sh -s} on stdin) and the raw stdout and stderr with the exit status. Secrets are
 * already masked in the record it is written from.
 */
public final class EvidenceFile {

    private static final String RULE = "=".repeat(24);

    private EvidenceFile() {
    }

    public static String render(ClassGrades g, StudentGrade s, HostRecord h) {
        StringBuilder sb = new StringBuilder();
        sb.append("labtutor grade evidence\n");
        sb.append("course:    ").append(g.course().id()).append(" (lessons ")
                .append(String.join(", ", g.lessons().stream().map(l -> l.id()).toList())).append(")\n");
        sb.append("student:   ").append(s.student().id()).append(" (").append(s.student().name()).append(")\n");
        if (h.isTutor()) {
            sb.append("host:      probes made from the grader's own machine\n");
        } else {
            sb.append("host:      ").append(h.role()).append(" ").append(h.login()).append('\n');
            sb.append("host key:  ").append(h.hostKey().orElse("(not seen: no SSH session was established)")).append('\n');
        }
        sb.append("started:   ").append(h.started()).append('\n');
        sb.append("finished:  ").append(h.finished()).append('\n');
        sb.append("elapsed:   ").append(h.elapsed().toMillis()).append(" ms (deadline ").append(g.timeout().toSeconds())
                .append(" s)\n");
        sb.append("state:     ").append(h.state().json());
        h.problem().ifPresent(p -> sb.append(": ").append(p.en()));
        sb.append('\n');
        sb.append("probes:    ").append(String.join(", ", h.probes())).append('\n');
        if (h.isTutor()) {
            return sb.toString();
        }
        sb.append('\n').append(RULE).append(" probe script sent (sh -s on stdin) ").append(RULE).append('\n');
        sb.append(h.script().orElse("(not sent: the host could not be used)\n"));
        if (h.result().isEmpty()) {
            sb.append('\n').append(RULE).append(" no output received ").append(RULE).append('\n');
            return sb.toString();
        }
        ExecResult r = h.result().get();
        sb.append('\n').append(RULE).append(" exit status ").append(r.exitStatus()).append(", ")
                .append(r.elapsed().toMillis()).append(" ms ").append(RULE).append('\n');
        sb.append('\n').append(RULE).append(" stdout").append(r.stdoutTruncated() ? " (truncated)" : "").append(' ')
                .append(RULE).append('\n').append(r.stdout());
        sb.append('\n').append(RULE).append(" stderr").append(r.stderrTruncated() ? " (truncated)" : "").append(' ')
                .append(RULE).append('\n').append(r.stderr());
        sb.append('\n').append(RULE).append(" end ").append(RULE).append('\n');
        return sb.toString();
    }
}
