package dev.labtutor.cli;

import dev.labtutor.grading.GradeInputs;
import dev.labtutor.sandbox.SandboxException;
import java.util.OptionalInt;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The one place exit codes are decided: 0 success, 1 a check or validation failed, 2 bad input (options, files the user
 * gave us), 3 internal error.
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 3;

    private ExitCodes() {
    }

    static int handleParameterException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        cl.getErr().println("labtutor: " + ex.getMessage());
        cl.getErr()
                .println(dev.labtutor.i18n.Text
                        .of("请运行 'labtutor " + qualifiedName(cl) + "--help' 查看用法。",
                                "Try 'labtutor " + qualifiedName(cl) + "--help'.")
                        .in(dev.labtutor.i18n.Lang.fromEnvironment()));
        return BAD_INPUT;
    }

    static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        boolean debug = parsed.matchedOption("--debug") != null || (parsed.subcommand() != null && hasDebug(parsed));
        OptionalInt userFault = userFault(ex);
        if (userFault.isPresent()) {
            cl.getErr().println("labtutor: " + message(ex));
            if (debug) {
                ex.printStackTrace(cl.getErr());
            }
            return userFault.getAsInt();
        }
        dev.labtutor.i18n.Lang lang = dev.labtutor.i18n.Lang.fromEnvironment();
        cl.getErr().println(dev.labtutor.i18n.Text.of("labtutor：内部错误：", "labtutor: internal error: ").in(lang) + ex);
        if (debug) {
            ex.printStackTrace(cl.getErr());
        } else {
            cl.getErr().println(dev.labtutor.i18n.Text
                    .of("加上 --debug 再运行一次可看到详情。", "Run again with --debug for details.").in(lang));
        }
        return INTERNAL;
    }

    /**
     * The exit code of an error the user can fix, which is printed as its one sentence: a {@link UserError}, or the
     * domain's refusal of what the user gave; empty for an internal error.
     */
    static OptionalInt userFault(Exception ex) {
        if (ex instanceof UserError ue) {
            return OptionalInt.of(ue.exitCode());
        }
        if (ex instanceof GradeInputs.Invalid || ex instanceof SandboxException) {
            return OptionalInt.of(BAD_INPUT);
        }
        return OptionalInt.empty();
    }

    private static String message(Exception ex) {
        return ex instanceof SandboxException se ? se.text().in(dev.labtutor.i18n.Lang.fromEnvironment())
                : ex.getMessage();
    }

    /** 0 when everything passed, 1 when not. */
    static int passed(boolean allPassed) {
        return allPassed ? OK : FAILED;
    }

    /** A program labtutor ran in the user's place (e.g. {@code sandbox ssh}) exits as that program did. */
    static int ofProcess(int exitValue) {
        return exitValue;
    }

    private static boolean hasDebug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.matchedOption("--debug") != null) {
                return true;
            }
        }
        return false;
    }

    private static String qualifiedName(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
            sb.insert(0, c.getCommandName() + " ");
        }
        return sb.toString();
    }
}
