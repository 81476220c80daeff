package dev.labtutor.ssh;

import dev.labtutor.lab.ConnectProgress;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.RemoteShell;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.lab.ShellConnector;
import dev.labtutor.i18n.Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHException;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthKeyboardInteractive;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.method.ChallengeResponseProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Opens sshj connections to lab hosts: one {@link SSHClient} per host, host keys checked against
 * {@link KnownHostsStore} (accept-new, changed key refused), login with the lab file's identity
 * file and then the password (from the environment or the prompter) over both {@code password}
 * and {@code keyboard-interactive}. Every failure becomes a {@link HostException} whose text
 * names the host and what to do; secrets are held in {@code char[]}, wiped after use, and
 * never put in a message.
 *
 * <p>Thread-safe: the prober opens all hosts at once from several threads.
 */
public final class SshConnector implements ShellConnector {

    /** Kbd-interactive rounds answered with the password before we stop feeding it (PAM retries). */
    private static final int MAX_PASSWORD_ANSWERS = 3;

    private static final ScheduledExecutorService WATCHDOGS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "labtutor-ssh-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final SshOptions options;
    private final KnownHostsStore knownHosts;
    private final SecretPrompter prompter;
    private final Function<String, String> env;
    private final Consumer<Text> notices;

    /**
     * @param notices receives one sentence per host key recorded for the first time; the caller
     *                shows it (the learner should compare the fingerprint with the VM console)
     */
    public SshConnector(SshOptions options, SecretPrompter prompter, Consumer<Text> notices) {
        this(options, prompter, System::getenv, notices);
    }

    /** As above, with the environment lookup given (tests pass a map's {@code get}). */
    public SshConnector(SshOptions options, SecretPrompter prompter, Function<String, String> env,
                        Consumer<Text> notices) {
        this.options = Objects.requireNonNull(options);
        this.knownHosts = new KnownHostsStore(options.knownHostsFile());
        this.prompter = Objects.requireNonNull(prompter);
        this.env = Objects.requireNonNull(env);
        this.notices = Objects.requireNonNull(notices);
    }

    public SshOptions options() {
        return options;
    }

    @Override
    public RemoteShell open(HostSpec host) throws HostException {
        return open(host, ConnectProgress.NONE);
    }

    @Override
    public RemoteShell open(HostSpec host, ConnectProgress progress) throws HostException {
        if (host.identity().isPresent()) {
            Path key = host.identity().get();
            Optional<IdentityCheck.Problem> problem = IdentityCheck.of(key);
            if (problem.isPresent()) {
                throw new HostException(HostException.Kind.NO_CREDENTIALS, host.role(),
                        SshMessages.identityProblem(host, key, problem.get()));
            }
        }
        progress.connecting();
        List<SSHClient> hops = new ArrayList<>();
        SSHClient client = null;
        java.util.Map<SSHClient, String> offered = new java.util.HashMap<>();
        boolean opened = false;
        try {
            SSHClient via = null;
            for (HostSpec.Jump jump : host.jumps()) {
                HostSpec hop = hopSpec(host, jump);
                via = connectAndLogin(hop, via, false, offered, progress);
                hops.add(via);
            }
            client = connectAndLogin(host, via, true, offered, progress);
            if (client.getSocket() != null) {
                client.getSocket().setSoTimeout(idleReadTimeoutMillis());
            } else if (!hops.isEmpty() && hops.get(0).getSocket() != null) {
                hops.get(0).getSocket().setSoTimeout(idleReadTimeoutMillis());
            }
            opened = true;
            return new SshjRemoteShell(host, client, options, hops, Optional.ofNullable(offered.get(client)));
        } catch (IOException e) {
            throw new HostException(HostException.Kind.DISCONNECTED, host.role(), SshMessages.disconnected(host), e);
        } finally {
            if (!opened) {
                if (client != null) {
                    closeQuietly(client);
                }
                for (int i = hops.size() - 1; i >= 0; i--) {
                    closeQuietly(hops.get(i));
                }
            }
        }
    }

