package dev.labtutor.check.probe;

import dev.labtutor.lab.Shell;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One sh script that runs every probe for one host in one round, meant to be fed to {@code sh -s} on stdin (wrapped in
 * {@code sudo -n} by the caller when the login user is not root). The script sets {@code LC_ALL=C}, works in a private
 * temporary directory that a trap removes, and starts ALL probes at once, each in its own subshell with stdin from
 * /dev/null (so no probe can swallow the rest of the script) and stdout/stderr to files. One watchdog gives every probe
 * the same deadline: when it passes, a probe still running is sent TERM with all its descendants, and KILL two seconds
 * later, exactly like {@code timeout -k 2 N}, and reported with exit code 124 (137 when KILL was needed) and
 * {@code timeout=1}. When the last probe has ended, one section per probe is printed, in order, with a single
 * {@code cat}:
 *
 * <pre>
 * \n==LT NONCE BEGIN i
 * ==LT NONCE OUT
 * stdout (at most {@link #STDOUT_CAP} bytes)
 * \n==LT NONCE ERR
 * stderr (at most {@link #STDERR_CAP} bytes)
 * \n==LT NONCE END i rc=N timeout=0|1 trunc=0|1 errtrunc=0|1
 * </pre>
 *
 * The nonce is random per batch and never passed to a probe, so probe output cannot forge a delimiter. Equal probes run
 * once. A probe runs as {@code eval} of its fragment in a subshell that first unsets the script's own variables, so it
 * cannot see the temporary directory.
 *
 * <p>Why it looks like this: on a lab VM every process spawn costs milliseconds ({@code timeout sh -c} alone costs
 * several), and the round's wall time is what the learner waits for. The probes run in parallel, so a round takes as
 * long as its slowest probe rather than the sum; apart from the probes' own commands the script spawns only
 * {@code mkdir}, the watchdog's {@code sleep}, one {@code wc} for all sizes, one {@code cat} for all output
 * ({@code head} only for a stream over its cap) and the final {@code rm}; on a resident shell, which keeps a private
 * directory for its batches ({@code $lt_keep}), not even the {@code mkdir} and the {@code rm}. The sequential script it
 * replaces spent seven processes per probe ({@code timeout}, {@code sh}, two {@code wc}, two {@code head}, {@code rm}).
 *
 * <p>A bash body that ran the file-reading probes as bash functions (no process at all) was tried and measured: on the
 * sandbox it was no faster, since a bash fork costs more than a dash fork and the probes' own tools are most of a round
 * (see {@code bench/recheck.sh}, its "alone" line).
 */
public final class ProbeScript {

    public static final int STDOUT_CAP = 1_048_576;
    public static final int STDERR_CAP = 65_536;
    /** Stderr text of a probe whose section never arrived. */
    public static final String CUT_MESSAGE = "labtutor: the batch output was cut before this probe finished";
    /** Seconds between the TERM and the KILL sent to a probe past its deadline (as {@code timeout -k 2}). */
    static final int KILL_GRACE_SECONDS = 2;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String text;
    private final String nonce;
    private final List<Probe> probes;

    private ProbeScript(String text, String nonce, List<Probe> probes) {
        this.text = text;
        this.nonce = nonce;
        this.probes = probes;
    }

    /**
     * Builds the batch. Arguments are validated by {@link ProbeCommands#shell(Probe)}, so an invalid probe fails here
     * with {@link IllegalArgumentException}, before anything runs.
     *
     * @param perProbeTimeout rounded up to whole seconds, at least one
     */
    public static ProbeScript build(List<Probe> probes, Duration perProbeTimeout) {
        Objects.requireNonNull(perProbeTimeout, "perProbeTimeout");
        List<Probe> unique = List.copyOf(new LinkedHashSet<>(probes));
        long secs = Math.max(1, (perProbeTimeout.toMillis() + 999) / 1000);
        String nonce = randomHex(12);
        String mark = "==LT " + nonce;
        int n = unique.size();

        StringBuilder sb = new StringBuilder();
        sb.append("export LC_ALL=C\n");
        sb.append("PATH=\"$PATH:/usr/sbin:/sbin:/usr/local/sbin:/usr/local/bin\"; export PATH\n");
        if (n == 0) {
            sb.append("exit 0\n");
            return new ProbeScript(sb.toString(), nonce, unique);
        }
        // On a resident shell, its own directory (see ResidentShell.SETUP: private, kept between
        // rounds), after checking that it still is a directory of ours and not a link: no mkdir
        // and no rm per round. Its files from the last round are overwritten or truncated below.
        sb.append(
                "if [ -n \"${lt_keep:-}\" ] && [ -d \"$lt_keep\" ] && [ ! -L \"$lt_keep\" ] && [ -O \"$lt_keep\" ]; then lt_d=$lt_keep\n");
        sb.append("else\n");
        // mkdir is one spawn where $(mktemp -d) is two; the name is random (not the nonce) and
        // mkdir refuses an existing path or symlink, so nobody can plant it beforehand.
        sb.append("lt_d=\"${TMPDIR:-/tmp}/labtutor.").append(randomHex(8)).append("\"\n");
        sb.append(
                "mkdir -m 700 \"$lt_d\" 2>/dev/null || lt_d=$(mktemp -d 2>/dev/null || mktemp -d -t labtutor.XXXXXX) || "
                        + "{ echo 'labtutor: cannot create a temporary directory' >&2; exit 1; }\n");
        sb.append("trap 'rm -rf \"$lt_d\"' EXIT\n");
        sb.append("fi\n");
        // A probe is late when its marker file is not empty (the watchdog writes them), so a kept
        // directory's markers from the last round are emptied first.
        sb.append("for lt_i in");
        for (int i = 0; i < n; i++) {
            sb.append(' ').append(i);
        }
        sb.append("; do : > \"$lt_d/$lt_i.to\"; : > \"$lt_d/$lt_i.kill\"; done\n");
        sb.append("trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM\n");
        for (int i = 0; i < n; i++) {
            String frag = Shell.quote(ProbeCommands.shell(unique.get(i)));
            sb.append("(unset lt_d lt_keep; eval ").append(frag).append(") </dev/null >\"$lt_d/").append(i)
                    .append(".out\" 2>\"$lt_d/").append(i).append(".err\" & lt_p").append(i).append("=$!\n");
        }
        StringBuilder pids = new StringBuilder();
        for (int i = 0; i < n; i++) {
            pids.append(' ').append(i).append(":$lt_p").append(i);
        }
        // A pid is "running" unless /proc says it is a zombie: probes that ended but are not yet
        // reaped (the main shell waits in order) must not count as late.
        sb.append("lt_alive() { kill -0 \"$1\" 2>/dev/null || return 1; [ -r /proc/$1/stat ] || return 0; "
                + "read -r lt_x lt_y lt_s lt_z < /proc/$1/stat; [ \"$lt_s\" != Z ]; }\n");
        // Parents before children: a shell killed after its child could still run its next
        // command (print more output) between the two signals.
        sb.append(
                "lt_tree() { echo \"$1\"; for lt_c in $(pgrep -P \"$1\" 2>/dev/null); do lt_tree \"$lt_c\"; done; }\n");
        sb.append("lt_late() { for lt_q in").append(pids).append("; do lt_i=${lt_q%%:*}; lt_k=${lt_q#*:}; ").append(
                "if lt_alive \"$lt_k\"; then echo 1 > \"$lt_d/$lt_i.$1\"; kill -$2 $(lt_tree \"$lt_k\") 2>/dev/null; fi; done; }\n");
        // The watchdog is stopped with USR1, not TERM: the script traps TERM, and a TERM that
        // reaches the forked watchdog before its own trap is set is lost there (dash), so it slept
        // its whole deadline and the batch with it. USR1 before the trap simply ends it.
        sb.append("{ trap 'kill \"$lt_w\" 2>/dev/null; exit 0' USR1\n");
        sb.append("  sleep ").append(secs).append(" & lt_w=$!; wait \"$lt_w\"; lt_late to TERM\n");
        sb.append("  sleep ").append(KILL_GRACE_SECONDS).append(" & lt_w=$!; wait \"$lt_w\"; lt_late kill KILL\n");
        sb.append("} </dev/null >/dev/null 2>&1 & lt_wd=$!\n");
        for (int i = 0; i < n; i++) {
            sb.append("wait \"$lt_p").append(i).append("\"; lt_r").append(i).append("=$?\n");
        }
        sb.append("kill -USR1 \"$lt_wd\" 2>/dev/null; wait \"$lt_wd\"\n");
        sb.append("cd \"$lt_d\" || exit 1\n");
        // Sizes of every stream in one wc: "N 0.out N 0.err N 1.out ..." then the total.
        sb.append("set -- $(wc -c");
        for (int i = 0; i < n; i++) {
            sb.append(' ').append(i).append(".out ").append(i).append(".err");
        }
        sb.append(")\n");
        sb.append("lt_cat=\n");
        // $1 index, $2 rc, $3 stdout size, $4 stderr size: writes the delimiters as files (printf is a
        // builtin), cuts a stream over its cap, and queues the section's files for the single cat.
        sb.append("lt_section() {\n");
        sb.append("  lt_to=0; lt_ot=0; lt_et=0; lt_o=$1.out; lt_e=$1.err; lt_rc=$2\n");
        sb.append("  if [ -s $1.kill ]; then lt_to=1; lt_rc=137; elif [ -s $1.to ]; then lt_to=1; lt_rc=124; fi\n");
        sb.append("  if [ \"$3\" -gt ").append(STDOUT_CAP).append(" ]; then lt_ot=1; head -c ").append(STDOUT_CAP)
                .append(" $1.out > $1.outc; lt_o=$1.outc; fi\n");
        sb.append("  if [ \"$4\" -gt ").append(STDERR_CAP).append(" ]; then lt_et=1; head -c ").append(STDERR_CAP)
                .append(" $1.err > $1.errc; lt_e=$1.errc; fi\n");
        sb.append("  printf '\\n").append(mark).append(" BEGIN %s\\n").append(mark).append(" OUT\\n' \"$1\" > $1.b\n");
        sb.append("  printf '\\n").append(mark).append(" ERR\\n' > $1.m\n");
        sb.append("  printf '\\n").append(mark).append(
                " END %s rc=%s timeout=%s trunc=%s errtrunc=%s\\n' \"$1\" \"$lt_rc\" \"$lt_to\" \"$lt_ot\" \"$lt_et\" > $1.z\n");
        sb.append("  lt_cat=\"$lt_cat $1.b $lt_o $1.m $lt_e $1.z\"\n");
        sb.append("}\n");
        for (int i = 0; i < n; i++) {
            sb.append("lt_section ").append(i).append(" \"$lt_r").append(i).append("\" \"$1\" \"$3\"; shift 4\n");
        }
        sb.append("cat $lt_cat\n");
        sb.append("exit 0\n");
        return new ProbeScript(sb.toString(), nonce, unique);
    }

    private static String randomHex(int bytes) {
        byte[] raw = new byte[bytes];
        RANDOM.nextBytes(raw);
        return HexFormat.of().formatHex(raw);
    }

    /** The script, to be written to the stdin of {@code sh -s}. */
    public String text() {
        return text;
    }

    /** This batch's delimiter nonce (hex). */
    public String nonce() {
        return nonce;
    }

    /** The distinct probes in the order they run. */
    public List<Probe> probes() {
        return probes;
    }

    /**
     * Reads the sections back. Every probe of the batch has an entry: one whose section is missing or unterminated (the
     * connection dropped, the host rebooted, the outer timeout hit) gets exit code -1 and {@link #CUT_MESSAGE} as
     * stderr.
     */
    public Map<Probe, ProbeOutput> parse(String stdout) {
        String s = stdout == null ? "" : stdout;
        String mark = "\n==LT " + nonce;
        Map<Probe, ProbeOutput> result = new LinkedHashMap<>();
        Pattern end = Pattern
                .compile(Pattern.quote(mark) + " END (\\d+) rc=(-?\\d+) timeout=([01]) trunc=([01]) errtrunc=([01])\n");
        for (int i = 0; i < probes.size(); i++) {
            result.put(probes.get(i), section(s, mark, end, i));
        }
        return Collections.unmodifiableMap(result);
    }

    private static ProbeOutput section(String s, String mark, Pattern end, int i) {
        String begin = mark + " BEGIN " + i + mark + " OUT\n";
        int b = s.indexOf(begin);
        if (b < 0) {
            return cut();
        }
        int outStart = b + begin.length();
        String errMark = mark + " ERR\n";
        int e = s.indexOf(errMark, outStart);
        if (e < 0) {
            return cut();
        }
        Matcher m = end.matcher(s);
        int errStart = e + errMark.length();
        if (!m.find(errStart) || !m.group(1).equals(Integer.toString(i))) {
            return cut();
        }
        String out = s.substring(outStart, e);
        String err = s.substring(errStart, m.start());
        if (m.group(5).equals("1")) {
            err = err + "\nlabtutor: stderr truncated at " + STDERR_CAP + " bytes";
        }
        int rc;
        try {
            rc = Integer.parseInt(m.group(2));
        } catch (NumberFormatException ex) {
            rc = -1;
        }
        return new ProbeOutput(out, err, rc, m.group(3).equals("1"), m.group(4).equals("1"));
    }

    private static ProbeOutput cut() {
        return new ProbeOutput("", CUT_MESSAGE, -1, false, false);
    }
}
