package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.Shell;
import dev.labtutor.ssh.SshConnector;
import dev.labtutor.ssh.SshOptions;
import dev.labtutor.ssh.SshjRemoteShell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Commands run in the VM through its control sshd (on the VM's own address, key login with the sandbox key, host key
 * pinned to the one labtutor generated): one kept connection, one session per command, several at once. It is how
 * {@link Sandbox#exec} reaches a host inside the VM, with {@code vm/in-host} entering the host's namespaces there. The
 * SSH side is the ssh package's adapter ({@link SshConnector#pinned}, {@link SshjRemoteShell#exec}).
 */
final class GuestShell implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    /** The VM as a host: its control sshd on port 22, root, the sandbox key. */
    private final HostSpec vm;

    private final Path hostPublicKey;
    private SshjRemoteShell shell;

    GuestShell(String address, Path privateKey, Path hostPublicKey) {
        this.vm = new HostSpec("vm", address, 22, "root", Optional.of(privateKey), Optional.empty(), false);
        this.hostPublicKey = hostPublicKey;
    }

    /** Runs {@code argv} (each word quoted for the remote shell) with {@code stdin} (may be null). */
    ExecResult run(List<String> argv, byte[] stdin, Duration timeout) {
        return run(Shell.command(argv), stdin, timeout);
    }

    ExecResult run(String command, byte[] stdin, Duration timeout) {
        try {
            return shell().exec(command, stdin, timeout);
        } catch (HostException e) {
            if (e.kind() == HostException.Kind.COMMAND_TIMEOUT) {
                throw new SandboxException(
                        Text.of("虚拟机中的命令超时：" + command,
                                "Command in the sandbox VM timed out after " + timeout.toSeconds() + " s: " + command),
                        e);
            }
            closeQuietly();
            throw cannotRun(e);
        } catch (IOException e) {
            throw cannotRun(e);
        }
    }

    private SandboxException cannotRun(Exception e) {
        return new SandboxException(Text.of("无法在沙箱虚拟机（" + vm.address() + "）中运行命令：" + e.getMessage(),
                "Cannot run a command in the sandbox VM (" + vm.address() + "): " + e.getMessage()), e);
    }

    private synchronized SshjRemoteShell shell() throws IOException, HostException {
        if (shell != null && shell.isOpen()) {
            return shell;
        }
        closeQuietly();
        // the control sshd's host key is pinned, so this known_hosts file is never read or written
        SshOptions options = SshOptions.defaults(hostPublicKey.resolveSibling("known_hosts"))
                .withConnectTimeout(CONNECT_TIMEOUT).withOutputCap(Integer.MAX_VALUE - 8);
        shell = SshConnector.pinned(options, fingerprint(hostPublicKey)).open(vm);
        return shell;
    }

    /** {@code SHA256:...} of an OpenSSH public key file, as {@code ssh-keygen -l} prints it. */
    static String fingerprint(Path publicKey) throws IOException {
        String[] fields = Files.readString(publicKey, StandardCharsets.UTF_8).strip().split("\\s+");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(fields[1]));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void closeQuietly() {
        if (shell != null) {
            shell.close();
            shell = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