    /**
     * A jump host as a host of its own for connecting and messages: keys only (its config
     * identities, the lab host's identity, the agent, the usual ~/.ssh/id_* files), no password.
     */
    private HostSpec hopSpec(HostSpec target, HostSpec.Jump jump) {
        List<Path> keys = new ArrayList<>(jump.identities());
        target.identity().ifPresent(keys::add);
        if (jump.identities().isEmpty()) {
            Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
            for (String name : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
                keys.add(ssh.resolve(name));
            }
        }
        return new HostSpec(target.role() + " → " + jump.name(), jump.address(), jump.port(), jump.user(),
                Optional.empty(), Optional.empty(), false, keys, List.of(), Optional.of(jump.name()));
    }

    /**
     * Connects (directly, or through {@code via}'s direct-tcpip channel), verifies the host key, logs in;
     * records the key the host offered in {@code offered}.
     */
    private SSHClient connectAndLogin(HostSpec host, SSHClient via, boolean target,
                                      java.util.Map<SSHClient, String> offered, ConnectProgress progress) throws HostException {
        SSHClient client = newClient();
        boolean ok = false;
        try {
            progress.abortWith(() -> closeQuietly(client));
            HostKeyPolicy policy = new HostKeyPolicy(knownHosts);
            client.addHostKeyVerifier(policy);
            connect(client, host, policy, via);
            if (policy.offered != null) {
                offered.put(client, policy.offered);
            }
            if (policy.result instanceof KnownHostsStore.Check.Added added) {
                notices.accept(SshMessages.newHostKey(host.role(), added));
            }
            if (target) {
                progress.loggingIn();
            }
            authenticate(client, host, target);
            ok = true;
            return client;
        } finally {
            if (!ok) {
                closeQuietly(client);
            }
        }
    }

    private SSHClient newClient() {
        DefaultConfig config = new DefaultConfig();
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SSHClient client = new SSHClient(config);
        client.setConnectTimeout(millis(options.connectTimeout()));
        client.setTimeout(millis(options.connectTimeout()));
        client.getTransport().setTimeoutMs(millis(options.authTimeout()));
        client.getConnection().setTimeoutMs(millis(options.connectTimeout()));
        client.getConnection().getKeepAlive().setKeepAliveInterval((int) options.keepAliveInterval().toSeconds());
        client.setRemoteCharset(StandardCharsets.UTF_8);
        return client;
    }

    /** Idle reads get four keepalive rounds to see a byte; a silent peer is then given up. */
    private int idleReadTimeoutMillis() {
        return millis(options.keepAliveInterval().multipliedBy(4));
    }

    private void connect(SSHClient client, HostSpec host, HostKeyPolicy policy, SSHClient via)
            throws HostException {
        Watchdog watchdog = Watchdog.arm(client, options.connectTimeout());
        try {
            if (via == null) {
                client.connect(host.address(), host.port());
            } else {
                client.connectVia(via.newDirectConnection(host.address(), host.port()));
            }
            if (watchdog.disarm()) {
                throw timeout(host);
            }
        } catch (IOException | RuntimeException e) {
            boolean fired = watchdog.disarm();
            throw classifyConnectFailure(host, policy, fired, e);
        }
    }

    private HostException timeout(HostSpec host) {
        return new HostException(HostException.Kind.CONNECT_TIMEOUT, host.role(),
                SshMessages.connectTimeout(host, options.connectTimeout()));
    }

