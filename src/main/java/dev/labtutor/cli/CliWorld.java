package dev.labtutor.cli;

import dev.labtutor.app.TutorWorld;
import dev.labtutor.course.Course;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Temporary: {@link CdsTraining}, which the start-up rework owns, still makes the tutor's world
 * under this name. Use {@link TutorWorld}; delete this once CdsTraining does.
 */
final class CliWorld extends TutorWorld {

    CliWorld(Course course, CourseOptions courseOptions, Optional<Path> knownHosts, Duration hostDeadline, Optional<Path> stateRoot) {
        super(course, courseOptions.checks(), knownHosts, hostDeadline, stateRoot);
    }
}
