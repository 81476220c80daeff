package dev.labtutor.cli;

import com.googlecode.lanterna.terminal.Terminal;
import dev.labtutor.course.Course;
import dev.labtutor.lab.LabFile;
import dev.labtutor.i18n.Lang;
import dev.labtutor.tui.PlainApp;
import dev.labtutor.tui.TutorApp;
import dev.labtutor.tui.TutorTerminal;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code labtutor learn [LESSON]} (also plain {@code labtutor}): the tutor. Full screen on a
 * terminal; the plain line mode with {@code --plain}, when stdout is not a terminal, or with
 * {@code TERM=dumb}.
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = "The tutor: walks you through the course, checks your hosts, remembers your progress (full screen; --plain for lines).")
public final class LearnCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "LESSON", description = "Open this lesson (default: where you left off).")
    String lessonId;

    @Mixin
    CourseOptions courseOptions = new CourseOptions();

    @Mixin
    LabOptions labOptions = new LabOptions();

    @Option(names = "--plain", description = "Numbered lines and a prompt instead of the full screen (screen readers, serial consoles, logs).")
    boolean plain;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return start(spec.commandLine().getOut());
    }

    /** The tutor, writing to {@code out}; also started without picocli ({@link Startup#tutor}). */
    int start(PrintWriter out) throws Exception {
        Lang lang = courseOptions.lang();
        boolean plainMode = plain || !onTerminal() || "dumb".equals(System.getenv("TERM"));
        // the terminal's stty run, the course and the lab file are read at the same time: all stand before the first screen
        FutureTask<TutorTerminal> opening = plainMode ? null : inBackground(new OpenTerminal(), new Prepare(), "labtutor-terminal");
        FutureTask<Optional<LabFile>> labReading = inBackground(new ReadLab(labOptions), null, "labtutor-lab");
        Course course;
        Optional<LabFile> lab;
        try {
            course = courseOptions.loadCourse(Installation.locate());
            if (lessonId != null) {
                CourseOptions.lesson(course, lessonId);
            }
            lab = joined(labReading);
        } catch (RuntimeException | java.io.IOException e) {
            if (opening != null) {
                try {
                    closeQuietly(joined(opening));
                } catch (Exception ignored) {
                    // no terminal was opened
                }
            }
            throw e;
        }
        Terminal terminal = opening == null ? null : joined(opening);
        Optional<Path> knownHosts = Optional.ofNullable(labOptions.knownHosts);
        CliWorld world = new CliWorld(course, courseOptions, knownHosts, Duration.ofSeconds(20));
        if (terminal == null) {
            return new PlainApp(world, course, System.in, out, lang, onTerminal()).run(lab, Optional.ofNullable(lessonId));
        }
        boolean color = System.getenv("NO_COLOR") == null || System.getenv("NO_COLOR").isEmpty();
        String paintFile = System.getenv("LABTUTOR_BENCH_FIRST_PAINT");
        Optional<Path> firstPaint = paintFile == null || paintFile.isBlank() ? Optional.empty() : Optional.of(Path.of(paintFile));
        try {
            new TutorApp(world, course, terminal, new TutorApp.Options(lab, Optional.ofNullable(lessonId), lang, color, firstPaint),
                    Clock.systemUTC()).run();
        } finally {
            terminal.close();
        }
        return ExitCodes.OK;
    }

    /**
     * Whether standard input and output are both a terminal ({@code System.console() != null}).
     * The launcher tells it in the {@code labtutor.tty} property ({@code yes} or {@code no}), known
     * there from a shell test; asking {@link System#console()} first loads and links its classes,
     * ~12 ms before the first screen.
     */
    static boolean onTerminal() {
        String told = System.getProperty("labtutor.tty");
        return told == null ? System.console() != null : told.equals("yes");
    }

    /*
     * The two jobs that run beside the course reading are named classes on plain threads, not
     * lambdas on the common pool: a lambda the CDS training run never created is spun at run
     * time, and starting the fork-join pool is work of its own; on the path to the first screen
     * each cost milliseconds.
     */

    /** Runs {@code job} on a new daemon thread, then {@code after} on the same thread (when not null). */
    private static <T> FutureTask<T> inBackground(Callable<T> job, Runnable after, String name) {
        FutureTask<T> task = new FutureTask<>(job);
        Thread t = new Thread(after == null ? task : new Then(task, after), name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** One job, then another on the same thread. */
    private record Then(Runnable first, Runnable after) implements Runnable {
        @Override
        public void run() {
            first.run();
            after.run();
        }
    }

    /**
     * For the class-data training run ({@link Startup#main}): the start's background jobs as the
     * tutor runs them, reading {@code labFile}, without opening a terminal.
     */
    static void rehearseJobs(Path labFile) throws Exception {
        LabOptions options = new LabOptions();
        options.lab = labFile;
        new OpenTerminal(); // its class only: no stty run here
        joined(inBackground(new ReadLab(options), new Prepare(), "labtutor-lab"));
        onTerminal();
    }

    /** Opens the tutor's terminal (one stty run). */
    private static final class OpenTerminal implements Callable<TutorTerminal> {
        @Override
        public TutorTerminal call() throws java.io.IOException {
            return TutorTerminal.open();
        }
    }

    /**
     * The screen's own slow first-time work ({@link TutorApp#prepare()}), run on the terminal's
     * thread once the terminal is handed over; nobody waits for it, and the first paint finds
     * it done (or waits on the class initialisation it is in the middle of).
     */
    private static final class Prepare implements Runnable {
        @Override
        public void run() {
            try {
                TutorApp.prepare();
            } catch (RuntimeException | LinkageError e) {
                // not printed (the screen is about to start); the first paint meets the same problem and reports it
            }
        }
    }

    /** Reads the lab file, when there is one. */
    private static final class ReadLab implements Callable<Optional<LabFile>> {
        private final LabOptions options;

        ReadLab(LabOptions options) {
            this.options = options;
        }

        @Override
        public Optional<LabFile> call() {
            return options.loadIfAny();
        }
    }

    /** The value of {@code f}, or what it threw (a {@link UserError} stays one, an I/O error stays one). */
    private static <T> T joined(FutureTask<T> f) throws java.io.IOException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof java.io.IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while starting");
        }
    }

    private static void closeQuietly(Terminal t) {
        try {
            t.close();
        } catch (java.io.IOException e) {
            // the error that stopped the tutor is the one to report
        }
    }
}

