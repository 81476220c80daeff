package dev.labtutor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code labtutor keepalived}: keepalived.conf tools. */
@Command(name = "keepalived", description = "keepalived.conf tools.",
        subcommands = {KeepalivedCheckCommand.class})
public final class KeepalivedCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
