package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.i18n.Sentences;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * UNIT: {@code systemctl show -p ...} properties, or the fallback on hosts where systemd is not running: pidof tells
 * whether a process of that name runs, and {@code systemctl is-enabled} (which reads unit files without systemd) tells
 * whether it starts at boot and whether the unit exists. What neither can tell stays {@code unknown}, with the reason
 * in {@code why}.
 */
final class UnitParser {

    /** What {@code systemctl is-enabled} prints for a unit file it could read. */
    private static final Set<String> FILE_STATES = Set.of("enabled", "enabled-runtime", "linked", "linked-runtime",
            "alias", "masked", "masked-runtime", "static", "indirect", "disabled", "generated", "transient");

    private UnitParser() {
    }

    static UnitState parse(String unit, ProbeOutput out) throws Unparseable {
        String text = out.stdout();
        if (Lines.hasLine(text, "labtutor:pidof")) {
            return fallback(unit, out);
        }
        Map<String, String> props = new HashMap<>();
        for (String line : Lines.of(text)) {
            if (line.equals("labtutor:is-enabled")) {
                break;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                props.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        if (!props.containsKey("LoadState") || !props.containsKey("ActiveState")) {
            throw new Unparseable("systemctl show printed no LoadState/ActiveState: "
                    + Lines.firstNonBlank(out.stderr() + "\n" + text));
        }
        String fileState = props.getOrDefault("UnitFileState", "");
        String why = "";
        if (fileState.isEmpty() && props.get("LoadState").equals("loaded")) {
            List<String> answer = between(text, "labtutor:is-enabled", "labtutor:is-enabled-rc");
            String last = answer.isEmpty() ? "" : answer.get(answer.size() - 1).trim();
            if (FILE_STATES.contains(last)) {
                fileState = last;
            } else {
                fileState = UnitState.UNKNOWN;
                why = Sentences.join("systemctl show gave no UnitFileState for this loaded unit",
                        answer.isEmpty() ? "" : "systemctl is-enabled: " + answer.get(0).trim(), "; ");
            }
        }
        return new UnitState(unit, props.get("LoadState"), props.get("ActiveState"), props.getOrDefault("SubState", ""),
                fileState, "systemd", why);
    }

    private static UnitState fallback(String unit, ProbeOutput out) throws Unparseable {
        String text = out.stdout();
        String rc = Lines.tagValue(text, "labtutor:pidof-rc")
                .orElseThrow(() -> new Unparseable("pidof fallback printed no exit status"));
        boolean running = rc.trim().equals("0");
        String systemd = Lines.firstNonBlank(out.stderr());
        String noSystemd = systemd.isEmpty() ? "systemctl show gave no answer" : "systemctl show: " + systemd;
        String load = UnitState.UNKNOWN;
        String fileState = UnitState.UNKNOWN;
        String why;
        if (!Lines.hasLine(text, "labtutor:is-enabled")) {
            why = Sentences.join(noSystemd, "systemctl is not installed", "; ");
        } else {
            List<String> answer = between(text, "labtutor:is-enabled", "labtutor:is-enabled-rc");
            String first = answer.isEmpty() ? "" : answer.get(0).trim();
            if (FILE_STATES.contains(first)) {
                fileState = first;
                load = first.startsWith("masked") ? "masked" : "loaded";
                why = "";
            } else if (first.contains("No such file or directory")) {
                fileState = "";
                load = "not-found";
                why = "";
            } else {
                why = Sentences.join(noSystemd, "systemctl is-enabled: " + (first.isEmpty() ? "no answer" : first),
                        "; ");
            }
        }
        return new UnitState(unit, load, running ? "active" : "inactive", running ? "running" : "dead", fileState,
                "pid", why);
    }

    private static List<String> between(String text, String from, String to) {
        List<String> lines = Lines.of(text);
        int a = lines.indexOf(from);
        int b = -1;
        for (int i = a + 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith(to)) {
                b = i;
                break;
            }
        }
        return a < 0 ? List.of()
                : lines.subList(a + 1, b < 0 ? lines.size() : b).stream().filter(l -> !l.isBlank()).toList();
    }
}
