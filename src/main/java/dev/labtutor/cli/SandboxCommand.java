package dev.labtutor.cli;

import picocli.CommandLine.Command;

/**
 * {@code labtutor sandbox}: a local lab of real hosts in network namespaces (see docs/sandbox.md). Each verb is a
 * command class of its own; they share {@link SandboxWhere} (which sandbox), and the verbs on a running sandbox extend
 * {@link RunningSandboxCommand}.
 */
@Command(name = "sandbox",
        description = "A local lab of real hosts (network namespaces, on the machine's kernel or in one VM) for trying the course: "
                + "up, down, status, ssh, reset, break, solve, kernel.",
        subcommands = {SandboxUpCommand.class, SandboxDownCommand.class, SandboxStatusCommand.class,
                SandboxSshCommand.class, SandboxResetCommand.class, SandboxBreakCommand.class,
                SandboxSolveCommand.class, SandboxKernelCommand.class,})
public final class SandboxCommand extends GroupCommand {
}
