package dev.labtutor.grading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;

/**
 * An in-process MINA sshd on loopback for grading tests: password and public-key login, a
 * generated host key, and {@code sh -s} really run on this machine (the probe script goes in on
 * stdin, closed at channel EOF). Records every command it is asked to run.
 */
final class TestSshd implements AutoCloseable {

    final List<String> commands = new CopyOnWriteArrayList<>();
    private final SshServer server;
    private final KeyPair hostKey;

    private TestSshd(String password, List<PublicKey> keys) throws IOException, GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        hostKey = g.generateKeyPair();
        server = SshServer.setUpDefaultServer();
        server.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        server.setPort(0);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, pw, session) -> password != null && pw.equals(password));
        server.setPublickeyAuthenticator((user, key, session) -> keys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            return new Sh();
        });
        server.start();
    }

    static TestSshd withPassword(String password) throws IOException, GeneralSecurityException {
        return new TestSshd(password, List.of());
    }

    static TestSshd withKey(Path publicKeyFile) throws IOException, GeneralSecurityException {
        AuthorizedKeyEntry e = AuthorizedKeyEntry.readAuthorizedKeys(publicKeyFile).get(0);
        return new TestSshd(null, List.of(e.resolvePublicKey(null, PublicKeyEntryResolver.FAILING)));
    }

    int port() {
        return server.getPort();
    }

    PublicKey hostPublicKey() {
        return hostKey.getPublic();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** {@code sh -s}: channel stdin to the shell until EOF, its stdout and stderr back, its exit status. */
    private static final class Sh implements Command {
        private InputStream in;
        private OutputStream out;
        private OutputStream err;
        private ExitCallback exit;
        private volatile Process process;

        @Override
        public void setInputStream(InputStream in) {
            this.in = in;
        }

        @Override
        public void setOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void setErrorStream(OutputStream err) {
            this.err = err;
        }

        @Override
        public void setExitCallback(ExitCallback callback) {
            this.exit = callback;
        }

        @Override
        public void start(ChannelSession channel, Environment env) throws IOException {
            Process p = new ProcessBuilder("sh", "-s").start();
            process = p;
            Thread feed = pump(in, p.getOutputStream(), true);
            Thread o = pump(p.getInputStream(), out, false);
            Thread e = pump(p.getErrorStream(), err, false);
            Thread wait = new Thread(() -> {
                int rc;
                try {
                    rc = p.waitFor();
                    o.join();
                    e.join();
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    rc = 255;
                }
                feed.interrupt();
                exit.onExit(rc);
            });
            wait.setDaemon(true);
            wait.start();
        }

        private static Thread pump(InputStream from, OutputStream to, boolean closeAtEnd) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[8192];
                try {
                    for (int n; (n = from.read(buf)) >= 0; ) {
                        to.write(buf, 0, n);
                        to.flush();
                    }
                } catch (IOException ignored) {
                    // the other side went away
                } finally {
                    if (closeAtEnd) {
                        try {
                            to.close();
                        } catch (IOException ignored) {
                            // already closed
                        }
                    }
                }
            });
            t.setDaemon(true);
            t.start();
            return t;
        }

        @Override
        public void destroy(ChannelSession channel) {
            Process p = process;
            if (p != null) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }
}
