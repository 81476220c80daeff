package dev.labtutor.cli;

import dev.labtutor.check.CheckCatalog;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseCache;
import dev.labtutor.course.CourseReader;
import dev.labtutor.course.Lesson;
import dev.labtutor.grading.GradeInputs;
import dev.labtutor.i18n.Lang;
import dev.labtutor.io.CacheDir;
import dev.labtutor.yaml.DataFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** Options shared by commands that read the course: which course, which language. */
public final class CourseOptions {

    @Option(names = "--course", paramLabel = "DIR",
            description = "Course directory (default: the course under lessons/).")
    Path course;

    @Option(names = "--lang", paramLabel = "zh|en",
            description = "Language of messages (default: from LANG; zh or en).")
    String lang;

    public Lang lang() {
        if (lang == null) {
            return Lang.fromEnvironment();
        }
        try {
            return Lang.parse(lang);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The course, from the installation labtutor runs from. */
    public Course loadCourse() {
        return loadCourse(Installation.locate());
    }

    /** The check definitions, from the installation labtutor runs from. */
    public CheckCatalog loadChecks() {
        return loadChecks(Installation.locate());
    }

    public Course loadCourse(Installation inst) {
        try {
            Path dir = inst.courseDir(Optional.ofNullable(course));
            java.util.function.Supplier<Course> fresh = () -> CourseReader.readStrict(dir);
            return CourseCache.forBuild(CacheDir.resolve(), dir).map(c -> c.read(dir, fresh)).orElseGet(fresh);
        } catch (DataFileException e) {
            throw new UserError(
                    "the course data is invalid: " + e.getMessage() + " (run 'labtutor lint' for all problems)");
        }
    }

    public CheckCatalog loadChecks(Installation inst) {
        try {
            return CheckCatalog.readStrict(inst.checksDir());
        } catch (DataFileException e) {
            throw new UserError("the check definitions are invalid: " + e.getMessage() + " (run 'labtutor lint')");
        }
    }

    /**
     * The check definitions read on demand, e.g. by the tutor in the background. A named class, not a lambda: the
     * class-data archive has it, so the tutor's start spins no lambda class for it.
     */
    public Supplier<CheckCatalog> checks() {
        return new Checks(this);
    }

    private record Checks(CourseOptions options) implements Supplier<CheckCatalog> {
        @Override
        public CheckCatalog get() {
            return options.loadChecks();
        }
    }

    /** What {@code grade} and {@code roster check} work from: {@code --course} wins over the roster's course. */
    public GradeInputs gradeInputs(Path roster, List<String> lessons) {
        Installation inst = Installation.locate();
        return GradeInputs.load(roster, lessons, new GradeInputs.Sources() {
            @Override
            public Optional<Supplier<Course>> given() {
                return course == null ? Optional.empty() : Optional.of(() -> loadCourse(inst));
            }

            @Override
            public Course installed() {
                return loadCourse(inst);
            }

            @Override
            public Path lessonsDir() {
                return inst.lessonsDir();
            }

            @Override
            public CheckCatalog checks() {
                return loadChecks(inst);
            }

            @Override
            public Lesson lesson(Course c, String id) {
                return CourseOptions.lesson(c, id);
            }
        });
    }

    public static Lesson lesson(Course course, String id) {
        return course.lesson(id).orElseThrow(() -> {
            java.util.List<String> ids = course.lessons().stream().map(Lesson::id).toList();
            return new UserError("unknown lesson '" + id + "'"
                    + dev.labtutor.yaml.Fields.closest(id, ids).map(best -> " (did you mean '" + best + "'?)")
                            .orElse(" (lessons: " + String.join(", ", ids) + ")"));
        });
    }
}