    private HostException classifyConnectFailure(HostSpec host, HostKeyPolicy policy, boolean timedOut, Exception e) {
        if (policy.result instanceof KnownHostsStore.Check.Changed changed) {
            return new HostException(HostException.Kind.HOST_KEY_CHANGED, host.role(),
                    SshMessages.hostKeyChanged(host, changed, knownHosts.file()), e);
        }
        if (policy.failure != null) {
            return new HostException(HostException.Kind.PROTOCOL, host.role(),
                    SshMessages.knownHostsUnusable(host, knownHosts.file(), policy.failure.getCause().getMessage()), e);
        }
        if (timedOut || causedBy(e, SocketTimeoutException.class) || causedBy(e, TimeoutException.class)) {
            return new HostException(HostException.Kind.CONNECT_TIMEOUT, host.role(),
                    SshMessages.connectTimeout(host, options.connectTimeout()), e);
        }
        if (causedBy(e, UnknownHostException.class)) {
            return new HostException(HostException.Kind.CONNECT_FAILED, host.role(), SshMessages.unknownHost(host), e);
        }
        if (causedBy(e, NoRouteToHostException.class)) {
            return new HostException(HostException.Kind.CONNECT_FAILED, host.role(), SshMessages.noRoute(host), e);
        }
        ConnectException refused = cause(e, ConnectException.class);
        if (refused != null) {
            String m = String.valueOf(refused.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (m.contains("timed out")) {
                return new HostException(HostException.Kind.CONNECT_TIMEOUT, host.role(),
                        SshMessages.connectTimeout(host, options.connectTimeout()), e);
            }
            return new HostException(HostException.Kind.CONNECT_FAILED, host.role(), SshMessages.connectRefused(host), e);
        }
        SSHException ssh = cause(e, SSHException.class);
        if (ssh != null && ssh.getDisconnectReason() != DisconnectReason.UNKNOWN
                && ssh.getDisconnectReason() != DisconnectReason.CONNECTION_LOST) {
            return new HostException(HostException.Kind.PROTOCOL, host.role(),
                    SshMessages.protocol(host, String.valueOf(ssh.getMessage())), e);
        }
        return new HostException(HostException.Kind.CONNECT_FAILED, host.role(),
                SshMessages.connectFailed(host, String.valueOf(e.getMessage())), e);
    }

    /**
     * Logs in: the lab file's identity; else the keys of ssh-agent ({@code SSH_AUTH_SOCK}); then
     * the ssh config's {@code IdentityFile}s that exist; then, for a lab host (not a jump host),
     * the password from the environment or the prompter over password and keyboard-interactive.
     */
    private void authenticate(SSHClient client, HostSpec host, boolean passwordAllowed) throws HostException {
        List<String> tried = new ArrayList<>();
        if (host.identity().isPresent()) {
            Path key = host.identity().get();
            KeyProvider provider = loadKey(client, host, key);
            tried.add("publickey (" + key + ")");
            if (attempt(client, host, List.of(new AuthPublickey(provider)))) {
                return;
            }
        } else if (agentKeys(client, host, tried)) {
            return;
        }
        for (Path key : host.configIdentities()) {
            if (!Files.isRegularFile(key) || IdentityCheck.of(key).isPresent() || host.identity().equals(Optional.of(key))) {
                continue;
            }
            KeyProvider provider;
            try {
                provider = loadKey(client, host, key);
            } catch (HostException e) {
                tried.add("publickey (" + key + ": not usable)");
                continue;
            }
            tried.add("publickey (" + key + ")");
            if (attempt(client, host, List.of(new AuthPublickey(provider)))) {
                return;
            }
        }
        if (!passwordAllowed) {
            if (tried.isEmpty()) {
                throw new HostException(HostException.Kind.NO_CREDENTIALS, host.role(), SshMessages.noJumpCredentials(host));
            }
            throw authFailed(client, host, tried);
        }
        Optional<Secret> secret = password(host);
        if (secret.isEmpty()) {
            if (tried.isEmpty()) {
                throw new HostException(HostException.Kind.NO_CREDENTIALS, host.role(),
                        SshMessages.noCredentials(host, null));
            }
            throw authFailed(client, host, tried);
        }
        char[] password = secret.get().value();
        try {
            tried.add("password " + secret.get().source());
            tried.add("keyboard-interactive " + secret.get().source());
            List<AuthMethod> methods = List.of(
                    new AuthPassword(new OneShotPassword(password)),
                    new AuthKeyboardInteractive(new PasswordResponder(password)));
            if (attempt(client, host, methods)) {
                return;
            }
        } finally {
            Arrays.fill(password, '\0');
        }
        throw authFailed(client, host, tried);
    }

    /** Tries every key ssh-agent holds, when {@code SSH_AUTH_SOCK} names a socket; true when one was accepted. */
    private boolean agentKeys(SSHClient client, HostSpec host, List<String> tried) throws HostException {
        String sock = env.apply("SSH_AUTH_SOCK");
        if (sock == null || sock.isBlank() || !Files.exists(Path.of(sock))) {
            return false;
        }
        SshAgent agent = new SshAgent(Path.of(sock), options.connectTimeout());
        List<SshAgent.Identity> ids;
        try {
            ids = agent.identities();
        } catch (IOException e) {
            tried.add("ssh-agent (" + sock + ": " + e.getMessage() + ")");
            return false;
        }
        if (ids.isEmpty()) {
            tried.add("ssh-agent (no keys)");
            return false;
        }
        tried.add("publickey from ssh-agent (" + String.join(", ", ids.stream().map(SshAgent.Identity::describe).toList()) + ")");
        List<AuthMethod> methods = new ArrayList<>();
        for (SshAgent.Identity id : ids) {
            methods.add(new SshAgent.Auth(agent, id));
        }
        return attempt(client, host, methods);
    }

    private HostException authFailed(SSHClient client, HostSpec host, List<String> tried) {
        String offered = String.join(",", client.getUserAuth().getAllowedMethods());
        return new HostException(HostException.Kind.AUTH_FAILED, host.role(),
                SshMessages.authFailed(host, tried, offered.isEmpty() ? "?" : offered));
    }

    /** Runs one login attempt under the overall login deadline; false when the server said no. */
    private boolean attempt(SSHClient client, HostSpec host, List<AuthMethod> methods) throws HostException {
        Watchdog watchdog = Watchdog.arm(client, options.authTimeout());
        try {
            client.auth(host.user(), methods);
            if (watchdog.disarm()) {
                throw loginTimeout(host, null);
            }
            return true;
        } catch (UserAuthException e) {
            if (watchdog.disarm() || causedBy(e, TimeoutException.class)) {
                throw loginTimeout(host, e);
            }
            if (!client.isConnected()) {
                throw new HostException(HostException.Kind.DISCONNECTED, host.role(), SshMessages.disconnected(host), e);
            }
            return false;
        } catch (IOException e) {
            if (watchdog.disarm() || causedBy(e, TimeoutException.class)) {
                throw loginTimeout(host, e);
            }
            throw new HostException(HostException.Kind.DISCONNECTED, host.role(), SshMessages.disconnected(host), e);
        }
    }

    private HostException loginTimeout(HostSpec host, Exception cause) {
        return new HostException(HostException.Kind.CONNECT_TIMEOUT, host.role(),
                SshMessages.loginTimeout(host, options.authTimeout()), cause);
    }

    /** Loads and decrypts the key before any network step, so a passphrase prompt is not timed. */
    private KeyProvider loadKey(SSHClient client, HostSpec host, Path key) throws HostException {
        PassphraseAsker asker = new PassphraseAsker(key);
        try {
            KeyProvider provider = client.loadKeys(key.toString(), asker);
            provider.getPrivate();
            provider.getPublic();
            return provider;
        } catch (IOException | RuntimeException e) {
            if (asker.asked && !asker.given) {
                throw new HostException(HostException.Kind.NO_CREDENTIALS, host.role(), SshMessages.keyLocked(host, key), e);
            }
            throw new HostException(HostException.Kind.AUTH_FAILED, host.role(), SshMessages.keyUnreadable(host, key), e);
        } finally {
            asker.wipe();
        }
    }

    private record Secret(char[] value, String source) {
    }

    private Optional<Secret> password(HostSpec host) {
        if (host.passwordEnv().isPresent()) {
            String name = host.passwordEnv().get();
            String value = env.apply(name);
            if (value != null && !value.isEmpty()) {
                return Optional.of(new Secret(value.toCharArray(), "(from $" + name + ")"));
            }
        }
        String prompt = host.display() + " password: ";
        return prompter.password(host, prompt).map(p -> new Secret(p, "(typed)"));
    }

    /** Runs {@code task} once after {@code nanos} on the shared deadline thread. */
    static ScheduledFuture<?> schedule(Runnable task, long nanos) {
        return WATCHDOGS.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }

    private static int millis(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, d.toMillis());
    }

