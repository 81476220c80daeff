package dev.labtutor.cli;

import dev.labtutor.sandbox.SandboxKernel;
import picocli.CommandLine.Option;

/** {@code --vm} / {@code --no-vm}: force the VM or the machine's kernel (default: decided by what the kernel has). */
public final class SandboxKernelOption {

    @Option(names = "--vm",
            description = "Run the hosts in a VM on a distribution kernel (default when this kernel has no ip_vs or nfsd).")
    boolean vm;

    @Option(names = "--no-vm", description = "Run the hosts on this machine's kernel even if it lacks ip_vs or nfsd.")
    boolean noVm;

    SandboxKernel kernel() {
        return vm ? SandboxKernel.VM : noVm ? SandboxKernel.MACHINE : SandboxKernel.AUTO;
    }
}
