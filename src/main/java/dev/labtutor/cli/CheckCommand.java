package dev.labtutor.cli;

import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.host.LabFile;
import dev.labtutor.i18n.Lang;
import dev.labtutor.view.LessonReport;
import dev.labtutor.view.ReportJson;
import dev.labtutor.view.ReportText;
import dev.labtutor.yaml.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labtutor check LESSON}: checks the learner's lab hosts for one lesson. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check your lab hosts for one lesson. Exit 0 when every check passes, 1 otherwise, 2 for bad input.")
public final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LESSON", description = "Lesson id (see 'labtutor lessons').")
    String lessonId;

    @Mixin
    CourseOptions courseOptions = new CourseOptions();

    @Mixin
    LabOptions labOptions = new LabOptions();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: text).")
    String format;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Re-run failing checks until they pass or this many seconds have passed.")
    int waitSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Deadline for each host per round, connecting included (default: 20).")
    int hostTimeout;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserError("--format must be text or json, not '" + format + "'");
        }
        if (waitSeconds < 0 || waitSeconds > 3600) {
            throw new UserError("--wait must be between 0 and 3600 seconds");
        }
        if (hostTimeout < 1 || hostTimeout > 600) {
            throw new UserError("--timeout must be between 1 and 600 seconds");
        }
        Lang lang = courseOptions.lang();
        Installation inst = Installation.locate();
        Course course = courseOptions.loadCourse(inst);
        CheckCatalog catalog = courseOptions.loadChecks(inst);
        Lesson lesson = CourseOptions.lesson(course, lessonId);
        LabFile lab = labOptions.load();
        Bindings bindings = Bindings.of(course, Optional.of(lab));

        Set<String> roles = new LinkedHashSet<>();
        lesson.checks().forEach(ref -> roles.addAll(ref.on()));
        List<Problem> labProblems = bindings.labProblems(new ArrayList<>(roles));
        if (!labProblems.isEmpty()) {
            throw new UserError("the lab file does not fit this lesson: " + labProblems.get(0)
                    + (labProblems.size() > 1 ? " (and " + (labProblems.size() - 1) + " more)" : ""));
        }
        List<Verdict> verdicts;
        try (LabSession session = LabSession.open(labOptions.knownHosts(Optional.of(lab)), Duration.ofSeconds(hostTimeout),
                spec.commandLine().getErr(), lang)) {
            verdicts = session.lessonLab(course, catalog, lab).check(lesson, Duration.ofSeconds(waitSeconds),
                    new TimelinePrinter(spec.commandLine().getErr(), lang));
        }
        LessonReport report = new LessonReport(course.id(), lesson.id(), verdicts);
        var out = spec.commandLine().getOut();
        if (format.equals("json")) {
            out.println(ReportJson.render(report, lang));
        } else {
            boolean color = picocli.CommandLine.Help.Ansi.AUTO.enabled();
            out.print(ReportText.render(report, lesson.title().in(lang), lang, color));
        }
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
