package dev.labtutor.progress;

import java.nio.file.Path;

/**
 * Where labtutor keeps what it learns about the learner (progress, the app's log, the plain
 * mode's history): the {@code labtutor.state.dir} system property (tests), else
 * {@code $XDG_STATE_HOME/labtutor}, else {@code ~/.local/state/labtutor}.
 */
public final class StateDir {

    private StateDir() {
    }

    public static Path resolve() {
        return resolve(System.getProperty("labtutor.state.dir"), System.getenv("XDG_STATE_HOME"), System.getProperty("user.home"));
    }

    static Path resolve(String property, String xdg, String home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".local", "state");
        return base.resolve("labtutor");
    }
}
