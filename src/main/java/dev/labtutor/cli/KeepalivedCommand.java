package dev.labtutor.cli;

import picocli.CommandLine.Command;

/** {@code labtutor keepalived}: keepalived.conf tools. */
@Command(name = "keepalived", description = "keepalived.conf tools.", subcommands = {KeepalivedCheckCommand.class})
public final class KeepalivedCommand extends GroupCommand {
}
