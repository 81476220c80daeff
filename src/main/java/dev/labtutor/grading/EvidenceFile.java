package dev.labtutor.grading;

import dev.labtutor.i18n.SafeText;
import dev.labtutor.lab.ExecResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code evidence/<student>/<role>.txt}: what labtutor did on one host and what it got back, verbatim: whom it
 * connected to and with which host key, when, the probe script it sent (to {@code sh -s} on stdin) and the raw stdout
 * and stderr with the exit status. Secrets are already masked in the record it is written from.
 *
 * <p>The output is what a student's host chose to print, so it is kept escaped ({@link SafeText#escaped}: control, bidi
 * and zero-width characters as visible escapes, a backslash doubled): an instructor can {@code cat} the file without
 * their terminal obeying it, and the text is still one to one with what was received. The SHA-256 of each stream as
 * received (UTF-8, before escaping) is recorded beside it.
 */
public final class EvidenceFile {

    private static final String RULE = "=".repeat(24);

    private EvidenceFile() {
    }

    public static String render(ClassGrades g, StudentGrade s, HostRecord h) {
        StringBuilder sb = new StringBuilder();
        try {
            write(g, s, h, sb);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sb.toString();
    }

    /**
     * As {@link #render}, written to {@code out} as it goes (a file's writer: a host's megabytes are never one string).
     */
    public static void write(ClassGrades g, StudentGrade s, HostRecord h, Appendable out) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("labtutor grade evidence\n");
        sb.append("course:    ").append(g.course().id()).append(" (lessons ")
                .append(String.join(", ", g.lessons().stream().map(l -> l.id()).toList())).append(")\n");
        sb.append("student:   ").append(s.student().id()).append(" (").append(s.student().name()).append(")\n");
        if (h.isTutor()) {
            sb.append("host:      probes made from the grader's own machine\n");
        } else {
            sb.append("host:      ").append(h.role()).append(" ").append(h.login()).append('\n');
            sb.append("host key:  ").append(h.hostKey().orElse("(not seen: no SSH session was established)"))
                    .append('\n');
            sb.append("os:        ").append(h.os()).append('\n');
        }
        sb.append("started:   ").append(h.started()).append('\n');
        sb.append("finished:  ").append(h.finished()).append('\n');
        sb.append("elapsed:   ").append(h.elapsed().toMillis()).append(" ms (deadline ").append(g.timeout().toSeconds())
                .append(" s)\n");
        sb.append("state:     ").append(h.state().json());
        h.problem().ifPresent(p -> sb.append(": ").append(SafeText.terminal(p.en())));
        sb.append('\n');
        sb.append("probes:    ").append(String.join(", ", h.probes())).append('\n');
        if (h.isTutor()) {
            out.append(sb);
            return;
        }
        sb.append('\n').append(RULE).append(" probe script sent (sh -s on stdin) ").append(RULE).append('\n');
        sb.append(h.script().orElse("(not sent: the host could not be used)\n"));
        if (h.result().isEmpty()) {
            sb.append('\n').append(RULE).append(" no output received ").append(RULE).append('\n');
            out.append(sb);
            return;
        }
        ExecResult r = h.result().get();
        sb.append('\n').append(RULE).append(" exit status ").append(r.exitStatus()).append(", ")
                .append(r.elapsed().toMillis()).append(" ms ").append(RULE).append('\n');
        sb.append("stdout sha256 ").append(sha256(r.stdout())).append(", stderr sha256 ").append(sha256(r.stderr()))
                .append(" (as received, UTF-8, before escaping)\n");
        sb.append('\n').append(RULE).append(" stdout").append(r.stdoutTruncated() ? " (truncated)" : "")
                .append(" (escaped) ").append(RULE).append('\n');
        out.append(sb);
        SafeText.escaped(r.stdout(), out);
        out.append('\n').append(RULE).append(" stderr").append(r.stderrTruncated() ? " (truncated)" : "")
                .append(" (escaped) ").append(RULE).append('\n');
        SafeText.escaped(r.stderr(), out);
        out.append('\n').append(RULE).append(" end ").append(RULE).append('\n');
    }

    /** Hex SHA-256 of {@code s} as UTF-8. */
    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
