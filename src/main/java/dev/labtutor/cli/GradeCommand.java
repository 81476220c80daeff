package dev.labtutor.cli;

import dev.labtutor.grading.ClassGrades;
import dev.labtutor.grading.ClassPrompter;
import dev.labtutor.grading.Gradebook;
import dev.labtutor.grading.Grader;
import dev.labtutor.grading.Redactor;
import dev.labtutor.grading.Remarks;
import dev.labtutor.grading.Roster;
import dev.labtutor.grading.StudentGrade;
import dev.labtutor.ssh.ConsoleSecretPrompter;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.ShellPool;
import dev.labtutor.ssh.SshConnector;
import dev.labtutor.ssh.SshOptions;
import dev.labtutor.i18n.Lang;
import dev.labtutor.view.DisplayWidth;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code labtutor grade}: grades a whole class from a roster, every student's hosts at once, and
 * writes the gradebook. Exit 0 when grading ran, whatever the scores; 2 for bad input.
 */
@Command(name = "grade",
        description = {"Grade a whole class from a roster: every student's lab hosts at once, one batched SSH exec per "
                + "host for all the lessons.",
                "Writes a gradebook: grades.csv, results.json, junit.xml, report.html, evidence/ and SHA256SUMS.",
                "Exit 0 when grading ran (whatever the scores), 2 for bad input."})
public final class GradeCommand implements Callable<Integer> {

    @Option(names = "--roster", required = true, paramLabel = "FILE", description = "The class: roster.yaml (see README: Grading).")
    Path roster;

    @Option(names = "--lessons", split = ",", paramLabel = "A,B", description = "Lessons to grade (default: the roster's, else all).")
    List<String> lessons = List.of();

