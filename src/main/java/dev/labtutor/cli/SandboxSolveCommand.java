package dev.labtutor.cli;

import dev.labtutor.app.LabSession;
import dev.labtutor.app.TimelinePrinter;
import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.LabFileReader;
import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.session.LessonSolve;
import dev.labtutor.session.Solver;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code labtutor sandbox solve LESSON}: applies a lesson's solution to the sandbox over SSH, as a learner would. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Apply a lesson's solution to the sandbox hosts over SSH (the commands the lesson teaches, with the sandbox's values).")
public final class SandboxSolveCommand extends CourseCommand {

    @Parameters(index = "0", paramLabel = "LESSON", description = "Lesson id.")
    String lessonId;

    @Mixin
    SandboxWhere where;

    @picocli.CommandLine.Option(names = "--only",
            description = "Apply only this lesson's solution, not the earlier lessons that do not pass yet.")
    boolean only;

    @picocli.CommandLine.Option(names = "--settle", defaultValue = "45",
            description = "Seconds to wait for the lesson's checks to pass after applying it (default: ${DEFAULT-VALUE}).")
    int settle;

    @Override
    public Integer call() throws Exception {
        Course course = courseOptions.loadCourse();
        CheckCatalog catalog = courseOptions.loadChecks();
        Lesson lesson = CourseOptions.lesson(course, lessonId);
        Sandbox sandbox = where.openRunning();
        LabFile lab = LabFileReader.forCurrentUser().readStrict(sandbox.labFile());
        PrintWriter out = spec.commandLine().getOut();
        try (LabSession session = LabSession.open(sandbox.knownHosts(), Duration.ofSeconds(120),
                spec.commandLine().getErr(), courseOptions.lang())) {
            List<Verdict> open = LessonSolve.run(session.lessonLab(course, catalog, lab), course, lesson, only,
                    Duration.ofSeconds(settle), line -> {
                        out.println(line);
                        out.flush();
                    }, TimelinePrinter.to(out, courseOptions.lang()));
            if (!open.isEmpty()) {
                for (Verdict v : open) {
                    out.println("  " + v.status() + " " + v.check() + ": " + v.message().en());
                }
                throw new UserError("the solution of " + lesson.id() + " was applied but " + open.size()
                        + " check(s) still do not pass (see above)", ExitCodes.FAILED);
            }
        } catch (Solver.SolveFailed e) {
            throw new UserError("solving " + lesson.id() + " failed: " + e.getMessage(), ExitCodes.FAILED);
        }
        out.println("solved " + lesson.id() + ": all its checks pass; see them with: labtutor check " + lesson.id());
        out.flush();
        return ExitCodes.OK;
    }
}
