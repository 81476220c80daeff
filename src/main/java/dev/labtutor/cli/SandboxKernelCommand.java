package dev.labtutor.cli;

import dev.labtutor.sandbox.KernelChoice;
import dev.labtutor.sandbox.VmImage;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code labtutor sandbox kernel [fetch]}: the kernel the VM sandbox boots when this machine's kernel lacks ip_vs or
 * nfsd (Debian's linux-image-amd64, fetched with apt-get download into ~/.cache/labtutor/vm; see docs/sandbox.md).
 */
@Command(name = "kernel", mixinStandardHelpOptions = true,
        description = "Show which kernel the sandbox would use; 'fetch' gets the VM's kernel (Debian's linux-image-amd64 "
                + "with apt-get download, unpacked into ~/.cache/labtutor/vm; nothing is installed).",
        subcommands = SandboxKernelCommand.Fetch.class)
public final class SandboxKernelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> missing = KernelChoice.missingOnMachine();
        out.println(missing.isEmpty()
                ? "This machine's kernel has ip_vs and nfsd: the sandbox runs on it (--vm to use a VM anyway)."
                : "This machine's kernel has no " + String.join(" or ", missing)
                        + ": the sandbox runs in a VM (--no-vm to use this kernel anyway).");
        Optional<VmImage> image = VmImage.find();
        out.println(image.map(i -> "VM kernel: " + i.release() + " in " + i.dir() + " (" + i.packages() + ")")
                .orElse("VM kernel: not fetched yet; run: " + VmImage.FETCH_COMMAND));
        return ExitCodes.OK;
    }

    @Command(name = "fetch", mixinStandardHelpOptions = true,
            description = "Download Debian's linux-image-amd64 and busybox-static with apt-get download and unpack them "
                    + "into the VM kernel cache (replacing an older one).")
    static final class Fetch implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            VmImage.fetch(spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}
