package dev.labtutor.io;

import java.nio.file.Path;

/**
 * Where labtutor keeps what it can always make again (the parsed course): the {@code labtutor.cache.dir} system
 * property (tests), else {@code $XDG_CACHE_HOME/labtutor}, else {@code ~/.cache/labtutor}. Deleting it loses nothing.
 */
public final class CacheDir {

    private CacheDir() {
    }

    public static Path resolve() {
        return UserDir.resolve(System.getProperty("labtutor.cache.dir"), System.getenv("XDG_CACHE_HOME"),
                Path.of(System.getProperty("user.home"), ".cache"));
    }
}
