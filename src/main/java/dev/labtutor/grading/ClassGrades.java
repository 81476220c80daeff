package dev.labtutor.grading;

import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One grading round of a whole class: what every report of the gradebook is written from.
 *
 * @param warnings what the roster itself gives away (students sharing hosts or VRRP values), so that the gradebook
 *     carries it and not only the terminal it was printed on
 */
public record ClassGrades(Course course, List<Lesson> lessons, Path roster, Path knownHosts, Duration timeout,
        int parallel, Instant started, Instant finished, List<StudentGrade> students, List<Text> warnings) {

    /** The note a lesson with a quiz gets in the gradebook: the quiz is not graded here. */
    public static final Text QUIZ_NOT_GRADED =
            Text.of("小测验：这里不评分（在学员的 labtutor 中作答）", "quiz: not graded here (answered in the tutor)");

    public ClassGrades {
        lessons = List.copyOf(lessons);
        students = List.copyOf(students);
        warnings = List.copyOf(warnings);
    }

    public ClassGrades(Course course, List<Lesson> lessons, Path roster, Path knownHosts, Duration timeout,
            int parallel, Instant started, Instant finished, List<StudentGrade> students) {
        this(course, lessons, roster, knownHosts, timeout, parallel, started, finished, students, List.of());
    }

    public Duration elapsed() {
        return Duration.between(started, finished);
    }

    public long unreachableHosts() {
        return students.stream().mapToLong(s -> s.unreachableHosts().size()).sum();
    }

    public long errorHosts() {
        return students.stream().mapToLong(s -> s.errorHosts().size()).sum();
    }

    /** The graded lessons that have a quiz: it is answered in the learner's tutor, never seen on a host. */
    public List<Lesson> quizLessons() {
        return lessons.stream().filter(l -> !l.quiz().isEmpty()).toList();
    }

    /** The points a lesson is worth (the same for every student: the same checks, the roster's weights). */
    public int maximum(Lesson lesson) {
        return students.stream().flatMap(s -> s.lessons().stream()).filter(l -> l.id().equals(lesson.id())).findFirst()
                .map(LessonGrade::maximum).orElse(0);
    }
}
