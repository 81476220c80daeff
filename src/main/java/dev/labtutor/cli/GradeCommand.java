package dev.labtutor.cli;

import dev.labtutor.app.ClassGrading;
import dev.labtutor.grading.ClassGrades;
import dev.labtutor.grading.ClassSummary;
import dev.labtutor.grading.GradeInputs;
import dev.labtutor.grading.Gradebook;
import dev.labtutor.grading.Grader;
import dev.labtutor.i18n.Lang;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code labtutor grade}: grades a whole class from a roster, every student's hosts at once, and writes the gradebook.
 * Exit 0 when grading ran, whatever the scores; 2 for bad input.
 */
@Command(name = "grade",
        description = {
                "Grade a whole class from a roster: every student's lab hosts at once, one batched SSH exec per "
                        + "host for all the lessons.",
                "Writes a gradebook: grades.csv, results.json, junit.xml, report.html, evidence/ and SHA256SUMS.",
                "Exit 0 when grading ran (whatever the scores), 2 for bad input."})
public final class GradeCommand implements Callable<Integer> {

    @Option(names = "--roster", required = true, paramLabel = "FILE",
            description = "The class: roster.yaml (see README: Grading).")
    Path roster;

    @Option(names = "--lessons", split = ",", paramLabel = "A,B",
            description = "Lessons to grade (default: the roster's, else all).")
    List<String> lessons = List.of();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Gradebook directory (default: grades-<date>-<time>); an existing one must be empty or a gradebook.")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "64",
            description = "Hosts graded at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Deadline for each host, connecting and all its lessons' checks included; a host that misses it is UNREACHABLE "
                    + "(default: 20 plus 2 per graded lesson, 46 for all 13).")
    Integer timeout;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "The class known_hosts (default: the roster's known-hosts, else known_hosts beside the roster).")
    Path knownHosts;

    @Option(names = "--watch",
            description = "Live class dashboard: re-grade every --interval seconds and rewrite the gradebook; q quits.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "30",
            description = "Seconds between rounds with --watch (default: ${DEFAULT-VALUE}).")
    int interval;

    @Mixin
    CourseOptions courseOptions = new CourseOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (parallel < 1 || parallel > 1024) {
            throw new UserError("--parallel must be between 1 and 1024");
        }
        if (timeout != null && (timeout < 1 || timeout > 600)) {
            throw new UserError("--timeout must be between 1 and 600 seconds");
        }
        if (interval < 5 || interval > 3600) {
            throw new UserError("--interval must be between 5 and 3600 seconds");
        }
        if (watch && System.console() == null) {
            throw new UserError("--watch needs a terminal (it draws a full-screen dashboard)");
        }
        java.util.concurrent.CompletableFuture<Void> warm =
                java.util.concurrent.CompletableFuture.runAsync(ClassGrading::warmUpSsh);
        Lang lang = courseOptions.lang();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        GradeInputs in = courseOptions.gradeInputs(roster, lessons);
        in.warnings().forEach(w -> err.println("labtutor: warning: " + w.in(lang)));
        Path dir = out != null ? out
                : Path.of("grades-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (!Gradebook.writable(dir)) {
            throw new UserError(
                    "--out " + dir + " exists and is neither empty nor a gradebook; choose another directory");
        }
        Path kh = knownHosts != null ? knownHosts
                : in.roster().knownHosts().orElse(in.roster().source().toAbsolutePath().resolveSibling("known_hosts"));
        Duration deadline = timeout != null ? Duration.ofSeconds(timeout) : Grader.defaultDeadline(in.lessons().size());
        ClassGrading.Settings settings =
                new ClassGrading.Settings(kh, deadline, parallel, watch, Duration.ofSeconds(interval), dir, lang);
        int newKeys = ClassGrading.run(in, settings, err, g -> write(g, dir, lang), warm,
                g -> ClassSummary.print(stdout, g, dir, lang));
        if (newKeys > 0) {
            err.println("labtutor: recorded " + newKeys + " new host key(s) in " + kh
                    + " (fingerprints are in each host's evidence file)");
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    static void write(ClassGrades g, Path dir, Lang lang) {
        try {
            Gradebook.write(g, dir, lang);
        } catch (IOException e) {
            throw new UserError("cannot write the gradebook to " + dir + ": " + e.getMessage(), ExitCodes.FAILED);
        }
    }
}
