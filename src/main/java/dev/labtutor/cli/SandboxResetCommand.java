package dev.labtutor.cli;

import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxSpec;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code labtutor sandbox reset}: the same hosts, fresh. */
@Command(name = "reset", description = "Tear the sandbox down and bring the same hosts up fresh.")
public final class SandboxResetCommand extends RunningSandboxCommand {

    @Override
    int call(Sandbox old, PrintWriter out) {
        SandboxSpec same = old.spec();
        old.down();
        Sandbox.up(same, out);
        return ExitCodes.OK;
    }
}
