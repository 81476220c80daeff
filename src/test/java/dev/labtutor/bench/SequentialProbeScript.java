package dev.labtutor.bench;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeCommands;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The batch script as issue 2 shipped it, kept only as the benchmark's baseline: probes one after another, each under
 * its own {@code timeout -k 2 N sh -c}, then two {@code wc}, two {@code head} and an {@code rm} per probe. Same section
 * format as {@link dev.labtutor.check.probe.ProbeScript}, so the two outputs can be compared byte for byte once the
 * nonces are aligned.
 */
final class SequentialProbeScript {

    private SequentialProbeScript() {
    }

    static String text(List<Probe> probes, long secs, String nonce, int stdoutCap, int stderrCap) {
        List<Probe> unique = List.copyOf(new LinkedHashSet<>(probes));
        String mark = "==LT " + nonce;
        StringBuilder sb = new StringBuilder();
        sb.append("export LC_ALL=C\n");
        sb.append("PATH=\"$PATH:/usr/sbin:/sbin:/usr/local/sbin:/usr/local/bin\"; export PATH\n");
        sb.append("lt_d=$(mktemp -d 2>/dev/null || mktemp -d -t labtutor.XXXXXX) || exit 1\n");
        sb.append("trap 'rm -rf \"$lt_d\"' EXIT\n");
        sb.append("if command -v timeout >/dev/null 2>&1; then lt_t=1; else lt_t=0; fi\n");
        sb.append("lt_section() {\n");
        sb.append("  lt_o=\"$lt_d/$1.out\"; lt_e=\"$lt_d/$1.err\"; lt_to=0\n");
        sb.append("  if [ \"$lt_t\" = 1 ] && { [ \"$2\" -eq 124 ] || [ \"$2\" -eq 137 ]; }; then lt_to=1; fi\n");
        sb.append("  lt_os=$(wc -c < \"$lt_o\"); lt_es=$(wc -c < \"$lt_e\"); lt_ot=0; lt_et=0\n");
        sb.append("  [ \"$lt_os\" -gt ").append(stdoutCap).append(" ] && lt_ot=1\n");
        sb.append("  [ \"$lt_es\" -gt ").append(stderrCap).append(" ] && lt_et=1\n");
        sb.append("  printf '\\n").append(mark).append(" BEGIN %s\\n").append(mark).append(" OUT\\n' \"$1\"\n");
        sb.append("  head -c ").append(stdoutCap).append(" \"$lt_o\"\n");
        sb.append("  printf '\\n").append(mark).append(" ERR\\n'\n");
        sb.append("  head -c ").append(stderrCap).append(" \"$lt_e\"\n");
        sb.append("  printf '\\n").append(mark).append(
                " END %s rc=%s timeout=%s trunc=%s errtrunc=%s\\n' \"$1\" \"$2\" \"$lt_to\" \"$lt_ot\" \"$lt_et\"\n");
        sb.append("  rm -f \"$lt_o\" \"$lt_e\"\n");
        sb.append("}\n");
        for (int i = 0; i < unique.size(); i++) {
            String frag = dev.labtutor.lab.Shell.quote(ProbeCommands.shell(unique.get(i)));
            String files = " </dev/null >\"$lt_d/" + i + ".out\" 2>\"$lt_d/" + i + ".err\"";
            sb.append("if [ \"$lt_t\" = 1 ]; then timeout -k 2 ").append(secs).append(" sh -c ").append(frag)
                    .append(files).append("; else sh -c ").append(frag).append(files).append("; fi\n");
            sb.append("lt_section ").append(i).append(" $?\n");
        }
        sb.append("exit 0\n");
        return sb.toString();
    }
}
