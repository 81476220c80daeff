package dev.labtutor.cli;

import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import dev.labtutor.course.Course;
import dev.labtutor.host.LabFile;
import dev.labtutor.i18n.Lang;
import dev.labtutor.tui.PlainApp;
import dev.labtutor.tui.TutorApp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
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
        Lang lang = courseOptions.lang();
        Course course = courseOptions.loadCourse(Installation.locate());
        if (lessonId != null) {
            CourseOptions.lesson(course, lessonId);
        }
        Optional<LabFile> lab = labOptions.loadIfAny();
        Optional<Path> knownHosts = Optional.ofNullable(labOptions.knownHosts);
        CliWorld world = new CliWorld(course, courseOptions, knownHosts, Duration.ofSeconds(20));
        if (plain || System.console() == null || "dumb".equals(System.getenv("TERM"))) {
            return new PlainApp(world, course, System.in, spec.commandLine().getOut(), lang, System.console() != null)
                    .run(lab, Optional.ofNullable(lessonId));
        }
        boolean color = System.getenv("NO_COLOR") == null || System.getenv("NO_COLOR").isEmpty();
        Optional<Path> firstPaint = Optional.ofNullable(System.getenv("LABTUTOR_BENCH_FIRST_PAINT")).filter(s -> !s.isBlank()).map(Path::of);
        Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8).setForceTextTerminal(true)
                .setUnixTerminalCtrlCBehaviour(UnixLikeTerminal.CtrlCBehaviour.TRAP).createTerminal();
        try {
            new TutorApp(world, course, terminal, new TutorApp.Options(lab, Optional.ofNullable(lessonId), lang, color, firstPaint),
                    Clock.systemUTC()).run();
        } finally {
            terminal.close();
        }
        return ExitCodes.OK;
    }
}
