package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * KEEPALIVED_TEST: the messages of {@code keepalived -t}, which it writes to stderr once per process that parses the
 * file (parent, vrrp, checker, bfd). Exact repeats are dropped, first occurrence order kept. Note keepalived 2.2.7
 * exits 0 even when the main file is missing; the message says so. keepalived 1.x has no {@code -t}: glibc's getopt
 * prints {@code keepalived: invalid option -- 't'} and 1.3.5's {@code parse_cmdline} exits 0 without reading the file
 * (keepalived/core/main.c at v1.3.5), so that answer is read as "no test", never as a clean one.
 */
final class KeepalivedTestParser {

    /** getopt's complaint about {@code -t} (glibc quotes the letter; older libcs did not). */
    private static final Pattern NO_TEST = Pattern.compile("(?:^|: )(?:invalid|unrecognized|illegal) option -- '?t'?$");

    private KeepalivedTestParser() {
    }

    static KeepalivedTest parse(ProbeOutput out) {
        if (Lines.hasLine(out.stdout(), "labtutor:keepalived-missing")) {
            return new KeepalivedTest(false, out.exitCode(), List.of());
        }
        List<String> messages = dedupe(out.stderr() + "\n" + out.stdout());
        boolean noTest = messages.stream().anyMatch(l -> NO_TEST.matcher(l.strip()).find());
        return new KeepalivedTest(true, out.exitCode(), messages, !noTest);
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