    @Option(names = "--out", paramLabel = "DIR", description = "Gradebook directory (default: grades-<date>-<time>); an existing one must be empty or a gradebook.")
    Path out;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "64", description = "Hosts graded at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Deadline for each host, connecting and all its lessons' checks included; a host that misses it is UNREACHABLE "
                          + "(default: 20 plus 2 per graded lesson, 46 for all 13).")
    Integer timeout;

    @Option(names = "--known-hosts", paramLabel = "FILE",
            description = "The class known_hosts (default: the roster's known-hosts, else known_hosts beside the roster).")
    Path knownHosts;

    @Option(names = "--watch", description = "Live class dashboard: re-grade every --interval seconds and rewrite the gradebook; q quits.")
    boolean watch;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "30", description = "Seconds between rounds with --watch (default: ${DEFAULT-VALUE}).")
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
        java.util.concurrent.CompletableFuture<Void> warm = java.util.concurrent.CompletableFuture.runAsync(GradeCommand::warmUpSsh);
        Lang lang = courseOptions.lang();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        GradeInputs in = GradeInputs.load(roster, lessons, courseOptions, Installation.locate());
        in.warnings().forEach(w -> err.println("labtutor: warning: " + w.in(lang)));
        Path dir = out != null ? out : Path.of("grades-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        if (!Gradebook.writable(dir)) {
            throw new UserError("--out " + dir + " exists and is neither empty nor a gradebook; choose another directory");
        }
        Path kh = knownHosts != null ? knownHosts
                : in.roster().knownHosts().orElse(in.roster().source().toAbsolutePath().resolveSibling("known_hosts"));
        Redactor redactor = redactor(in.roster());
        AtomicInteger newKeys = new AtomicInteger();
        Duration deadline = timeout != null ? Duration.ofSeconds(timeout) : Grader.defaultDeadline(in.lessons().size());
        SshOptions base = SshOptions.defaults(kh);
        SshOptions options = new SshOptions(kh, deadline, deadline, deadline, base.keepAliveInterval(), base.outputCap());
        try (GradeProgress progress = new GradeProgress(err, System.console() != null);
             ClassPrompter prompter = new ClassPrompter(new ConsoleSecretPrompter(), progress::pause, progress::resume, redactor)) {
            SshConnector connector = new SshConnector(options, prompter, redactor.recording(System::getenv),
                    t -> newKeys.incrementAndGet());
            try (ShellPool pool = new ShellPool(connector);
                 Grader grader = new Grader(in.course(), in.catalog(), watch ? pool::get : connector::open,
                         LabSession.LocalProbes::run, deadline, parallel, redactor)) {
                warm.join();
                ClassGrades g = grader.grade(in.roster(), in.lessons(), kh, progress);
                progress.close();
                write(g, dir, lang);
                if (watch) {
                    prompter.stopAsking();
                    g = GradeDashboard.runOnTerminal(g, rounds -> grader.grade(in.roster(), in.lessons(), kh, rounds),
                            next -> write(next, dir, lang), dir, Duration.ofSeconds(interval), lang);
                }
                summary(stdout, g, dir, lang);
            }
        }
        if (newKeys.get() > 0) {
            err.println("labtutor: recorded " + newKeys.get() + " new host key(s) in " + kh
                    + " (fingerprints are in each host's evidence file)");
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    /**
     * Loads the SSH stack (security provider, algorithm tables) while the roster is read, so that
     * the first hosts' deadlines are not spent on the JVM's one-time set-up.
     */
    private static void warmUpSsh() {
        new net.schmizz.sshj.DefaultConfig();
    }

    /** Secrets to keep out of the gradebook: VRRP passwords of every student (login passwords join as they are used). */
    private static Redactor redactor(Roster roster) {
        Redactor r = new Redactor();
        roster.students().forEach(s -> s.lab().vars().forEach((k, v) -> {
            if (k.contains("pass")) {
                r.word(v);
            }
        }));
        roster.students().forEach(s -> s.lab().hosts().values().stream().map(HostSpec::passwordEnv)
                .flatMap(Optional::stream).forEach(e -> r.secret(System.getenv(e))));
        return r;
    }

    static void write(ClassGrades g, Path dir, Lang lang) {
        try {
            Gradebook.write(g, dir, lang);
        } catch (IOException e) {
            throw new UserError("cannot write the gradebook to " + dir + ": " + e.getMessage(), ExitCodes.FAILED);
        }
    }

    /**
     * The class on the terminal: a line per student with the score (or "not graded") and how
     * many checks failed, then, indented, each host that could not be asked with what to do and
     * the failed checks grouped by lesson, capped (the gradebook has them all).
     */
    static void summary(PrintWriter out, ClassGrades g, Path dir, Lang lang) {
        boolean zh = lang == Lang.ZH;
        long notGraded = g.students().stream().filter(s -> !s.graded()).count();
        out.printf(Locale.ROOT, "Graded %d student(s) on %s in %.1f s (deadline %d s per host, %d hosts at once)%s.%n",
                g.students().size(), String.join(", ", g.lessons().stream().map(l -> l.id()).toList()),
                g.elapsed().toMillis() / 1000.0, g.timeout().toSeconds(), g.parallel(),
                notGraded == 0 ? "" : "; " + notGraded + " not graded (no host could be judged)");
        int idW = g.students().stream().mapToInt(s -> DisplayWidth.of(s.student().id())).max().orElse(2);
        int nameW = Math.min(24, g.students().stream().mapToInt(s -> DisplayWidth.of(s.student().name())).max().orElse(4));
        int scoreW = Math.max(14, g.students().stream().mapToInt(s -> DisplayWidth.of(s.scoreText(lang))).max().orElse(14));
        for (StudentGrade s : g.students()) {
            out.println("  " + DisplayWidth.pad(s.student().id(), idW) + "  " + DisplayWidth.pad(s.student().name(), nameW)
                    + "  " + DisplayWidth.pad(s.scoreText(lang), scoreW) + "  " + dev.labtutor.view.SafeText.terminal(Remarks.headline(s, lang)));
            Remarks.details(s, lang).forEach(line -> out.println("      " + dev.labtutor.view.SafeText.terminal(line)));
        }
        if (!g.quizLessons().isEmpty()) {
            String ids = String.join(", ", g.quizLessons().stream().map(l -> l.id()).toList());
            out.println(zh ? "小测验（" + ids + "）在学员自己的 labtutor 中作答，这里不评分。"
                    : "Quizzes (" + ids + ") are answered in each learner's tutor and are not graded here.");
        }
        if (!g.warnings().isEmpty()) {
            out.println(zh ? "名单警告 " + g.warnings().size() + " 条（见上方，也写进了 report.html 和 results.json）。"
                    : g.warnings().size() + " roster warning(s) (above; also in report.html and results.json).");
        }
        out.println("Gradebook: " + dir.toAbsolutePath().normalize() + "  (report.html, grades.csv, results.json, junit.xml, evidence/, SHA256SUMS)");
    }
}
