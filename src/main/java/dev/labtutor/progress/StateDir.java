package dev.labtutor.progress;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where labtutor keeps what it learns about the learner (progress, the app's log, the plain
 * mode's history): the {@code labtutor.state.dir} system property (tests), else
 * {@code $XDG_STATE_HOME/labtutor}, else {@code ~/.local/state/labtutor}.
 */
public final class StateDir {

    private StateDir() {
    }

    public static Path resolve() {
        return resolve(System.getProperty("labtutor.state.dir"), System::getenv, System.getProperty("user.home"));
    }

    static Path resolve(String property, Function<String, String> env, String home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = env.apply("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".local", "state");
        return base.resolve("labtutor");
    }
}
