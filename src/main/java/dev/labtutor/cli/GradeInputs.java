package dev.labtutor.cli;

import dev.labtutor.check.CheckCatalog;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.course.Lesson;
import dev.labtutor.grading.Roster;
import dev.labtutor.grading.RosterReader;
import dev.labtutor.i18n.Text;
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

/**
 * What {@code grade} and {@code roster check} work from, read and checked together: the roster,
 * the course it names (or {@code --course}), the checks, and the lessons to grade. Anything
 * wrong is one {@link UserError} (exit 2) listing every problem as file:line:col.
 */
record GradeInputs(Roster roster, Course course, CheckCatalog catalog, List<Lesson> lessons, List<Text> warnings) {

    static GradeInputs load(Path rosterFile, List<String> requested, CourseOptions courseOptions, Installation inst) {
        if (!Files.isRegularFile(rosterFile)) {
            throw new UserError("roster " + rosterFile + " does not exist");
        }
        Problems problems = new Problems();
        Optional<Roster> read = RosterReader.forCurrentUser().read(rosterFile, problems);
        invalid(problems, "the roster is invalid");
        Roster roster = read.orElseThrow();
        Course course = courseOptions.course != null ? courseOptions.loadCourse(inst) : rosterCourse(roster, inst, courseOptions);
        CheckCatalog catalog = courseOptions.loadChecks(inst);
        requested.forEach(id -> CourseOptions.lesson(course, id));
        List<Lesson> lessons = roster.select(course, requested, problems);
        invalid(problems, "the roster does not fit the course");
        problems.addAll(roster.problemsWith(course, lessons));
        invalid(problems, "the roster does not fit the course");
        if (lessons.stream().allMatch(l -> l.checks().isEmpty())) {
            throw new UserError("the selected lessons have no checks: nothing to grade");
        }
        return new GradeInputs(roster, course, catalog, lessons, roster.warnings(course, lessons));
    }

    private static Course rosterCourse(Roster roster, Installation inst, CourseOptions courseOptions) {
        if (roster.course().isEmpty()) {
            return courseOptions.loadCourse(inst);
        }
        String want = roster.course().get();
        YNode at = roster.courseAt().orElseThrow();
        Path asPath = roster.source().toAbsolutePath().getParent().resolve(want).normalize();
        Optional<Path> dir = want.contains("/") && Files.isDirectory(asPath) ? Optional.of(asPath)
                : CourseReader.courseDirs(inst.lessonsDir()).stream().filter(d -> d.getFileName().toString().equals(want)).findFirst();
        if (dir.isEmpty()) {
            Set<String> known = new LinkedHashSet<>();
            CourseReader.courseDirs(inst.lessonsDir()).forEach(d -> known.add(d.getFileName().toString()));
            throw new UserError("the roster is invalid:\n" + new Problem(at.file(), at.line(), at.column(),
                    "unknown course '" + want + "'" + Fields.suggestion(want, known)));
        }
        try {
            return CourseReader.readStrict(dir.get());
        } catch (DataFileException e) {
            throw new UserError("the course data is invalid: " + e.getMessage() + " (run 'labtutor lint' for all problems)");
        }
    }

    private static void invalid(Problems problems, String what) {
        if (!problems.isEmpty()) {
            throw new UserError(what + ":\n" + new DataFileException(problems.sorted()).listing(30));
        }
    }
}
