package dev.labtutor.cli;

import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxException;
import dev.labtutor.sandbox.SandboxFault;
import dev.labtutor.sandbox.SandboxKernel;
import dev.labtutor.sandbox.SandboxPreflight;
import dev.labtutor.sandbox.SandboxRole;
import dev.labtutor.sandbox.SandboxSpec;
import dev.labtutor.sandbox.SandboxStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code labtutor sandbox}: a local lab of real hosts in network namespaces (see docs/sandbox.md).
 * Each verb is a small nested class; they share {@link Where} (which sandbox) and
 * {@link #openRunning}, which is also the hook for {@code sandbox solve LESSON}: a further nested
 * command that gets the running sandbox from {@code openRunning} and runs the lesson's solve
 * script on each host with {@link Sandbox#exec} or over SSH with {@link Sandbox#hostSpecs()}.
 */
@Command(name = "sandbox",
        description = "A local lab of real hosts (network namespaces, on the machine's kernel or in one VM) for trying the course: "
                + "up, down, status, ssh, reset, break, solve, kernel.",
        subcommands = {
                SandboxCommand.Up.class,
                SandboxCommand.Down.class,
                SandboxCommand.Status.class,
                SandboxCommand.Ssh.class,
                SandboxCommand.Reset.class,
                SandboxCommand.Break.class,
                SandboxSolveCommand.class,
                SandboxKernelCommand.class,
        })
public final class SandboxCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which sandbox a verb acts on. */
    static final class Where {
        @Option(names = "--name", defaultValue = SandboxSpec.DEFAULT_NAME,
                description = "Sandbox name (a-z, 0-9, at most 10; default: ${DEFAULT-VALUE}).")
        String name;

        @Option(names = "--state-dir", description = "Parent directory of sandbox state (default: /var/lib/labtutor/sandbox for root).")
        Path stateRoot;

        SandboxSpec spec() {
            try {
                return SandboxSpec.defaults().withName(name)
                        .withStateRoot(stateRoot != null ? stateRoot : SandboxSpec.defaultStateRoot());
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
        }
    }

    static Lang lang() {
        return Lang.fromEnvironment();
    }

    static UserError userError(Text text) {
        return new UserError(text.in(lang()), ExitCodes.BAD_INPUT);
    }

    static void preflight() {
        SandboxPreflight.problem().ifPresent(p -> {
            throw userError(p);
        });
    }

    /** The running sandbox {@code where} names, or a UserError that says how to start it. */
    static Sandbox openRunning(Where where) {
        preflight();
        SandboxSpec spec = where.spec();
        return Sandbox.open(spec.stateDir()).orElseThrow(() -> userError(Text.of(
                "沙箱 " + spec.name() + " 没有运行；请先运行：sudo labtutor sandbox up" + spec.whereOptions(),
                "Sandbox " + spec.name() + " is not up; run: sudo labtutor sandbox up" + spec.whereOptions())));
    }

    static <T> T guarded(Callable<T> action) throws Exception {
        try {
            return action.call();
        } catch (SandboxException e) {
            throw userError(e.text());
        }
    }

    @Command(name = "up", description = "Start the sandbox hosts and write their lab file.")
    static final class Up implements Callable<Integer> {
        @Mixin
        Where where;

        @Option(names = "--hosts", split = ",", description = "Hosts to start (default: lb01,lb02,web01,web02,nfs-server).")
        List<String> hosts;

        @Option(names = "--subnet", defaultValue = SandboxSpec.DEFAULT_SUBNET_PREFIX,
                description = "First three octets of the sandbox /24 (default: ${DEFAULT-VALUE}).")
        String subnet;

        @Option(names = "--iface", defaultValue = SandboxSpec.DEFAULT_IFACE,
                description = "Interface name inside the hosts (default: ${DEFAULT-VALUE}).")
        String iface;

        @picocli.CommandLine.ArgGroup(exclusive = true)
        KernelOption kernel;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            preflight();
            SandboxSpec sandboxSpec;
            try {
                List<SandboxRole> roles = hosts == null ? List.of(SandboxRole.values())
                        : hosts.stream().map(SandboxRole::parse).toList();
                sandboxSpec = where.spec().withRoles(roles).withSubnetPrefix(subnet).withIface(iface)
                        .withKernel(kernel == null ? SandboxKernel.AUTO : kernel.kernel());
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            guarded(() -> Sandbox.up(sandboxSpec, out));
            out.println(nextCommands(sandboxSpec));
            return ExitCodes.OK;
        }

        /**
         * What to run next, each command naming this sandbox: {@code --sandbox NAME} for a named
         * sandbox in the default state directory, {@code --lab FILE} for one elsewhere, nothing
         * for the default sandbox (which the tutor and check use while it is up).
         */
        static String nextCommands(SandboxSpec s) {
            String lab = !s.inDefaultStateRoot() ? " --lab " + s.stateDir().resolve("lab.yaml")
                    : s.name().equals(SandboxSpec.DEFAULT_NAME) ? "" : " --sandbox " + s.name();
            return "Next: labtutor" + lab + "   |   labtutor check" + lab + "   |   labtutor sandbox ssh" + s.whereOptions() + " lb01";
        }
    }

    /** {@code --vm} / {@code --no-vm}: force the VM or the machine's kernel (default: decided by what the kernel has). */
    static final class KernelOption {
        @Option(names = "--vm", description = "Run the hosts in a VM on a distribution kernel (default when this kernel has no ip_vs or nfsd).")
        boolean vm;

        @Option(names = "--no-vm", description = "Run the hosts on this machine's kernel even if it lacks ip_vs or nfsd.")
        boolean noVm;

        SandboxKernel kernel() {
            return vm ? SandboxKernel.VM : noVm ? SandboxKernel.MACHINE : SandboxKernel.AUTO;
        }
    }

    @Command(name = "down", description = "Stop every sandbox host and remove its namespaces, links, VM and state.")
    static final class Down implements Callable<Integer> {
        @Mixin
        Where where;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            preflight();
            boolean had = guarded(() -> Sandbox.down(where.spec().stateDir()));
            spec.commandLine().getOut().println(had ? "Sandbox " + where.name + " is down."
                    : "Sandbox " + where.name + " was not up; nothing to do.");
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", description = "Show each sandbox host: running, sshd, keepalived, addresses.")
    static final class Status implements Callable<Integer> {
        @Mixin
        Where where;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Sandbox sandbox = openRunning(where);
            SandboxStatus status = guarded(sandbox::status);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Sandbox %s: subnet %s, VIP %s, interface %s%n", status.name(), status.subnet(), status.vip(),
                    sandbox.iface());
            out.printf("Kernel: %s%s%n", sandbox.kernel().reason().en(),
                    sandbox.kernel().kernel() == SandboxKernel.VM && !sandbox.running() ? " - the VM is not running" : "");
            out.printf("%-10s %-15s %-8s %-5s %-10s %s%n", "HOST", "ADDRESS", "RUNNING", "SSHD", "KEEPALIVED", "IPV4");
            for (SandboxStatus.Host h : status.hosts()) {
                out.printf("%-10s %-15s %-8s %-5s %-10s %s%s%n", h.role().id(), h.address(), yes(h.running()),
                        yes(h.sshd()), yes(h.keepalived()), String.join(" ", h.addresses()),
                        h.holdsVip(status.vip()) ? "  (VIP)" : "");
            }
            out.printf("Lab file: %s%n", sandbox.labFile());
            return status.hosts().stream().allMatch(SandboxStatus.Host::running) ? ExitCodes.OK : ExitCodes.FAILED;
        }

        private static String yes(boolean b) {
            return b ? "yes" : "no";
        }
    }

    @Command(name = "ssh", description = "Open a root shell on a sandbox host (system ssh client with the sandbox key).")
    static final class Ssh implements Callable<Integer> {
        @Mixin
        Where where;

        @Parameters(index = "0", paramLabel = "HOST", description = "lb01, lb02, web01, web02 or nfs-server.")
        String host;

        @Parameters(index = "1..*", paramLabel = "COMMAND", description = "Command to run instead of a shell.")
        List<String> command = new ArrayList<>();

        @Override
        public Integer call() throws Exception {
            Sandbox sandbox = openRunning(where);
            SandboxRole role = role(host);
            List<String> argv = new ArrayList<>();
            Optional<Path> ssh = Arrays.stream(new String[] {"/usr/bin/ssh", "/bin/ssh", "/usr/local/bin/ssh"})
                    .map(Path::of).filter(Files::isExecutable).findFirst();
            if (ssh.isPresent()) {
                argv.addAll(List.of(ssh.get().toString(), "-i", sandbox.privateKey().toString(),
                        "-o", "IdentitiesOnly=yes", "-o", "UserKnownHostsFile=" + sandbox.knownHosts(),
                        "-o", "GlobalKnownHostsFile=/dev/null", "-o", "StrictHostKeyChecking=yes",
                        "root@" + guarded(() -> sandbox.host(role)).address()));
                argv.addAll(command);
            } else {
                argv.addAll(guarded(() -> sandbox.nsenter(role)));
                argv.addAll(command.isEmpty() ? List.of("bash", "-l") : command);
            }
            try {
                return new ProcessBuilder(argv).inheritIO().start().waitFor();
            } catch (IOException e) {
                throw new UserError("cannot run " + argv.get(0) + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "reset", description = "Tear the sandbox down and bring the same hosts up fresh.")
    static final class Reset implements Callable<Integer> {
        @Mixin
        Where where;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Sandbox old = openRunning(where);
            SandboxSpec same = old.spec();
            guarded(() -> {
                old.down();
                return Sandbox.up(same, spec.commandLine().getOut());
            });
            return ExitCodes.OK;
        }
    }

    @Command(name = "break", description = "Inject a fault: vrrp-blocked, keepalived-stopped, priority=N, vrid=N, "
            + "auth-pass=WORD, sshd-stopped, host-key-changed.")
    static final class Break implements Callable<Integer> {
        @Mixin
        Where where;

        @Parameters(index = "0", paramLabel = "SCENARIO")
        String scenario;

        @Parameters(index = "1", arity = "0..1", paramLabel = "HOST",
                description = "Victim (default: lb02 for vrrp-blocked, lb01 otherwise).")
        String host;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Sandbox sandbox = openRunning(where);
            SandboxFault fault;
            try {
                fault = SandboxFault.parse(scenario, Optional.ofNullable(host).map(SandboxCommand::role));
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            guarded(() -> {
                sandbox.inject(fault);
                return null;
            });
            spec.commandLine().getOut().println("Injected " + fault.scenario() + " on " + fault.role().id() + ".");
            return ExitCodes.OK;
        }
    }

    static SandboxRole role(String s) {
        try {
            return SandboxRole.parse(s);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
