package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.List;

/**
 * FIREWALLD: {@code firewall-cmd --state} ("running" / "not running"), else {@code systemctl is-active firewalld}.
 * firewall-cmd ships in the firewalld package, so without it firewalld counts as installed only when systemd knows the
 * unit as active, failed or activating ("inactive" is also what systemd says of unknown units).
 */
final class FirewalldParser {

    private FirewalldParser() {
    }

    static FirewalldState parse(ProbeOutput out) throws Unparseable {
        String text = out.stdout();
        String via = Lines.tagValue(text, "labtutor:via")
                .orElseThrow(() -> new Unparseable("firewalld probe printed no tool tag"));
        List<String> body = Lines.of(text).stream().filter(l -> !l.startsWith("labtutor:")).map(String::trim)
                .filter(l -> !l.isEmpty()).toList();
        return switch (via) {
            case "firewall-cmd" -> new FirewalldState(true, body.contains("running"));
            case "systemctl" -> {
                boolean running = body.contains("active");
                boolean known = running || body.contains("failed") || body.contains("activating");
                yield new FirewalldState(known, running);
            }
            case "none" -> new FirewalldState(false, false);
            default -> throw new Unparseable("unknown firewalld tool tag '" + via + "'");
        };
    }
}
