package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a sandbox runs and why, decided once at {@code up} and kept in its state: the machine's kernel when it has
 * everything the course needs (IPVS for the LVS lessons, the kernel NFS server for the NFS lesson), the VM otherwise,
 * unless the spec forces one.
 *
 * @param kernel {@link SandboxKernel#MACHINE} or {@link SandboxKernel#VM}, never AUTO
 * @param reason one sentence for {@code sandbox status}
 */
public record KernelChoice(SandboxKernel kernel, Text reason) {

    public KernelChoice {
        if (kernel == SandboxKernel.AUTO) {
            throw new IllegalArgumentException("a choice is MACHINE or VM");
        }
    }

    /** What the machine's running kernel lacks of what the course needs, e.g. {@code [ip_vs, nfsd]}. */
    public static List<String> missingOnMachine() {
        String release = release();
        List<String> missing = new ArrayList<>();
        if (!Files.exists(Path.of("/proc/net/ip_vs")) && !moduleAvailable(release, "net/netfilter/ipvs/ip_vs.ko")) {
            missing.add("ip_vs");
        }
        if (!filesystem("nfsd") && !moduleAvailable(release, "fs/nfsd/nfsd.ko")) {
            missing.add("nfsd");
        }
        return missing;
    }

    static KernelChoice decide(SandboxKernel wanted) {
        String release = release();
        List<String> missing = missingOnMachine();
        String lacks = String.join(" or ", missing);
        return switch (wanted) {
            case MACHINE -> new KernelChoice(SandboxKernel.MACHINE,
                    missing.isEmpty()
                            ? Text.of("本机内核 " + release + "（按要求 --no-vm）", "machine kernel " + release + " (--no-vm)")
                            : Text.of("本机内核 " + release + "（按要求 --no-vm；缺少 " + String.join("、", missing) + "，相关课程无法运行）",
                                    "machine kernel " + release + " (--no-vm; it has no " + lacks
                                            + ", so lessons that need it are not runnable)"));
            case VM -> new KernelChoice(SandboxKernel.VM, Text.of("虚拟机（按要求 --vm）", "VM (--vm)"));
            case AUTO -> missing.isEmpty()
                    ? new KernelChoice(SandboxKernel.MACHINE,
                            Text.of("本机内核 " + release + "：有 ip_vs 和 nfsd",
                                    "machine kernel " + release + ": it has ip_vs and nfsd"))
                    : new KernelChoice(SandboxKernel.VM,
                            Text.of("虚拟机：本机内核 " + release + " 缺少 " + String.join("、", missing),
                                    "VM: the machine's kernel " + release + " has no " + lacks));
        };
    }

    static String release() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
        } catch (IOException e) {
            return System.getProperty("os.version", "?");
        }
    }

    private static boolean filesystem(String name) {
        try {
            return Files.readAllLines(Path.of("/proc/filesystems")).stream().map(l -> l.strip().split("\\s+"))
                    .anyMatch(f -> f[f.length - 1].equals(name));
        } catch (IOException e) {
            return false;
        }
    }

    /** True when the module is built in or its file is in /lib/modules/RELEASE (modprobe can load it). */
    private static boolean moduleAvailable(String release, String relative) {
        Path dir = Path.of("/lib/modules", release);
        return lineMentions(dir.resolve("modules.builtin"), relative)
                || lineMentions(dir.resolve("modules.dep"), relative)
                || Files.exists(dir.resolve("kernel").resolve(relative))
                || Files.exists(dir.resolve("kernel").resolve(relative + ".xz"))
                || Files.exists(dir.resolve("kernel").resolve(relative + ".zst"));
    }

    private static boolean lineMentions(Path file, String relative) {
        try (var lines = Files.lines(file)) {
            return lines.anyMatch(l -> l.startsWith("kernel/" + relative));
        } catch (IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }
}
