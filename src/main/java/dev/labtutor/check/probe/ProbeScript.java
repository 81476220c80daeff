package dev.labtutor.check.probe;

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
 * One sh script that runs every probe for one host in one round, meant to be fed to
 * {@code sh -s} on stdin (wrapped in {@code sudo -n} by the caller when the login user is not
 * root). The script sets {@code LC_ALL=C}, works in a private {@code mktemp -d} directory that a
 * trap removes, runs each probe under {@code timeout} with stdin from /dev/null (so no probe can
 * swallow the rest of the script) and stdout/stderr to files, then prints one section per probe:
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
 * The nonce is random per batch and never passed to a probe, so probe output cannot forge a
 * delimiter. Equal probes run once.
 */
public final class ProbeScript {

    public static final int STDOUT_CAP = 1_048_576;
    public static final int STDERR_CAP = 65_536;
    /** Stderr text of a probe whose section never arrived. */
    public static final String CUT_MESSAGE = "labtutor: the batch output was cut before this probe finished";

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
     * Builds the batch. Arguments are validated by {@link ProbeCommands#shell(Probe)}, so an
     * invalid probe fails here with {@link IllegalArgumentException}, before anything runs.
     *
     * @param perProbeTimeout rounded up to whole seconds, at least one
     */
    public static ProbeScript build(List<Probe> probes, Duration perProbeTimeout) {
        Objects.requireNonNull(perProbeTimeout, "perProbeTimeout");
        List<Probe> unique = List.copyOf(new LinkedHashSet<>(probes));
        long secs = Math.max(1, (perProbeTimeout.toMillis() + 999) / 1000);
        byte[] raw = new byte[12];
        RANDOM.nextBytes(raw);
        String nonce = HexFormat.of().formatHex(raw);
        String mark = "==LT " + nonce;

        StringBuilder sb = new StringBuilder();
        sb.append("export LC_ALL=C\n");
        sb.append("PATH=\"$PATH:/usr/sbin:/sbin:/usr/local/sbin:/usr/local/bin\"; export PATH\n");
        sb.append("lt_d=$(mktemp -d 2>/dev/null || mktemp -d -t labtutor.XXXXXX) || "
                  + "{ echo 'labtutor: cannot create a temporary directory' >&2; exit 1; }\n");
        sb.append("trap 'rm -rf \"$lt_d\"' EXIT\n");
        sb.append("trap 'exit 129' HUP; trap 'exit 130' INT; trap 'exit 143' TERM\n");
        sb.append("if command -v timeout >/dev/null 2>&1; then lt_t=1; else lt_t=0; fi\n");
        sb.append("lt_section() {\n");
        sb.append("  lt_o=\"$lt_d/$1.out\"; lt_e=\"$lt_d/$1.err\"; lt_to=0\n");
        sb.append("  if [ \"$lt_t\" = 1 ] && { [ \"$2\" -eq 124 ] || [ \"$2\" -eq 137 ]; }; then lt_to=1; fi\n");
        sb.append("  lt_os=$(wc -c < \"$lt_o\"); lt_es=$(wc -c < \"$lt_e\"); lt_ot=0; lt_et=0\n");
        sb.append("  [ \"$lt_os\" -gt ").append(STDOUT_CAP).append(" ] && lt_ot=1\n");
        sb.append("  [ \"$lt_es\" -gt ").append(STDERR_CAP).append(" ] && lt_et=1\n");
        sb.append("  printf '\\n").append(mark).append(" BEGIN %s\\n").append(mark).append(" OUT\\n' \"$1\"\n");
        sb.append("  head -c ").append(STDOUT_CAP).append(" \"$lt_o\"\n");
        sb.append("  printf '\\n").append(mark).append(" ERR\\n'\n");
        sb.append("  head -c ").append(STDERR_CAP).append(" \"$lt_e\"\n");
        sb.append("  printf '\\n").append(mark)
                .append(" END %s rc=%s timeout=%s trunc=%s errtrunc=%s\\n' \"$1\" \"$2\" \"$lt_to\" \"$lt_ot\" \"$lt_et\"\n");
        sb.append("  rm -f \"$lt_o\" \"$lt_e\"\n");
        sb.append("}\n");
        for (int i = 0; i < unique.size(); i++) {
            String frag = ProbeCommands.quote(ProbeCommands.shell(unique.get(i)));
            String files = " </dev/null >\"$lt_d/" + i + ".out\" 2>\"$lt_d/" + i + ".err\"";
            sb.append("if [ \"$lt_t\" = 1 ]; then timeout -k 2 ").append(secs).append(" sh -c ").append(frag)
                    .append(files).append("; else sh -c ").append(frag).append(files).append("; fi\n");
            sb.append("lt_section ").append(i).append(" $?\n");
        }
        sb.append("exit 0\n");
        return new ProbeScript(sb.toString(), nonce, unique);
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
     * Reads the sections back. Every probe of the batch has an entry: one whose section is
     * missing or unterminated (the connection dropped, the host rebooted, the outer timeout hit)
     * gets exit code -1 and {@link #CUT_MESSAGE} as stderr.
     */
    public Map<Probe, ProbeOutput> parse(String stdout) {
        String s = stdout == null ? "" : stdout;
        String mark = "\n==LT " + nonce;
        Map<Probe, ProbeOutput> result = new LinkedHashMap<>();
        Pattern end = Pattern.compile(Pattern.quote(mark)
                + " END (\\d+) rc=(-?\\d+) timeout=([01]) trunc=([01]) errtrunc=([01])\n");
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
