package dev.labtutor.ssh;

import dev.labtutor.lab.HostSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.sshd.common.channel.Channel;
import org.apache.sshd.common.channel.ChannelListener;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.UserAuthFactory;
import org.apache.sshd.server.auth.keyboard.InteractiveChallenge;
import org.apache.sshd.server.auth.keyboard.KeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.server.session.ServerSession;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-process Apache MINA sshd on 127.0.0.1 and a random port, with a host key generated per test (pinned until
 * {@link #restartWithNewHostKey()}), that really runs scripts through a local {@code sh -s}. {@code sudo -n sh -s} is
 * faked: refused like a real sudo without NOPASSWD, or run as plain {@code sh -s} when {@link #allowSudo}. Counts
 * connections and channels.
 */
final class SshServerExtension implements BeforeEachCallback, AfterEachCallback {

    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final List<PublicKey> authorizedKeys = new CopyOnWriteArrayList<>();
    final List<String> commands = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger channels = new AtomicInteger();
    /** User names that logged in, in order. */
    final List<String> logins = new CopyOnWriteArrayList<>();
    /** Channel types opened (session, direct-tcpip, ...), in order. */
    final List<String> channelTypes = new CopyOnWriteArrayList<>();

    private volatile boolean sudoAllowed;
    private volatile boolean execAllowed;
    private volatile String keyboardPrompt = "Password: ";
    private SshServer server;
    private KeyPair hostKey;
    private int port;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        hostKey = newHostKey();
        start(0);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        stop();
    }

    int port() {
        return port;
    }

    PublicKey hostPublicKey() {
        return hostKey.getPublic();
    }

    void password(String user, String password) {
        passwords.put(user, password);
    }

    /** The host key as an OpenSSH known_hosts key field ({@code type base64}). */
    String hostKeyLine() {
        return org.apache.sshd.common.config.keys.PublicKeyEntry.toString(hostKey.getPublic());
    }

    void authorize(Path publicKeyFile) throws IOException, GeneralSecurityException {
        AuthorizedKeyEntry entry = AuthorizedKeyEntry.readAuthorizedKeys(publicKeyFile).get(0);
        authorizedKeys.add(entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
    }

    /** Lets clients open direct-tcpip channels through this server, as a jump host allows. */
    void allowForwarding() {
        server.setForwardingFilter(org.apache.sshd.server.forward.AcceptAllForwardingFilter.INSTANCE);
    }

    void allowSudo(boolean allowed) {
        sudoAllowed = allowed;
    }

    /** Any other command runs as {@code sh -c COMMAND} (for exec), instead of failing as unexpected. */
    void allowExec() {
        execAllowed = true;
    }

    /** Only these login methods are offered, as sshd_config's AuthenticationMethods would. */
    void offer(String... methods) {
        List<UserAuthFactory> factories = new java.util.ArrayList<>();
        for (String m : methods) {
            factories.add(switch (m) {
                case "publickey" -> UserAuthPublicKeyFactory.INSTANCE;
                case "password" -> UserAuthPasswordFactory.INSTANCE;
                case "keyboard-interactive" -> UserAuthKeyboardInteractiveFactory.INSTANCE;
                default -> throw new IllegalArgumentException(m);
            });
        }
        server.setUserAuthFactories(factories);
    }

    /** The single echo-off prompt of keyboard-interactive, e.g. {@code 密码：} on a zh_CN PAM. */
    void keyboardPrompt(String prompt) {
        keyboardPrompt = prompt;
    }

    HostSpec host(String user, Optional<Path> identity, Optional<String> passwordEnv, boolean sudo) {
        return new HostSpec("lb01", "127.0.0.1", port, user, identity, passwordEnv, sudo);
    }

    /** Same port, new host key: what a reinstalled VM looks like. */
    void restartWithNewHostKey() throws Exception {
        int p = port;
        stop();
        hostKey = newHostKey();
        start(p);
    }

    /** Drops every open connection from the server side. */
    void dropConnections() {
        server.getActiveSessions().forEach(s -> s.close(true));
    }

    private void start(int onPort) throws IOException {
        server = SshServer.setUpDefaultServer();
        server.setHost(InetAddress.getLoopbackAddress().getHostAddress());
        server.setPort(onPort);
        server.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
        server.setPasswordAuthenticator((user, pw, session) -> pw.equals(passwords.get(user)));
        server.setPublickeyAuthenticator(
                (user, key, session) -> authorizedKeys.stream().anyMatch(k -> KeyUtils.compareKeys(k, key)));
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionEvent(Session session, Event event) {
                if (event == Event.Authenticated) {
                    logins.add(session.getUsername());
                }
            }
        });
        server.setKeyboardInteractiveAuthenticator(new KeyboardInteractiveAuthenticator() {
            @Override
            public InteractiveChallenge generateChallenge(ServerSession session, String user, String lang, String sub) {
                InteractiveChallenge c = new InteractiveChallenge();
                c.setInteractionName("");
                c.setInteractionInstruction("");
                c.addPrompt(keyboardPrompt, false);
                return c;
            }

            @Override
            public boolean authenticate(ServerSession session, String user, List<String> responses) {
                return responses.size() == 1 && responses.get(0).equals(passwords.get(user));
            }
        });
        server.setCommandFactory((channel, command) -> {
            commands.add(command);
            return switch (command) {
                case "sh -s" -> new ProcessCommand("sh", "-s");
                case "sudo -n sh -s" -> sudoAllowed ? new ProcessCommand("sh", "-s")
                        : new ProcessCommand("sh", "-c", "echo 'sudo: a password is required' >&2; exit 1");
                default -> execAllowed ? new ProcessCommand("sh", "-c", command)
                        : new ProcessCommand("sh", "-c", "echo 'unexpected command' >&2; exit 127");
            };
        });
        server.addSessionListener(new SessionListener() {
            @Override
            public void sessionCreated(Session session) {
                connections.incrementAndGet();
            }
        });
        server.addChannelListener(new ChannelListener() {
            @Override
            public void channelOpenSuccess(Channel channel) {
                channels.incrementAndGet();
                channelTypes.add(
                        channel instanceof org.apache.sshd.server.channel.ChannelSession ? "session" : "direct-tcpip");
            }
        });
        server.start();
        port = server.getPort();
    }

    private void stop() throws IOException {
        if (server != null) {
            server.stop(true);
            server = null;
        }
    }

    private static KeyPair newHostKey() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        return g.generateKeyPair();
    }

    /** Runs ssh-keygen (real OpenSSH) and returns its stdout; fails the test on a non-zero exit. */
    static String sshKeygen(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of("ssh-keygen"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("ssh-keygen " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }

    /** A new OpenSSH private key file made by ssh-keygen; the public half is beside it as .pub. */
    static Path newUserKey(Path dir, String type, String passphrase) throws IOException, InterruptedException {
        Path key = dir.resolve("id_" + type + (passphrase.isEmpty() ? "" : "_enc"));
        Files.deleteIfExists(key);
        Files.deleteIfExists(Path.of(key + ".pub"));
        if (type.equals("rsa")) {
            sshKeygen(dir, "-q", "-t", "rsa", "-b", "2048", "-N", passphrase, "-f", key.toString());
        } else {
            sshKeygen(dir, "-q", "-t", type, "-N", passphrase, "-f", key.toString());
        }
        return key;
    }
}