    static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        return cause(t, type) != null;
    }

    static <T extends Throwable> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is being abandoned; nothing useful to report
        }
    }

    /** Closes the client when a deadline passes, so no socket read or sshj wait can hang us. */
    private static final class Watchdog {
        private final AtomicBoolean fired = new AtomicBoolean();
        private ScheduledFuture<?> future;

        static Watchdog arm(SSHClient client, Duration after) {
            Watchdog w = new Watchdog();
            w.future = WATCHDOGS.schedule(() -> {
                w.fired.set(true);
                closeQuietly(client);
            }, after.toMillis(), TimeUnit.MILLISECONDS);
            return w;
        }

        /** Cancels the deadline; true when it had already passed (the client is closed). */
        boolean disarm() {
            future.cancel(false);
            return fired.get();
        }
    }

    /** Accept-new policy over {@link KnownHostsStore}; remembers what it decided for error reporting. */
    private static final class HostKeyPolicy implements HostKeyVerifier {
        private final KnownHostsStore store;
        volatile KnownHostsStore.Check result;
        volatile UncheckedIOException failure;
        /** The key the host offered, as {@code TYPE SHA256:...}, for evidence. */
        volatile String offered;

        HostKeyPolicy(KnownHostsStore store) {
            this.store = store;
        }

        @Override
        public boolean verify(String hostname, int port, PublicKey key) {
            offered = net.schmizz.sshj.common.KeyType.fromKey(key) + " " + KnownHostsStore.fingerprint(key);
            try {
                KnownHostsStore.Check c = store.check(hostname, port, key);
                if (result == null || !(c instanceof KnownHostsStore.Check.Known)) {
                    result = c;
                }
                return !(c instanceof KnownHostsStore.Check.Changed);
            } catch (UncheckedIOException e) {
                failure = e;
                return false;
            }
        }

        @Override
        public List<String> findExistingAlgorithms(String hostname, int port) {
            try {
                return store.keyTypes(hostname, port);
            } catch (UncheckedIOException e) {
                return List.of();
            }
        }
    }

    /** Hands sshj a copy of the password once; our array is wiped by the caller. */
    private static final class OneShotPassword implements PasswordFinder {
        private final char[] password;

        OneShotPassword(char[] password) {
            this.password = password;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            return password.clone();
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }
    }

    /**
     * Answers keyboard-interactive: every echo-off prompt gets the password, whatever its wording
     * or language ({@code Password:}, {@code 密码：}, {@code Password for admin:}); echo-on prompts
     * get an empty answer, and rounds with no prompt get no answers.
     */
    private static final class PasswordResponder implements ChallengeResponseProvider {
        private final char[] password;
        private int answered;

        PasswordResponder(char[] password) {
            this.password = password;
        }

        @Override
        public List<String> getSubmethods() {
            return List.of();
        }

        @Override
        @SuppressWarnings("rawtypes")
        public void init(Resource resource, String name, String instruction) {
            // the instruction text is for humans; the password answers any hidden prompt
        }

        @Override
        public char[] getResponse(String prompt, boolean echo) {
            if (echo || answered >= MAX_PASSWORD_ANSWERS) {
                return new char[0];
            }
            answered++;
            return password.clone();
        }

        @Override
        public boolean shouldRetry() {
            return false;
        }
    }

    /** Asks the prompter for a key passphrase at most once and wipes what it was given. */
    private final class PassphraseAsker implements PasswordFinder {
        private final Path key;
        private final List<char[]> handedOut = new ArrayList<>();
        boolean asked;
        boolean given;

        PassphraseAsker(Path key) {
            this.key = key;
        }

        @Override
        public char[] reqPassword(Resource<?> resource) {
            if (asked) {
                return null;
            }
            asked = true;
            Optional<char[]> p = prompter.passphrase(key);
            given = p.isPresent();
            if (p.isEmpty()) {
                return null;
            }
            handedOut.add(p.get());
            return p.get().clone();
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }

        void wipe() {
            handedOut.forEach(a -> Arrays.fill(a, '\0'));
        }
    }
}
