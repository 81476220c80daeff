package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * KEEPALIVED_TEST: the messages of {@code keepalived -t}, which it writes to stderr once per process that parses the
 * file (parent, vrrp, checker, bfd). Exact repeats are dropped, first occurrence order kept. Note keepalived 2.2.7
 * exits 0 even when the main file is missing; the message says so.
 */
final class KeepalivedTestParser {

    private KeepalivedTestParser() {
    }

    static KeepalivedTest parse(ProbeOutput out) {
        if (Lines.hasLine(out.stdout(), "labtutor:keepalived-missing")) {
            return new KeepalivedTest(false, out.exitCode(), List.of());
        }
        return new KeepalivedTest(true, out.exitCode(), dedupe(out.stderr() + "\n" + out.stdout()));
    }

    static List<String> dedupe(String text) {
        Set<String> seen = new LinkedHashSet<>();
        for (String line : Lines.of(text)) {
            String l = line.stripTrailing();
            if (!l.isBlank()) {
                seen.add(l);
            }
        }
        return List.copyOf(seen);
    }
}
