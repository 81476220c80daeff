package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this machine can run the sandbox: Linux, root, and the real programs the hosts run. The answer is one
 * sentence that ends with the exact command that fixes it.
 */
public final class SandboxPreflight {

    /** program -> Debian/Ubuntu package that provides it. */
    private static final Map<String, String> PROGRAMS = new LinkedHashMap<>();

    static {
        PROGRAMS.put("ip", "iproute2");
        PROGRAMS.put("nft", "nftables");
        PROGRAMS.put("keepalived", "keepalived");
        PROGRAMS.put("sshd", "openssh-server");
        PROGRAMS.put("ssh-keygen", "openssh-client");
        PROGRAMS.put("unshare", "util-linux");
        PROGRAMS.put("nsenter", "util-linux");
        PROGRAMS.put("setsid", "util-linux");
        PROGRAMS.put("bash", "bash");
        PROGRAMS.put("python3", "python3");
    }

    private static final List<Path> BIN_DIRS = List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/sbin"),
            Path.of("/bin"), Path.of("/usr/local/sbin"), Path.of("/usr/local/bin"));

    private SandboxPreflight() {
    }

    /** Empty when the sandbox can run here; otherwise what is wrong and the command that fixes it. */
    public static Optional<Text> problem() {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).contains("linux")) {
            return Optional.of(Text.of("沙箱需要 Linux（网络命名空间）；请在 Linux 虚拟机中运行：sudo labtutor sandbox up",
                    "The sandbox needs Linux network namespaces; run it inside a Linux VM: sudo labtutor sandbox up"));
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of(Text.of("沙箱需要 root 权限来创建命名空间；请运行：sudo labtutor sandbox up",
                    "The sandbox needs root to create namespaces; run: sudo labtutor sandbox up"));
        }
        List<String> missingPackages = new ArrayList<>();
        List<String> missingPrograms = new ArrayList<>();
        PROGRAMS.forEach((program, pkg) -> {
            if (findProgram(program).isEmpty()) {
                missingPrograms.add(program);
                if (!missingPackages.contains(pkg)) {
                    missingPackages.add(pkg);
                }
            }
        });
        if (missingPrograms.isEmpty()) {
            return Optional.empty();
        }
        String fix = "sudo apt-get install -y " + String.join(" ", missingPackages);
        return Optional.of(Text.of("沙箱缺少 " + String.join("、", missingPrograms) + "；请运行：" + fix
                + "（openEuler/RHEL：sudo dnf install -y keepalived openssh-server nftables iproute util-linux python3）",
                "The sandbox needs " + String.join(", ", missingPrograms) + "; install them with: " + fix
                        + " (openEuler/RHEL: sudo dnf install -y keepalived openssh-server nftables iproute util-linux python3)"));
    }

    static Optional<Path> findProgram(String name) {
        return BIN_DIRS.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
    }
}
