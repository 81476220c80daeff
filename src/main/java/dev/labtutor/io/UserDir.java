package dev.labtutor.io;

import java.nio.file.Path;

/**
 * One of labtutor's directories under the user's XDG base directories: the system property that names it (tests), else
 * {@code labtutor} under the XDG variable's directory when that is an absolute path (the specification says to ignore a
 * relative one), else {@code labtutor} under the specification's default below the home directory.
 */
public final class UserDir {

    private UserDir() {
    }

    /**
     * @param property the system property's value, or null
     * @param xdg the XDG variable's value, or null
     * @param fallback the base directory when {@code xdg} is unset, empty or relative
     */
    public static Path resolve(String property, String xdg, Path fallback) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg) : fallback;
        return base.resolve("labtutor");
    }
}
