package dev.labtutor.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where labtutor's own data lives ({@code lessons/}, {@code checks/}): the {@code labtutor.home} system property set by
 * the launcher, else the working directory when it has them, else the directory above the jar.
 */
public final class Installation {

    private final Path home;

    private Installation(Path home) {
        this.home = home;
    }

    public static Installation locate() {
        String prop = System.getProperty("labtutor.home");
        if (prop != null && !prop.isBlank()) {
            return new Installation(Path.of(prop).toAbsolutePath().normalize());
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isDirectory(cwd.resolve("lessons")) && Files.isDirectory(cwd.resolve("checks"))) {
            return new Installation(cwd);
        }
        try {
            Path jar = Path.of(Installation.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path dir = jar.getParent();
            for (int i = 0; i < 3 && dir != null; i++, dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve("lessons"))) {
                    return new Installation(dir);
                }
            }
        } catch (Exception ignored) {
            // fall through to the working directory
        }
        return new Installation(cwd);
    }

    public static Installation at(Path home) {
        return new Installation(home);
    }

    public Path home() {
        return home;
    }

    public Path checksDir() {
        return home.resolve("checks");
    }

    public Path lessonsDir() {
        return home.resolve("lessons");
    }

    /** The course to use: the given directory, else the first course under lessons/. */
    public Path courseDir(Optional<Path> explicit) {
        if (explicit.isPresent()) {
            return explicit.get();
        }
        List<Path> courses = dev.labtutor.course.CourseReader.courseDirs(lessonsDir());
        if (courses.isEmpty()) {
            throw new UserError("no course found under " + lessonsDir() + " (pass --course DIR)");
        }
        return courses.get(0);
    }
}
