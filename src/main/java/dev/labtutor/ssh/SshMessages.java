package dev.labtutor.ssh;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.Shell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The learner-facing sentences of the SSH adapter, one per failure, each naming the host and what to do. Secrets never
 * reach these methods, so they cannot end up in a message.
 */
final class SshMessages {

    private SshMessages() {
    }

    /** A sentence about {@code h}: the host as {@link HostSpec#display()} shows it, then what happened. */
    private static Text about(HostSpec h, String zh, String en) {
        return Text.of(h.display() + "：" + zh, h.display() + ": " + en);
    }

    static Text connectRefused(HostSpec h) {
        return about(h, "连接被拒绝（端口 " + h.port() + " 上没有 sshd 在监听）。请确认虚拟机已启动、sshd 正在运行、防火墙放行了该端口。",
                "connection refused (nothing listens on port " + h.port()
                        + "). Check that the VM is up, sshd is running and the firewall allows the port.");
    }

    static Text unknownHost(HostSpec h) {
        return about(h, "无法解析地址 " + h.address() + "。请检查实验文件中的地址。",
                "cannot resolve the address " + h.address() + ". Check the address in the lab file.");
    }

    static Text noRoute(HostSpec h) {
        return about(h, "无法到达 " + h.address() + "（无路由）。请确认虚拟机已启动、网络配置和地址正确。",
                "no route to " + h.address() + ". Check that the VM is up and the address and network are right.");
    }

    static Text connectFailed(HostSpec h, String reason) {
        return about(h, "无法建立 SSH 连接（" + reason + "）。请确认虚拟机已启动、sshd 正在运行。",
                "could not open an SSH connection (" + reason + "). Check that the VM is up and sshd is running.");
    }

    static Text connectTimeout(HostSpec h, Duration d) {
        return about(h, d.toSeconds() + " 秒内未能建立 SSH 连接。请确认虚拟机已启动、地址正确、防火墙未丢弃 " + h.port() + " 端口的数据包。",
                "no SSH connection within " + d.toSeconds() + " s. Check that the VM is up, the address is right "
                        + "and no firewall drops port " + h.port() + ".");
    }

    static Text loginTimeout(HostSpec h, Duration d) {
        return about(h, "登录未在 " + d.toSeconds() + " 秒内完成。请检查主机负载以及 sshd 的 DNS 反查（UseDNS no）。",
                "login did not finish within " + d.toSeconds()
                        + " s. Check the host's load and sshd's reverse DNS (UseDNS no).");
    }

    static Text protocol(HostSpec h, String reason) {
        return about(h, "SSH 协议错误（" + reason + "）。", "SSH protocol error (" + reason + ").");
    }

    /**
     * The changed key and the one command that forgets it: {@code hosts forget} on the host's exact
     * {@code address:port} in the very file that was checked ({@code --known-hosts} unless it is the personal default).
     * A role would be looked up in whatever lab file {@code hosts forget} finds, and a bare address would forget every
     * port of it: neither is exact in a class.
     */
    static Text hostKeyChanged(HostSpec h, KnownHostsStore.Check.Changed c, Path file) {
        String stored = String.join(", ", c.storedFingerprints());
        String forget = forgetCommand(file, c.host());
        boolean personal = isPersonal(file);
        return about(h,
                "主机 " + c.host() + " 的主机密钥已改变！记录的是 " + stored + "，现在提供的是 " + c.offeredFingerprint()
                        + "。如果这台虚拟机重装过，请运行 `" + forget + "` 后重试；否则可能有人冒充该主机。" + (personal ? "（" + file + "）" : ""),
                "the host key of " + c.host() + " has CHANGED: stored " + stored + ", offered " + c.offeredFingerprint()
                        + ". If the VM was reinstalled, run `" + forget
                        + "` and try again; otherwise someone may be impersonating it."
                        + (personal ? " (" + file + ")" : ""));
    }

    /**
     * {@code labtutor hosts forget [--known-hosts FILE] ADDRESS:PORT} for a host as known_hosts names it
     * ({@code address} on port 22, {@code [address]:port} otherwise).
     */
    static String forgetCommand(Path file, String knownHost) {
        String address = knownHost;
        String port = "22";
        if (knownHost.startsWith("[") && knownHost.contains("]:")) {
            address = knownHost.substring(1, knownHost.indexOf("]:"));
            port = knownHost.substring(knownHost.indexOf("]:") + 2);
        }
        String target = address.contains(":") ? "[" + address + "]:" + port : address + ":" + port;
        return "labtutor hosts forget " + (isPersonal(file) ? "" : "--known-hosts " + Shell.word(file.toString()) + " ")
                + target;
    }

    private static boolean isPersonal(Path file) {
        return file.toAbsolutePath().normalize().equals(SshOptions.defaultKnownHosts().toAbsolutePath().normalize());
    }

    static Text knownHostsUnusable(HostSpec h, Path file, String reason) {
        return about(h, "无法读写主机密钥文件 " + file + "（" + reason + "）。请检查该文件及其目录的权限。",
                "cannot read or write the known hosts file " + file + " (" + reason + "). Check its permissions.");
    }

    static Text newHostKey(String role, KnownHostsStore.Check.Added a) {
        return Text.of("已记录 " + role + "（" + a.host() + "）的新主机密钥：" + a.keyType() + " " + a.fingerprint(),
                "new host key for " + role + " (" + a.host() + ") recorded: " + a.keyType() + " " + a.fingerprint());
    }

