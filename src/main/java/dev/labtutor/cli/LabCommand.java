package dev.labtutor.cli;

import picocli.CommandLine.Command;

/** {@code labtutor lab ...}: making lab files. */
@Command(name = "lab", description = "Make lab files.", subcommands = LabImportCommand.class)
public final class LabCommand extends GroupCommand {
}
