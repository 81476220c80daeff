package dev.labtutor.check.fact;

/**
 * A service's state. {@code loadState} is systemd's (loaded / not-found / masked); {@code source}
 * says where the answer came from ("systemd", or "service"/"pid" fallbacks without systemd).
 */
public record UnitState(String unit, String loadState, String activeState, String subState,
                        String unitFileState, String source) implements Fact {

    public boolean exists() {
        return !"not-found".equals(loadState);
    }

    public boolean active() {
        return "active".equals(activeState);
    }

    public boolean enabled() {
        return "enabled".equals(unitFileState) || "enabled-runtime".equals(unitFileState)
               ;
    }
}
