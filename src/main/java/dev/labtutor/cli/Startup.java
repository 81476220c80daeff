package dev.labtutor.cli;

import dev.labtutor.app.TutorRehearsal;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the Java side of labtutor does only to start sooner, in this one class; the rest is in the launcher
 * ({@code ./labtutor}). {@code docs/startup.md} says what each buys and which command measures it.
 *
 * <ul>
 *   <li>{@link #tutor}: {@code labtutor} alone starts the tutor without picocli, which costs the first screen the
 *       loading of picocli and a reflective walk over the {@code learn} command;
 *   <li>{@link #version()}: {@code labtutor --version} answers from {@link RootCommand}'s annotation, without building
 *       the command tree;
 *   <li>{@link #commandLine(String...)}: a command line that names a subcommand is parsed by a tree of the root and
 *       that one branch ({@link BranchRoot}); picocli otherwise loads and reflects over every command class before it
 *       parses;
 *   <li>{@link #main(String[])}: the training run of the class-data sharing archive (AppCDS), run by the launcher with
 *       {@code -XX:ArchiveClassesAtExit}; every later start maps the classes it loaded instead of loading, parsing and
 *       verifying them again.
 * </ul>
 */
final class Startup {

    private Startup() {
    }

    /**
     * {@code labtutor} with no arguments: {@code labtutor learn}, started without picocli. Errors end as they do for
     * any command: one sentence and exit 2, or an internal error and exit 3.
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
     * A command tree that parses {@code args} as the whole one ({@link Main#commandLine()}) does: the root and the
     * subcommand {@code args} name, or the whole tree when they name none (root help, no command, an unknown one).
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
     * The root of a one-branch tree: {@link RootCommand}'s name, version and options without its subcommands.
     * {@code StartupTest} keeps its options equal to {@link RootCommand}'s.
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
     * The AppCDS training run: the commands a learner starts most often, with their output thrown away, and the tutor's
     * first screen ({@link #paintTutor()}, {@link TutorRehearsal}); none of them touches the network. A command that
     * cannot run here still loaded its classes, and the archive is made with whatever was loaded until an error.
     */
    public static void main(String[] args) {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        String[][] runs = {{"--version"}, {"--help"}, {"lessons", "--lang", "zh"}, {"lessons", "--lang", "en"},
                {"show", "install", "--no-detect", "--lang", "zh"}, {"lint"}, {"check", "--help"},
                {"hosts", "list", "--known-hosts", "/nonexistent/labtutor-cds-training"}};
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

    /** {@link TutorRehearsal#paint} with the installed course, and the start's background jobs rehearsed too. */
    static int paintTutor() throws Exception {
        CourseOptions courseOptions = new CourseOptions();
        return TutorRehearsal.paint(courseOptions.loadCourse(Installation.locate()), courseOptions.checks(),
                LearnCommand::rehearseJobs);
    }
}
