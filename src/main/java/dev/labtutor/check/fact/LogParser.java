package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.List;

/**
 * LOG: {@code labtutor:source journal|PATH|none} then the lines. journalctl's own {@code -- ... --} banner lines are
 * dropped.
 */
final class LogParser {

    private LogParser() {
    }

    static LogLines parse(String unit, ProbeOutput out) throws Unparseable {
        String source = Lines.tagValue(out.stdout(), "labtutor:source").orElseThrow(
                () -> new Unparseable("log probe printed no source line: " + Lines.firstNonBlank(out.stderr())));
        List<String> lines = Lines.of(out.stdout()).stream().filter(l -> !l.startsWith("labtutor:source"))
                .filter(l -> !(l.startsWith("-- ") && l.endsWith(" --")) && !l.startsWith("-- Logs begin"))
                .filter(l -> !l.isBlank()).toList();
        return new LogLines(unit, source, lines);
    }
}
