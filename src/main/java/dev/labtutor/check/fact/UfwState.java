package dev.labtutor.check.fact;

/**
 * ufw, the Debian and Ubuntu firewall. {@code status} is what {@code ufw status} said ({@code active},
 * {@code inactive}, or {@link #UNKNOWN} with the reason in {@code why}); {@code enabledSetting} is the value of the
 * last ENABLED= line of /etc/ufw/ufw.conf, quotes removed (empty when the file or the line is missing). ufw-init, which
 * ufw.service runs at boot, sources that file and starts the firewall only when ENABLED is {@code yes} or {@code YES}.
 */
public record UfwState(boolean installed, String status, boolean confPresent, String enabledSetting,
        String why) implements Fact {

    public static final String UNKNOWN = "unknown";

    public boolean active() {
        return "active".equals(status);
    }

    public boolean statusKnown() {
        return !UNKNOWN.equals(status);
    }

    /** Whether ufw starts at boot: ENABLED=yes (or YES) in /etc/ufw/ufw.conf, as ufw-init-functions tests it. */
    public boolean enabledAtBoot() {
        return installed && ("yes".equals(enabledSetting) || "YES".equals(enabledSetting));
    }
}