    static Text authFailed(HostSpec h, List<String> tried, String serverOffers) {
        String methods = String.join(", ", tried);
        return about(h,
                "登录被拒绝（已尝试：" + methods + "；服务器接受：" + serverOffers + "）。请检查用户名、密码或密钥，" + "以及 sshd_config 是否允许这些登录方式。",
                "login refused (tried: " + methods + "; the server accepts: " + serverOffers
                        + "). Check the user name, the password or key, and that sshd_config allows these methods.");
    }

    static Text noCredentials(HostSpec h, String missingIdentity) {
        String env = h.passwordEnv().orElse(null);
        String zhWhat = env != null ? "请设置环境变量 " + env + " 为 " + h.user() + " 的密码，或在终端中运行以便输入密码"
                : "请在实验文件中为该主机配置 identity（私钥文件）或 password-env（保存密码的环境变量名），或在终端中运行以便输入密码";
        String enWhat = env != null
                ? "Set the environment variable " + env + " to " + h.user()
                        + "'s password, or run in a terminal to type it"
                : "Give this host an identity (private key file) or a password-env (name of an environment variable "
                        + "holding the password) in the lab file, or run in a terminal to type it";
        String zhKey = missingIdentity == null ? "" : "（私钥文件 " + missingIdentity + " 不可读）";
        String enKey = missingIdentity == null ? "" : " (the identity file " + missingIdentity + " cannot be read)";
        return about(h, "没有可用的登录凭据" + zhKey + "。" + zhWhat + "。", "no way to log in" + enKey + ". " + enWhat + ".");
    }

    /** The lab file's identity cannot be a private key; {@code what} says why, in both languages. */
    static Text identityProblem(HostSpec h, Path key, IdentityCheck.Problem problem) {
        String zh;
        String en;
        switch (problem.kind()) {
            case MISSING -> {
                zh = "私钥文件 " + key + " 不存在";
                en = "the identity file " + key + " does not exist";
            }
            case DIRECTORY -> {
                zh = key + " 是一个目录，不是私钥文件";
                en = key + " is a directory, not a private key file";
            }
            case UNREADABLE -> {
                zh = "无法读取私钥文件 " + key + "（权限不足）";
                en = "the identity file " + key + " cannot be read (permission denied)";
            }
            case PUBLIC_KEY -> {
                String priv = problem.privateKey().map(p -> "；私钥应是 " + p).orElse("");
                String privEn = problem.privateKey().map(p -> "; the private key is probably " + p).orElse("");
                zh = key + " 是公钥（.pub），identity 需要的是私钥" + priv;
                en = key + " is a public key (.pub); identity needs the private key" + privEn;
            }
            default -> {
                zh = key + " 不是私钥文件（没有 \"PRIVATE KEY\" 开头）";
                en = key + " is not a private key file (no \"PRIVATE KEY\" header)";
            }
        }
        return about(h, zh + "。请修改实验文件中该主机的 identity。", en + ". Fix this host's identity in the lab file.");
    }

    static Text noJumpCredentials(HostSpec h) {
        return about(h, "没有可用于登录跳板机的密钥。请在 ssh 配置中为它设置 IdentityFile，或把密钥加入 ssh-agent。",
                "no key to log in to this jump host. Give it an IdentityFile in the ssh config or add a key to ssh-agent.");
    }

    static Text keyLocked(HostSpec h, Path key) {
        return about(h, "私钥 " + key + " 已加密，但无法询问口令（没有终端）。请在终端中运行，或使用未加密的私钥。",
                "the private key " + key + " is encrypted and no passphrase can be asked (no terminal). "
                        + "Run in a terminal or use an unencrypted key.");
    }

    static Text keyUnreadable(HostSpec h, Path key) {
        return about(h, "无法读取私钥 " + key + "（口令错误或格式不支持；支持 ed25519、ecdsa、rsa）。", "cannot read the private key " + key
                + " (wrong passphrase or unsupported format; " + "ed25519, ecdsa and rsa are supported).");
    }

    static Text commandTimeout(HostSpec h, Duration d) {
        return about(h, "检查脚本在 " + d.toSeconds() + " 秒内没有结束，已中止。主机可能负载过高或某个命令卡住了。",
                "the check script did not finish within " + d.toSeconds() + " s and was stopped. "
                        + "The host may be overloaded or a command hung.");
    }

    static Text disconnected(HostSpec h) {
        return about(h, "SSH 连接已断开。请确认虚拟机仍在运行，下一轮检查会重新连接。",
                "the SSH connection was lost. Check that the VM is still running; the next round reconnects.");
    }

    static Text sudoPasswordRequired(HostSpec h) {
        return about(h, "sudo 要求 " + h.user() + " 输入密码，但 labtutor 无法输入。请为 " + h.user()
                + " 配置免密 sudo（例如在 /etc/sudoers.d/labtutor 中写入 `" + h.user() + " ALL=(ALL) NOPASSWD: ALL`），或改用 root 登录。",
                "sudo wants a password for " + h.user() + ", which labtutor cannot type. Allow NOPASSWD sudo for "
                        + h.user() + " (e.g. `" + h.user()
                        + " ALL=(ALL) NOPASSWD: ALL` in /etc/sudoers.d/labtutor) or log in as root.");
    }

    static Text noExitStatus(HostSpec h, String signal) {
        return about(h, "检查脚本没有返回退出状态" + (signal == null ? "" : "（被信号 " + signal + " 终止）") + "。",
                "the check script ended without an exit status"
                        + (signal == null ? "" : " (killed by signal " + signal + ")") + ".");
    }
}
