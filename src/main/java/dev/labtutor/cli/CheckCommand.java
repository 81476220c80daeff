package dev.labtutor.cli;

import dev.labtutor.app.LabSession;
import dev.labtutor.app.LearnerContext;
import dev.labtutor.app.NextStep;
import dev.labtutor.app.TimelinePrinter;
import dev.labtutor.app.WaitLine;
import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.LabFile;
import dev.labtutor.session.Checker;
import dev.labtutor.session.Driver;
import dev.labtutor.session.HostProfiles;
import dev.labtutor.session.Intent;
import dev.labtutor.session.LessonLab;
import dev.labtutor.session.LiveChecker;
import dev.labtutor.session.QuizGrading;
import dev.labtutor.session.Session;
import dev.labtutor.session.SessionState;
import dev.labtutor.view.LessonReport;
import dev.labtutor.view.ReportJson;
import dev.labtutor.view.ReportText;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code labtutor check [LESSON]}: checks the learner's lab hosts for one lesson, by default the lesson they are at,
 * through the same session as the tutor: the attempt, a pass and the lesson it unlocks are recorded in the progress,
 * and a pass names the next lesson.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check your lab hosts for a lesson (default: the lesson you are at). Exit 0 when every check passes, 1 otherwise, 2 for bad input.")
public final class CheckCommand extends LearnerCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "LESSON",
            description = "Lesson id (see 'labtutor lessons'); default: the lesson you are at.")
    String lessonId;

    @Mixin
    FormatOption format = new FormatOption();

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "0",
            description = "Re-run failing checks until they pass or this many seconds have passed, showing what is awaited.")
    int waitSeconds;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20",
            description = "Deadline for each host per round, connecting included (default: 20).")
    int hostTimeout;

    @Override
    public Integer call() throws InterruptedException {
        boolean json = format.json();
        if (waitSeconds < 0 || waitSeconds > 3600) {
            throw new UserError("--wait must be between 0 and 3600 seconds");
        }
        if (hostTimeout < 1 || hostTimeout > 600) {
            throw new UserError("--timeout must be between 1 and 600 seconds");
        }
        Lang lang = courseOptions.lang();
        PrintWriter err = spec.commandLine().getErr();
        LearnerContext learner = labOptions.learner(courseOptions, true);
        learner.loaded.warning().ifPresent(w -> err.println("labtutor: " + w.in(lang)));
        Course course = learner.course;
        LabFile lab = learner.lab.orElseThrow();
        SessionState start = learner.state(lang, Clock.systemUTC().instant());
        Lesson lesson = lessonId != null ? CourseOptions.lesson(course, lessonId) : start.current();
        LearnerContext.notes(course, learner.lab, lang, true).forEach(n -> err.println("labtutor: " + n));
        CheckCatalog catalog = courseOptions.loadChecks();

        Map<String, List<Verdict>> seen = new ConcurrentHashMap<>();
        SessionState end;
        try (LabSession session =
                LabSession.open(labOptions.knownHosts(Optional.of(lab)), Duration.ofSeconds(hostTimeout), err, lang)) {
            LessonLab ll = session.lessonLab(course, catalog, lab);
            if (!ll.problems(lesson).isEmpty()) {
                var problems = ll.problems(lesson);
                throw new UserError("the lab file does not fit this lesson: " + problems.get(0)
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
            }
            // The first round asks every host its distribution (and interface): kept in progress, shown in the report.
            start = start.withHosts(ll.profiles(lab.hosts().keySet()));
            WaitLine waitLine = new WaitLine(err, lang, waitSeconds > 0 && System.console() != null);
            Checker live =
                    new LiveChecker(ll, Duration.ofSeconds(waitSeconds), waitLine, TimelinePrinter.to(err, lang));
            Checker recording = new Checker() {
                @Override
                public List<Verdict> check(Lesson l, Listener listener) throws Refused, InterruptedException {
                    List<Verdict> v = live.check(l, listener);
                    seen.put(l.id(), v);
                    return v;
                }

                @Override
                public HostProfiles detectHosts(Set<String> roles) throws InterruptedException {
                    return live.detectHosts(roles);
                }
            };
            try (Driver driver = new Driver(new Session(QuizGrading.COURSE), start, learner.loaded.existed(), false,
                    recording, learner.store, Clock.systemUTC(), line -> err.println("labtutor: " + line))) {
                driver.dispatch(lessonId != null ? new Intent.CheckLesson(lesson.id()) : new Intent.Check());
                driver.awaitIdle();
                end = driver.state();
            }
            waitLine.clear();
        }
        if (!seen.containsKey(lesson.id()) && !lesson.checks().isEmpty()) {
            throw new UserError(end.flash().map(f -> f.text().in(lang)).orElse("the check did not run"));
        }
        var out = spec.commandLine().getOut();
        LessonReport report = LessonReport.of(end, lesson.id(), learner.header(lesson, lang, end.progress().distros()),
                NextStep.after(end, lesson));
        if (json) {
            out.println(ReportJson.render(report, lang));
        } else {
            out.print(ReportText.render(report, lang, picocli.CommandLine.Help.Ansi.AUTO.enabled()));
        }
        out.flush();
        return ExitCodes.passed(report.passed());
    }
}
