package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.List;

/**
 * UFW: {@code ufw status} between {@code labtutor:ufw} and {@code labtutor:ufw-rc N} (or {@code labtutor:ufw-missing}),
 * then the ENABLED= lines of /etc/ufw/ufw.conf after {@code labtutor:ufw-conf}. ufw 0.36 prints
 * {@code Status: inactive} when its chains are not loaded and {@code Status: active} followed by the rule table when
 * they are; as a user other than root it prints only "ERROR: You need to be root to run this script" (exit 1), which
 * leaves the state unknown.
 */
final class UfwParser {

    private UfwParser() {
    }

    static UfwState parse(ProbeOutput out) throws Unparseable {
        List<String> lines = Lines.of(out.stdout());
        boolean installed = lines.contains("labtutor:ufw");
        if (!installed && !lines.contains("labtutor:ufw-missing")) {
            throw new Unparseable(
                    "ufw probe printed no tool tag: " + Lines.firstNonBlank(out.stderr() + "\n" + out.stdout()));
        }
        int conf = lines.indexOf("labtutor:ufw-conf");
        String enabled = "";
        if (conf >= 0) {
            for (String l : lines.subList(conf + 1, lines.size())) {
                String t = l.strip();
                if (t.startsWith("ENABLED=")) {
                    enabled = shellWord(t.substring("ENABLED=".length()));
                }
            }
        }
        if (!installed) {
            return new UfwState(false, "inactive", conf >= 0, enabled, "");
        }
        int from = lines.indexOf("labtutor:ufw");
        List<String> answer = lines.subList(from + 1, conf >= 0 && conf > from ? conf : lines.size()).stream()
                .filter(l -> !l.startsWith("labtutor:ufw-rc") && !l.isBlank()).map(String::strip).toList();
        String status = UfwState.UNKNOWN;
        String why = "";
        for (String l : answer) {
            if (l.equals("Status: active")) {
                status = "active";
            } else if (l.equals("Status: inactive")) {
                status = "inactive";
            }
        }
        if (status.equals(UfwState.UNKNOWN)) {
            String said = answer.isEmpty() ? "no answer" : answer.get(0);
            why = "ufw status: " + said + (said.contains("need to be root")
                    ? " (the probes run as root, or through sudo -n when the login user is not root)" : "");
        }
        return new UfwState(true, status, conf >= 0, enabled, why);
    }

    /** The value sh assigns for {@code ENABLED=word}: quotes removed, up to a blank or {@code ;} when unquoted. */
    static String shellWord(String s) {
        if (!s.isEmpty() && (s.charAt(0) == '"' || s.charAt(0) == '\'')) {
            int end = s.indexOf(s.charAt(0), 1);
            return end < 0 ? s.substring(1) : s.substring(1, end);
        }
        int end = 0;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != ';') {
            end++;
        }
        return s.substring(0, end);
    }
}
