package dev.labtutor.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point. {@link #run} takes its streams as arguments so tests capture output without touching {@code System.out};
 * exit codes are decided in {@link ExitCodes} only.
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
     * Adds the help options to class-based commands; method-based ones (e.g. {@code hosts list}) declare them in their
     * annotation, since a mixin added later would shift their parameters.
     */
    static void withHelp(CommandLine cl) {
        if (!(cl.getCommandSpec().userObject() instanceof java.lang.reflect.Method)) {
            cl.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cl.getSubcommands().values().forEach(Main::withHelp);
    }

    /**
     * {@code labtutor} alone, or with only the tutor's own options first ({@code labtutor --lab F --lang zh}), is
     * {@code labtutor learn ...}: an option that {@code learn} has and the root has not.
     */
    static boolean opensTheTutor(String... args) {
        if (args.length == 0) {
            return true;
        }
        if (!args[0].startsWith("-")) {
            return false;
        }
        String name = args[0].contains("=") ? args[0].substring(0, args[0].indexOf('=')) : args[0];
        CommandLine tree = Startup.commandLine("learn");
        return tree.getCommandSpec().findOption(name) == null
                && tree.getSubcommands().get("learn").getCommandSpec().findOption(name) != null;
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 0) {
            return Startup.tutor(out, err);
        }
        if (Startup.onlyAsksTheVersion(args)) {
            for (String line : Startup.version()) {
                out.println(line);
            }
            out.flush();
            return ExitCodes.OK;
        }
        if (opensTheTutor(args)) {
            String[] learn = new String[args.length + 1];
            learn[0] = "learn";
            System.arraycopy(args, 0, learn, 1, args.length);
            args = learn;
        }
        CommandLine cl = Startup.commandLine(args);
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
