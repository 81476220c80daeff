package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.Locale;
import java.util.Optional;

/**
 * SELINUX: {@code labtutor:getenforce MODE} (or {@code -missing}) and, when /etc/selinux/config is readable, its
 * {@code SELINUX=} line after {@code labtutor:config}. Without getenforce SELinux counts as absent (mode Disabled);
 * {@code configuredMode} is the config value in lower case, or empty when there is none.
 */
final class SelinuxParser {

    private SelinuxParser() {
    }

    static SelinuxMode parse(ProbeOutput out) throws Unparseable {
        String text = out.stdout();
        String configured = configured(text).orElse("");
        if (Lines.hasLine(text, "labtutor:getenforce-missing")) {
            return new SelinuxMode(false, "Disabled", configured);
        }
        String mode = Lines.tagValue(text, "labtutor:getenforce")
                .orElseThrow(() -> new Unparseable("selinux probe printed no getenforce line")).trim();
        if (!mode.equals("Enforcing") && !mode.equals("Permissive") && !mode.equals("Disabled")) {
            throw new Unparseable("getenforce printed '" + mode + "'");
        }
        return new SelinuxMode(true, mode, configured);
    }

    private static Optional<String> configured(String text) {
        boolean inConfig = false;
        for (String line : Lines.of(text)) {
            if (line.equals("labtutor:config")) {
                inConfig = true;
            } else if (inConfig && line.trim().startsWith("SELINUX=")) {
                String v = line.trim().substring("SELINUX=".length());
                int hash = v.indexOf('#');
                v = (hash >= 0 ? v.substring(0, hash) : v).trim().replace("\"", "");
                return Optional.of(v.toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
