package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.HashMap;
import java.util.Map;

/**
 * UNIT: {@code systemctl show -p ...} properties, or the pidof fallback on hosts without
 * systemd. The fallback knows only whether a process of that name runs: load and unit-file
 * states are reported as {@code unknown}, active/sub as active/running or inactive/dead.
 */
final class UnitParser {

    private UnitParser() {
    }

    static UnitState parse(String unit, ProbeOutput out) throws Unparseable {
        String text = out.stdout();
        if (Lines.hasLine(text, "labtutor:pidof")) {
            String rc = Lines.tagValue(text, "labtutor:pidof-rc")
                    .orElseThrow(() -> new Unparseable("pidof fallback printed no exit status"));
            boolean running = rc.trim().equals("0");
            return new UnitState(unit, "unknown", running ? "active" : "inactive", running ? "running" : "dead",
                    "unknown", "pid");
        }
        Map<String, String> props = new HashMap<>();
        for (String line : Lines.of(text)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                props.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        if (!props.containsKey("LoadState") || !props.containsKey("ActiveState")) {
            throw new Unparseable("systemctl show printed no LoadState/ActiveState: "
                                  + Lines.firstNonBlank(out.stderr() + "\n" + text));
        }
        return new UnitState(unit, props.get("LoadState"), props.get("ActiveState"),
                props.getOrDefault("SubState", ""), props.getOrDefault("UnitFileState", ""), "systemd");
    }
}
