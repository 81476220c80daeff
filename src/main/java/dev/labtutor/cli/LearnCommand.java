package dev.labtutor.cli;

import com.googlecode.lanterna.terminal.Terminal;
import dev.labtutor.app.TutorStart;
import dev.labtutor.app.TutorWorld;
import dev.labtutor.course.Course;
import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.LabFile;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code labtutor learn [LESSON]} (also plain {@code labtutor}): the tutor. Full screen on a terminal; the plain line
 * mode with {@code --plain}, when stdout is not a terminal, or with {@code TERM=dumb}.
 */
@Command(name = "learn", mixinStandardHelpOptions = true,
        description = "The tutor: walks you through the course, checks your hosts, remembers your progress (full screen; --plain for lines).")
public final class LearnCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "LESSON",
            description = "Open this lesson (default: where you left off).")
    String lessonId;

    @Mixin
    CourseOptions courseOptions = new CourseOptions();

    @Mixin
    LabOptions labOptions = new LabOptions();

    @Option(names = "--plain",
            description = "Numbered lines and a prompt instead of the full screen (screen readers, serial consoles, logs).")
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
        boolean plainMode = plain || !TutorStart.onTerminal() || "dumb".equals(System.getenv("TERM"));
        // the terminal's stty run, the course and the lab file are read at the same time: all stand before the first
        // screen
        FutureTask<TutorTerminal> opening = plainMode ? null
                : TutorStart.inBackground(new TutorStart.OpenTerminal(), new TutorStart.Prepare(), "labtutor-terminal");
        FutureTask<Optional<LabFile>> labReading =
                TutorStart.inBackground(new ReadLab(labOptions), null, "labtutor-lab");
        Course course;
        Optional<LabFile> lab;
        try {
            course = courseOptions.loadCourse(Installation.locate());
            if (lessonId != null) {
                CourseOptions.lesson(course, lessonId);
            }
            lab = TutorStart.joined(labReading);
        } catch (RuntimeException | java.io.IOException e) {
            if (opening != null) {
                try {
                    TutorStart.closeQuietly(TutorStart.joined(opening));
                } catch (Exception ignored) {
                    // no terminal was opened
                }
            }
            throw e;
        }
        Terminal terminal = opening == null ? null : TutorStart.joined(opening);
        Optional<Path> knownHosts = Optional.ofNullable(labOptions.knownHosts);
        TutorWorld world = new TutorWorld(course, courseOptions.checks(), knownHosts, Duration.ofSeconds(20));
        if (terminal == null) {
            return new PlainApp(world, course, System.in, out, lang, TutorStart.onTerminal()).run(lab,
                    Optional.ofNullable(lessonId));
        }
        boolean color = System.getenv("NO_COLOR") == null || System.getenv("NO_COLOR").isEmpty();
        String paintFile = System.getenv("LABTUTOR_BENCH_FIRST_PAINT");
        Optional<Path> firstPaint =
                paintFile == null || paintFile.isBlank() ? Optional.empty() : Optional.of(Path.of(paintFile));
        try {
            new TutorApp(world, course, terminal,
                    new TutorApp.Options(lab, Optional.ofNullable(lessonId), lang, color, firstPaint),
                    Clock.systemUTC()).run();
        } finally {
            terminal.close();
        }
        return ExitCodes.OK;
    }

    /**
     * For the class-data training run ({@link Startup#main}): the start's background jobs as the tutor runs them,
     * reading {@code labFile}, without opening a terminal.
     */
    static void rehearseJobs(Path labFile) throws Exception {
        LabOptions options = new LabOptions();
        options.lab = labFile;
        new TutorStart.OpenTerminal(); // its class only: no stty run here
        TutorStart.joined(TutorStart.inBackground(new ReadLab(options), new TutorStart.Prepare(), "labtutor-lab"));
        TutorStart.onTerminal();
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
}
