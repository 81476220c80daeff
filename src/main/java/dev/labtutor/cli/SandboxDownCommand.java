package dev.labtutor.cli;

import dev.labtutor.sandbox.Sandbox;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code labtutor sandbox down}: stops the sandbox and removes everything it made. */
@Command(name = "down", description = "Stop every sandbox host and remove its namespaces, links, VM and state.")
public final class SandboxDownCommand implements Callable<Integer> {
    @Mixin
    SandboxWhere where;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SandboxWhere.preflight();
        boolean had = Sandbox.down(where.spec().stateDir());
        spec.commandLine().getOut().println(
                had ? "Sandbox " + where.name + " is down." : "Sandbox " + where.name + " was not up; nothing to do.");
        return ExitCodes.OK;
    }
}
