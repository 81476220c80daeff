package dev.labtutor.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code labtutor dev ...}: tools for course authors. */
@Command(name = "dev", description = "Tools for course authors.", subcommands = DevCheckCommand.class)
public final class DevCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
