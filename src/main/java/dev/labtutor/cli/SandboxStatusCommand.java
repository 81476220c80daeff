package dev.labtutor.cli;

import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxKernel;
import dev.labtutor.sandbox.SandboxStatus;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/** {@code labtutor sandbox status}: each sandbox host and what runs on it; exit 1 when a host is not running. */
@Command(name = "status", description = "Show each sandbox host: running, sshd, keepalived, addresses.")
public final class SandboxStatusCommand extends RunningSandboxCommand {

    @Override
    int call(Sandbox sandbox, PrintWriter out) {
        SandboxStatus status = sandbox.status();
        out.printf("Sandbox %s: subnet %s, VIP %s, interface %s%n", status.name(), status.subnet(), status.vip(),
                sandbox.iface());
        out.printf("Flavour: %s (%s)%n", sandbox.spec().flavour().word(), sandbox.spec().flavour().pretty());
        out.printf("Kernel: %s%s%n", sandbox.kernel().reason().en(),
                sandbox.kernel().kernel() == SandboxKernel.VM && !sandbox.running() ? " - the VM is not running" : "");
        out.printf("%-10s %-15s %-8s %-5s %-10s %s%n", "HOST", "ADDRESS", "RUNNING", "SSHD", "KEEPALIVED", "IPV4");
        for (SandboxStatus.Host h : status.hosts()) {
            out.printf("%-10s %-15s %-8s %-5s %-10s %s%s%n", h.role().id(), h.address(), yes(h.running()),
                    yes(h.sshd()), yes(h.keepalived()), String.join(" ", h.addresses()),
                    h.holdsVip(status.vip()) ? "  (VIP)" : "");
        }
        out.printf("Lab file: %s%n", sandbox.labFile());
        return ExitCodes.passed(status.hosts().stream().allMatch(SandboxStatus.Host::running));
    }

    private static String yes(boolean b) {
        return b ? "yes" : "no";
    }
}
