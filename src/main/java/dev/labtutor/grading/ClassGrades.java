package dev.labtutor.grading;

import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One grading round of a whole class: what every report of the gradebook is written from. */
public record ClassGrades(Course course, List<Lesson> lessons, Path roster, Path knownHosts, Duration timeout,
                          int parallel, Instant started, Instant finished, List<StudentGrade> students) {

    public ClassGrades {
        lessons = List.copyOf(lessons);
        students = List.copyOf(students);
    }

    public Duration elapsed() {
        return Duration.between(started, finished);
    }

    public long unreachableHosts() {
        return students.stream().mapToLong(s -> s.unreachableHosts().size()).sum();
    }
}
