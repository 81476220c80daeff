package dev.labtutor.app;

import dev.labtutor.grading.ClassGrades;
import dev.labtutor.grading.ClassPrompter;
import dev.labtutor.grading.GradeInputs;
import dev.labtutor.grading.Grader;
import dev.labtutor.grading.Redactor;
import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.ShellPool;
import dev.labtutor.ssh.ConsoleSecretPrompter;
import dev.labtutor.ssh.SshConnector;
import dev.labtutor.ssh.SshOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * {@code grade} wired to this machine: SSH through the class's known_hosts with the per-host deadline, passwords asked
 * on the console (the progress line paused meanwhile), one round, the gradebook written, then with {@code --watch} the
 * class dashboard's rounds.
 */
public final class ClassGrading {

    /** What the command decided: where host keys are kept, the deadline per host, and how to run. */
    public record Settings(Path knownHosts, Duration deadline, int parallel, boolean watch, Duration interval, Path dir,
            Lang lang) {
    }

    private ClassGrading() {
    }

    /**
     * Grades the class, handing each finished round to {@code write} and the last to {@code summary}; {@code warm} is
     * awaited before the first host is asked. Returns how many new host keys were recorded.
     */
    public static int run(GradeInputs in, Settings s, PrintWriter err, Consumer<ClassGrades> write,
            CompletableFuture<Void> warm, Consumer<ClassGrades> summary) throws Exception {
        Redactor redactor = in.redactor(System::getenv);
        AtomicInteger newKeys = new AtomicInteger();
        SshOptions base = SshOptions.defaults(s.knownHosts());
        SshOptions options = new SshOptions(s.knownHosts(), s.deadline(), s.deadline(), s.deadline(),
                base.keepAliveInterval(), base.outputCap());
        try (GradeProgress progress = new GradeProgress(err, System.console() != null);
                ClassPrompter prompter =
                        new ClassPrompter(new ConsoleSecretPrompter(), progress::pause, progress::resume, redactor)) {
            SshConnector connector = new SshConnector(options, prompter, redactor.recording(System::getenv),
                    t -> newKeys.incrementAndGet());
            try (ShellPool pool = new ShellPool(connector);
                    Grader grader = new Grader(in.course(), in.catalog(), s.watch() ? pool::get : connector::open,
                            LabSession.LocalProbes::run, s.deadline(), s.parallel(), redactor)) {
                warm.join();
                ClassGrades g = grader.grade(in.roster(), in.lessons(), s.knownHosts(), progress);
                progress.close();
                write.accept(g);
                if (s.watch()) {
                    prompter.stopAsking();
                    g = dev.labtutor.tui.ClassDashboard.runOnTerminal(g,
                            rounds -> grader.grade(in.roster(), in.lessons(), s.knownHosts(), rounds), write, s.dir(),
                            s.interval(), s.lang());
                }
                summary.accept(g);
            }
        }
        return newKeys.get();
    }

    /**
     * Loads the SSH stack (security provider, algorithm tables) while the roster is read, so that the first hosts'
     * deadlines are not spent on the JVM's one-time set-up.
     */
    public static void warmUpSsh() {
        new net.schmizz.sshj.DefaultConfig();
    }
}
