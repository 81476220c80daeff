package dev.labtutor.ssh;

import java.io.IOException;
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
import org.apache.sshd.server.SshServer;

/**
 * An in-process MINA sshd on loopback for tests that need several servers at once (grading a class): password or
 * public-key login, a generated host key, every command run as a local {@code sh -s} ({@link ProcessCommand}). Records
 * the commands it is asked to run.
 */
public final class TestSshd implements AutoCloseable {

    public final List<String> commands = new CopyOnWriteArrayList<>();
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
        server.setPublickeyAuthenticator(
                (user, key, session) -> keys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            return new ProcessCommand("sh", "-s");
        });
        server.start();
    }

    public static TestSshd withPassword(String password) throws IOException, GeneralSecurityException {
        return new TestSshd(password, List.of());
    }

    public static TestSshd withKey(Path publicKeyFile) throws IOException, GeneralSecurityException {
        AuthorizedKeyEntry e = AuthorizedKeyEntry.readAuthorizedKeys(publicKeyFile).get(0);
        return new TestSshd(null, List.of(e.resolvePublicKey(null, PublicKeyEntryResolver.FAILING)));
    }

    public int port() {
        return server.getPort();
    }

    public PublicKey hostPublicKey() {
        return hostKey.getPublic();
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
