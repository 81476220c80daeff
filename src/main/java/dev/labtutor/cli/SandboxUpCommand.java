package dev.labtutor.cli;

import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxFlavour;
import dev.labtutor.sandbox.SandboxKernel;
import dev.labtutor.sandbox.SandboxRole;
import dev.labtutor.sandbox.SandboxSpec;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code labtutor sandbox up}: starts the sandbox hosts and writes their lab file. */
@Command(name = "up", description = "Start the sandbox hosts and write their lab file.")
public final class SandboxUpCommand implements Callable<Integer> {
    @Mixin
    SandboxWhere where;

    @Option(names = "--hosts", split = ",", description = "Hosts to start (default: lb01,lb02,web01,web02,nfs-server).")
    List<String> hosts;

    @Option(names = "--subnet", defaultValue = SandboxSpec.DEFAULT_SUBNET_PREFIX,
            description = "First three octets of the sandbox /24 (default: ${DEFAULT-VALUE}).")
    String subnet;

    @Option(names = "--iface", defaultValue = SandboxSpec.DEFAULT_IFACE,
            description = "Interface name inside the hosts (default: ${DEFAULT-VALUE}).")
    String iface;

    @Option(names = "--flavour", paramLabel = "FLAVOUR", defaultValue = "openeuler",
            description = "Distribution the hosts show: openeuler (the document's lab), rocky9, centos7 or ubuntu "
                    + "(default: ${DEFAULT-VALUE}).")
    String flavour;

    @ArgGroup(exclusive = true)
    SandboxKernelOption kernel;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SandboxWhere.preflight();
        SandboxSpec sandboxSpec;
        try {
            List<SandboxRole> roles =
                    hosts == null ? List.of(SandboxRole.values()) : hosts.stream().map(SandboxRole::parse).toList();
            sandboxSpec = where.spec().withRoles(roles).withSubnetPrefix(subnet).withIface(iface)
                    .withKernel(kernel == null ? SandboxKernel.AUTO : kernel.kernel())
                    .withFlavour(SandboxFlavour.parse(flavour));
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        Sandbox.up(sandboxSpec, out);
        out.println(nextCommands(sandboxSpec));
        return ExitCodes.OK;
    }

    /**
     * What to run next, each command naming this sandbox: {@code --sandbox NAME} for a named sandbox in the default
     * state directory, {@code --lab FILE} for one elsewhere, nothing for the default sandbox (which the tutor and check
     * use while it is up).
     */
    static String nextCommands(SandboxSpec s) {
        String lab = !s.inDefaultStateRoot() ? " --lab " + s.stateDir().resolve("lab.yaml")
                : s.name().equals(SandboxSpec.DEFAULT_NAME) ? "" : " --sandbox " + s.name();
        return "Next: labtutor" + lab + "   |   labtutor check" + lab + "   |   labtutor sandbox ssh" + s.whereOptions()
                + " lb01";
    }
}
