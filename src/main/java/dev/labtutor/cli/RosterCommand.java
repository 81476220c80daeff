package dev.labtutor.cli;

import picocli.CommandLine.Command;

/** {@code labtutor roster}: helps write {@code roster.yaml} for {@code grade}. */
@Command(name = "roster", description = "Help for roster.yaml (the class that 'labtutor grade' grades): vars, check.",
        subcommands = {RosterVarsCommand.class, RosterCheckCommand.class})
public final class RosterCommand extends GroupCommand {
}
