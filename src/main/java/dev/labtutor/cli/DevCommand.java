package dev.labtutor.cli;

import picocli.CommandLine.Command;

/** {@code labtutor dev ...}: tools for course authors. */
@Command(name = "dev", description = "Tools for course authors.", subcommands = DevCheckCommand.class)
public final class DevCommand extends GroupCommand {
}
