package dev.labtutor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "labtutor", mixinStandardHelpOptions = true, version = "labtutor 0.1.0",
        description = "Hands-on lab tutor: teaches a course step by step and checks your lab hosts over SSH. Without a command, or with only the tutor's options (labtutor --lab FILE --lang zh): the tutor (labtutor learn).",
        subcommands = {LearnCommand.class, LessonsCommand.class, ShowCommand.class, CheckCommand.class,
                ProgressCommand.class, ResetCommand.class, LintCommand.class, HostsCommand.class,
                KeepalivedCommand.class, SandboxCommand.class, DevCommand.class, LabCommand.class,
                CompletionCommand.class, GradeCommand.class, RosterCommand.class,})
public final class RootCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--debug", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Show stack traces for errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: the tutor ({@code labtutor learn}). */
    @Override
    public Integer call() {
        return spec.commandLine().getSubcommands().get("learn").execute();
    }
}
