package dev.labtutor.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point. {@link #run} takes its streams as arguments so tests capture output without
 * touching {@code System.out}; exit codes are decided in {@link ExitCodes} only.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /** The command tree; every command and subcommand answers {@code --help} and {@code --version}. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new RootCommand());
        withHelp(cl);
        return cl;
    }

    /**
     * Adds the help options to class-based commands; method-based ones (e.g. {@code hosts list})
     * declare them in their annotation, since a mixin added later would shift their parameters.
     */
    static void withHelp(CommandLine cl) {
        if (!(cl.getCommandSpec().userObject() instanceof java.lang.reflect.Method)) {
            cl.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cl.getSubcommands().values().forEach(Main::withHelp);
    }

    /** The tutor's own options given without a command: {@code --lab}, {@code --lang}, {@code --plain}, ... */
    private static boolean opensTheTutor(String first) {
        String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
        return LearnCommand.OWN_OPTIONS.contains(name);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 0) {
            return LearnCommand.withoutArguments(out, err);
        }
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            // what picocli prints for the root's --version, without building the command tree first
            for (String line : RootCommand.class.getAnnotation(Command.class).version()) {
                out.println(line);
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (opensTheTutor(args[0])) {
            // 'labtutor --lab F --lang zh' is 'labtutor learn --lab F --lang zh', as 'labtutor' alone is 'labtutor learn'
            String[] learn = new String[args.length + 1];
            learn[0] = "learn";
            System.arraycopy(args, 0, learn, 1, args.length);
            args = learn;
        }
        CommandLine cl = BranchRoot.forArgs(args).orElseGet(Main::commandLine);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(ExitCodes::handleExecutionException);
        cl.setParameterExceptionHandler(ExitCodes::handleParameterException);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
