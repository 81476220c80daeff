package dev.labtutor.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

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
    private static void withHelp(CommandLine cl) {
        if (!(cl.getCommandSpec().userObject() instanceof java.lang.reflect.Method)) {
            cl.getCommandSpec().mixinStandardHelpOptions(true);
        }
        cl.getSubcommands().values().forEach(Main::withHelp);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        if (args.length == 0) {
            return LearnCommand.withoutArguments(out, err);
        }
        CommandLine cl = commandLine();
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
