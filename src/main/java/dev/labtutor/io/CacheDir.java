package dev.labtutor.io;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where labtutor keeps what it can always make again (the parsed course, the terminal's native
 * library): the {@code labtutor.cache.dir} system property (tests), else
 * {@code $XDG_CACHE_HOME/labtutor}, else {@code ~/.cache/labtutor}. Deleting it loses nothing.
 */
public final class CacheDir {

    private CacheDir() {
    }

    public static Path resolve() {
        return resolve(System.getProperty("labtutor.cache.dir"), System::getenv, System.getProperty("user.home"));
    }

    static Path resolve(String property, Function<String, String> env, String home) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String xdg = env.apply("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : Path.of(home, ".cache");
        return base.resolve("labtutor");
    }
}
