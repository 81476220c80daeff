package dev.labtutor.cli;

import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxFault;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code labtutor sandbox break SCENARIO [HOST]}: injects a fault for the learner to find. */
@Command(name = "break", description = "Inject a fault: vrrp-blocked, keepalived-stopped, priority=N, vrid=N, "
        + "auth-pass=WORD, sshd-stopped, host-key-changed.")
public final class SandboxBreakCommand extends RunningSandboxCommand {

    @Parameters(index = "0", paramLabel = "SCENARIO")
    String scenario;

    @Parameters(index = "1", arity = "0..1", paramLabel = "HOST",
            description = "Victim (default: lb02 for vrrp-blocked, lb01 otherwise).")
    String host;

    @Override
    int call(Sandbox sandbox, PrintWriter out) {
        SandboxFault fault;
        try {
            fault = SandboxFault.parse(scenario, Optional.ofNullable(host).map(SandboxWhere::role));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        sandbox.inject(fault);
        out.println("Injected " + fault.scenario() + " on " + fault.role().id() + ".");
        return ExitCodes.OK;
    }
}
