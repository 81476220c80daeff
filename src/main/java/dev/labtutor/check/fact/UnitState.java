package dev.labtutor.check.fact;

/**
 * A service's state. {@code loadState} is systemd's (loaded / not-found / masked, or {@code unknown});
 * {@code unitFileState} is enabled / disabled / static / ... or {@code unknown} when it could not be read;
 * {@code source} says where the answer came from ("systemd", or "pid" without a running systemd). {@code why} explains,
 * when something is unknown, why it could not be found out (empty otherwise).
 */
public record UnitState(String unit, String loadState, String activeState, String subState, String unitFileState,
        String source, String why) implements Fact {

    public static final String UNKNOWN = "unknown";

    public UnitState(String unit, String loadState, String activeState, String subState, String unitFileState,
            String source) {
        this(unit, loadState, activeState, subState, unitFileState, source, "");
    }

    public boolean exists() {
        return !"not-found".equals(loadState);
    }

    public boolean active() {
        return "active".equals(activeState);
    }

    public boolean enabled() {
        return "enabled".equals(unitFileState) || "enabled-runtime".equals(unitFileState);
    }

    /** False when whether the unit starts at boot could not be found out. */
    public boolean enabledKnown() {
        return !UNKNOWN.equals(unitFileState);
    }
}
