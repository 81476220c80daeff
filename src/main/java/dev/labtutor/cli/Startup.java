package dev.labtutor.cli;

import dev.labtutor.io.FileTree;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the Java side of labtutor does only to start sooner, in this one class; the rest is in
 * the launcher ({@code ./labtutor}). {@code docs/startup.md} says what each buys and which
 * command measures it.
 *
 * <ul>
 *   <li>{@link #tutor}: {@code labtutor} alone starts the tutor without picocli, which costs the
 *       first screen the loading of picocli and a reflective walk over the {@code learn} command;
 *   <li>{@link #version()}: {@code labtutor --version} answers from {@link RootCommand}'s
 *       annotation, without building the command tree;
 *   <li>{@link #commandLine(String...)}: a command line that names a subcommand is parsed by a
 *       tree of the root and that one branch ({@link BranchRoot}); picocli otherwise loads and
 *       reflects over every command class before it parses;
 *   <li>{@link #main(String[])}: the training run of the class-data sharing archive (AppCDS),
 *       run by the launcher with {@code -XX:ArchiveClassesAtExit}; every later start maps the
 *       classes it loaded instead of loading, parsing and verifying them again.
 * </ul>
 */
final class Startup {

    private Startup() {
    }

    /**
     * {@code labtutor} with no arguments: {@code labtutor learn}, started without picocli. Errors
     * end as they do for any command: one sentence and exit 2, or an internal error and exit 3.
     */
    static int tutor(PrintWriter out, PrintWriter err) {
        try {
            return new LearnCommand().start(out);
        } catch (UserError e) {
            err.println("labtutor: " + e.getMessage());
            return e.exitCode();
        } catch (Exception e) {
            err.println("labtutor: internal error: " + e);
            err.println("Run 'labtutor learn --debug' for details.");
            return ExitCodes.INTERNAL;
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Whether {@code args} only ask the version ({@code --version} or {@code -V}). */
    static boolean onlyAsksTheVersion(String... args) {
        return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
    }

    /** The root's version lines, as picocli prints them for {@code --version}. */
    static String[] version() {
        return RootCommand.class.getAnnotation(Command.class).version();
    }

    /**
     * A command tree that parses {@code args} as the whole one ({@link Main#commandLine()}) does:
     * the root and the subcommand {@code args} name, or the whole tree when they name none (root
     * help, no command, an unknown one).
     */
    static CommandLine commandLine(String... args) {
        String first = null;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (!a.startsWith("-")) {
                first = a;
                break;
            }
        }
        if (first != null) {
            for (Class<?> sub : RootCommand.class.getAnnotation(Command.class).subcommands()) {
                Command c = sub.getAnnotation(Command.class);
                if (c != null && (c.name().equals(first) || Arrays.asList(c.aliases()).contains(first))) {
                    CommandLine root = new CommandLine(new BranchRoot());
                    root.addSubcommand(c.name(), new CommandLine(sub));
                    Main.withHelp(root);
                    return root;
                }
            }
        }
        return Main.commandLine();
    }

    /**
     * The root of a one-branch tree: {@link RootCommand}'s name, version and options without its
     * subcommands. {@code StartupTest} keeps its options equal to {@link RootCommand}'s.
     */
    @Command(name = "labtutor", mixinStandardHelpOptions = true, versionProvider = BranchRoot.Version.class)
    static final class BranchRoot implements Runnable {

        @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces for errors.")
        boolean debug;

        @Override
        public void run() {
            // never the command that runs: a branch tree is built only for a named subcommand
        }

        /** {@link RootCommand}'s version lines. */
        static final class Version implements CommandLine.IVersionProvider {
            @Override
            public String[] getVersion() {
                return version();
            }
        }
    }

    /**
     * The AppCDS training run: the commands a learner starts most often, with their output thrown
     * away, and the tutor's first screen ({@link #paintTutor()}); none of them touches the
     * network. A command that cannot run here still loaded its classes, and the archive is made
     * with whatever was loaded until an error.
     */
    public static void main(String[] args) {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        String[][] runs = {
                {"--version"},
                {"--help"},
                {"lessons", "--lang", "zh"},
                {"lessons", "--lang", "en"},
                {"show", "install", "--no-detect", "--lang", "zh"},
                {"lint"},
                {"check", "--help"},
                {"hosts", "list", "--known-hosts", "/nonexistent/labtutor-cds-training"},
        };
        for (String[] run : runs) {
            try {
                Main.run(none, none, run);
            } catch (RuntimeException e) {
                // a command that cannot run here still loaded its classes
            }
        }
        try {
            paintTutor();
        } catch (Exception e) {
            // the archive is still made with what was loaded until here
        }
    }

    /**
     * The tutor's first screen, painted into a terminal on no device, in both languages, for a
     * first start and for a returning learner's (progress with a checked lesson: the JSON
     * reader, the results pane, the clock): the classes of the full-screen app, the session,
     * the progress store, the start's background jobs and the terminal's escape sequences, so
     * {@code ./labtutor} maps them too, and the {@code stty} run against a device that is no
     * terminal. Everything it writes stays in a temporary directory; no host is contacted (the
     * app exits after its first paint, before it connects). Returns how many paints completed.
     */
    static int paintTutor() throws Exception {
        java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("labtutor-cds");
        int painted = 0;
        try {
            java.nio.file.Path labFile = tmp.resolve("lab.yaml");
            java.nio.file.Files.writeString(labFile, "hosts:\n  lb01: { address: 127.0.0.1, port: 1 }\n"
                    + "  lb02: { address: 127.0.0.1, port: 1 }\n");
            CourseOptions courseOptions = new CourseOptions();
            dev.labtutor.course.Course course = courseOptions.loadCourse(Installation.locate());
            dev.labtutor.lab.LabFile lab = dev.labtutor.lab.LabFileReader.forCurrentUser().readStrict(labFile);
            CliWorld world = new CliWorld(course, courseOptions, java.util.Optional.of(tmp.resolve("known_hosts")),
                    java.time.Duration.ofSeconds(1), java.util.Optional.of(tmp.resolve("state")));
            LearnCommand.rehearseJobs(labFile);
            // a first start (no progress yet), then a returning learner's: the first lesson checked once
            for (int start = 0; start < 2; start++) {
                if (start == 1) {
                    world.store().save(checkedOnce(course, lab));
                }
                for (dev.labtutor.i18n.Lang lang : dev.labtutor.i18n.Lang.values()) {
                    try (var terminal = dev.labtutor.tui.TutorTerminal.detached(java.io.InputStream.nullInputStream(),
                            java.io.OutputStream.nullOutputStream(), new com.googlecode.lanterna.TerminalSize(100, 30))) {
                        new dev.labtutor.tui.TutorApp(world, course, terminal, new dev.labtutor.tui.TutorApp.Options(java.util.Optional.of(lab),
                                java.util.Optional.empty(), lang, true, java.util.Optional.of(tmp.resolve("painted"))),
                                java.time.Clock.systemUTC()).run();
                    }
                    painted += java.nio.file.Files.exists(tmp.resolve("painted")) ? 1 : 0;
                    java.nio.file.Files.deleteIfExists(tmp.resolve("painted"));
                }
            }
            dev.labtutor.tui.TutorTerminal.rehearse();
            return painted;
        } finally {
            FileTree.delete(tmp);
        }
    }

    /** Progress in which the first lesson was checked once: one host unreachable, one failing with a hint, a note. */
    private static dev.labtutor.progress.Progress checkedOnce(dev.labtutor.course.Course course, dev.labtutor.lab.LabFile lab) {
        dev.labtutor.course.Lesson first = course.lessons().get(0);
        String check = first.checks().isEmpty() ? "reachable" : first.checks().get(0).id();
        java.time.Instant now = java.time.Instant.now();
        var hosts = java.util.List.of(
                new dev.labtutor.progress.HostMark("lb01", "unreachable", "refused", dev.labtutor.i18n.Text.of("连接被拒绝", "connection refused"),
                        java.util.Optional.of(dev.labtutor.i18n.Text.of("确认虚拟机在运行", "Make sure the VM is running")), java.util.List.of()),
                new dev.labtutor.progress.HostMark("lb02", "fail", "missing", dev.labtutor.i18n.Text.of("没有找到", "not found"),
                        java.util.Optional.of(dev.labtutor.i18n.Text.of("再看一遍这一步", "Read the step again")), java.util.List.of("seen: nothing")));
        var mark = new dev.labtutor.progress.CheckMark(check, dev.labtutor.i18n.Text.of(check, check), "fail", hosts,
                java.util.List.of(dev.labtutor.i18n.Text.of("注意", "note")));
        return dev.labtutor.progress.Progress.empty(course.id(), Learner.keyOf(java.util.Optional.of(lab))).with(first.id(),
                dev.labtutor.progress.LessonProgress.fresh(dev.labtutor.progress.LessonState.OPEN).opened(now)
                        .checked(now, java.util.List.of(mark), true));
    }
}
