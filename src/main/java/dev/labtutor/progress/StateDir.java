package dev.labtutor.progress;

import dev.labtutor.io.UserDir;
import java.nio.file.Path;

/**
 * Where labtutor keeps what it learns about the learner (progress, the app's log, the plain mode's history): the
 * {@code labtutor.state.dir} system property (tests), else {@code $XDG_STATE_HOME/labtutor}, else
 * {@code ~/.local/state/labtutor}.
 */
public final class StateDir {

    private StateDir() {
    }

    public static Path resolve() {
        return UserDir.resolve(System.getProperty("labtutor.state.dir"), System.getenv("XDG_STATE_HOME"),
                Path.of(System.getProperty("user.home"), ".local", "state"));
    }
}
