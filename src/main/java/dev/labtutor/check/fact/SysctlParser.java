package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SYSCTL: {@code key = value} lines from {@code sysctl PREFIX} (the same lines as {@code sysctl -a | grep -E '^PREFIX(
 * |\.)'}). Exit 1 with no output means no key matched the prefix (the probe answers as grep did), which is an empty
 * fact, not a broken probe.
 */
final class SysctlParser {

    private SysctlParser() {
    }

    static Sysctls parse(ProbeOutput out) throws Unparseable {
        if (out.exitCode() > 1) {
            throw new Unparseable("sysctl failed (exit " + out.exitCode() + "): " + Lines.firstNonBlank(out.stderr()));
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Lines.of(out.stdout())) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                values.put(line.substring(0, eq).trim(), line.substring(eq + 3).trim());
            } else if (line.endsWith(" =")) {
                values.put(line.substring(0, line.length() - 2).trim(), "");
            } else if (!line.isBlank()) {
                throw new Unparseable("unexpected sysctl line: " + line);
            }
        }
        return new Sysctls(values);
    }
}
