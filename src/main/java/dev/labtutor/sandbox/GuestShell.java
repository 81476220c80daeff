package dev.labtutor.sandbox;

import dev.labtutor.lab.ExecResult;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Shell;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * Commands run in the VM through its control sshd (on the VM's own address, key login with the
 * sandbox key, host key pinned to the one labtutor generated): one kept connection, one session
 * per command, several at once. It is how {@link Sandbox#exec} reaches a host inside the VM, with
 * {@code vm/in-host} entering the host's namespaces there.
 */
final class GuestShell implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    private final String address;
    private final Path privateKey;
    private final Path hostPublicKey;
    private SSHClient client;

    GuestShell(String address, Path privateKey, Path hostPublicKey) {
        this.address = address;
        this.privateKey = privateKey;
        this.hostPublicKey = hostPublicKey;
    }

    /** Runs {@code argv} (each word quoted for the remote shell) with {@code stdin} (may be null). */
    ExecResult run(List<String> argv, byte[] stdin, Duration timeout) {
        return run(Shell.command(argv), stdin, timeout);
    }

    ExecResult run(String command, byte[] stdin, Duration timeout) {
        long start = System.nanoTime();
        try (Session session = client().startSession()) {
            Session.Command cmd = session.exec(command);
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> LocalCommand.readAll(cmd.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> LocalCommand.readAll(cmd.getErrorStream()));
            try (OutputStream in = cmd.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Integer status = cmd.getExitStatus();
            if (status == null) {
                throw new SandboxException(Text.of("虚拟机中的命令超时：" + command,
                        "Command in the sandbox VM timed out after " + timeout.toSeconds() + " s: " + command));
            }
            return new ExecResult(status, new String(out.join(), StandardCharsets.UTF_8),
                    new String(err.join(), StandardCharsets.UTF_8), false, false,
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            closeQuietly();
            throw new SandboxException(Text.of("无法在沙箱虚拟机（" + address + "）中运行命令：" + e.getMessage(),
                    "Cannot run a command in the sandbox VM (" + address + "): " + e.getMessage()), e);
        }
    }

    private synchronized SSHClient client() throws IOException {
        if (client != null && client.isConnected() && client.isAuthenticated()) {
            return client;
        }
        closeQuietly();
        DefaultConfig config = new DefaultConfig();
        SSHClient c = new SSHClient(config);
        c.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        c.setTimeout((int) CONNECT_TIMEOUT.toMillis());
        c.addHostKeyVerifier(fingerprint(hostPublicKey));
        try {
            c.connect(address, 22);
            c.authPublickey("root", c.loadKeys(privateKey.toString()));
        } catch (IOException | RuntimeException e) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw e;
        }
        client = c;
        return c;
    }

    /** {@code SHA256:...} of an OpenSSH public key file, as sshj's fingerprint verifier takes it. */
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
        if (client != null) {
            try {
                client.close();
            } catch (IOException ignored) {
                // the VM may be gone already
            }
            client = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
