package dev.labtutor.grading;

import dev.labtutor.check.CheckCatalog;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.yaml.DataFileException;
import dev.labtutor.yaml.Fields;
import dev.labtutor.yaml.Problem;
import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code grade} and {@code roster check} work from, read and checked together: the roster, the course it names (or
 * the one given), the checks, and the lessons to grade. Anything wrong is one {@link Invalid} listing every problem as
 * file:line:col.
 */
public record GradeInputs(Roster roster, Course course, CheckCatalog catalog, List<Lesson> lessons,
        List<Text> warnings) {

    /** Input that cannot be graded, said in one message (the user's to fix). */
    public static final class Invalid extends RuntimeException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** Where the course and the checks come from when the roster does not decide. */
    public interface Sources {
        /** The course given on the command line, which wins over the roster's. */
        Optional<Supplier<Course>> given();

        /** The installed course, when neither the command line nor the roster names one. */
        Course installed();

        /** Where the installed courses are, to find the one the roster names. */
        Path lessonsDir();

        CheckCatalog checks();

        /** Lesson {@code id} of {@code course}; an unknown id throws the caller's own error. */
        Lesson lesson(Course course, String id);
    }

    public static GradeInputs load(Path rosterFile, List<String> requested, Sources sources) {
        if (!Files.isRegularFile(rosterFile)) {
            throw new Invalid("roster " + rosterFile + " does not exist");
        }
        Problems problems = new Problems();
        Optional<Roster> read = RosterReader.forCurrentUser().read(rosterFile, problems);
        invalid(problems, "the roster is invalid");
        Roster roster = read.orElseThrow();
        Course course = sources.given().map(Supplier::get).orElseGet(() -> rosterCourse(roster, sources));
        CheckCatalog catalog = sources.checks();
        requested.forEach(id -> sources.lesson(course, id));
        List<Lesson> lessons = roster.select(course, requested, problems);
        invalid(problems, "the roster does not fit the course");
        problems.addAll(roster.problemsWith(course, lessons));
        invalid(problems, "the roster does not fit the course");
        if (lessons.stream().allMatch(l -> l.checks().isEmpty())) {
            throw new Invalid("the selected lessons have no checks: nothing to grade");
        }
        return new GradeInputs(roster, course, catalog, lessons, roster.warnings(course, lessons));
    }

    /**
     * Secrets to keep out of the gradebook: VRRP passwords of every student (login passwords join as they are used).
     */
    public Redactor redactor(Function<String, String> env) {
        Redactor r = new Redactor();
        roster.students().forEach(s -> s.lab().vars().forEach((k, v) -> {
            if (k.contains("pass")) {
                r.word(v);
            }
        }));
        roster.students().forEach(s -> s.lab().hosts().values().stream().map(HostSpec::passwordEnv)
                .flatMap(Optional::stream).forEach(e -> r.secret(env.apply(e))));
        return r;
    }

    private static Course rosterCourse(Roster roster, Sources sources) {
        if (roster.course().isEmpty()) {
            return sources.installed();
        }
        String want = roster.course().get();
        YNode at = roster.courseAt().orElseThrow();
        Path asPath = roster.source().toAbsolutePath().getParent().resolve(want).normalize();
        Optional<Path> dir = want.contains("/") && Files.isDirectory(asPath) ? Optional.of(asPath)
                : CourseReader.courseDirs(sources.lessonsDir()).stream()
                        .filter(d -> d.getFileName().toString().equals(want)).findFirst();
        if (dir.isEmpty()) {
            Set<String> known = new LinkedHashSet<>();
            CourseReader.courseDirs(sources.lessonsDir()).forEach(d -> known.add(d.getFileName().toString()));
            throw new Invalid("the roster is invalid:\n" + new Problem(at.file(), at.line(), at.column(),
                    "unknown course '" + want + "'" + Fields.suggestion(want, known)));
        }
        try {
            return CourseReader.readStrict(dir.get());
        } catch (DataFileException e) {
            throw new Invalid(
                    "the course data is invalid: " + e.getMessage() + " (run 'labtutor lint' for all problems)");
        }
    }

    private static void invalid(Problems problems, String what) {
        if (!problems.isEmpty()) {
            throw new Invalid(what + ":\n" + new DataFileException(problems.sorted()).listing(30));
        }
    }
}
