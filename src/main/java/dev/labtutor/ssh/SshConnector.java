package dev.labtutor.ssh;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ConnectProgress;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.lab.ShellConnector;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.common.SSHException;

/**
 * Opens sshj connections to lab hosts: one {@link SSHClient} per host, through its jump hosts, every connect under a
 * deadline, host keys checked by {@link HostKeyPolicy} against {@link KnownHostsStore} (accept-new, changed key
 * refused), then the login by {@link SshLogin}. Every failure becomes a {@link HostException} whose text names the host
 * and what to do.
 *
 * <p>Thread-safe: the prober opens all hosts at once from several threads.
 */
public final class SshConnector implements ShellConnector {

    private final SshOptions options;
    private final KnownHostsStore knownHosts;
    /** The one host key fingerprint accepted instead of {@link #knownHosts}, for {@link #pinned}. */
    private final Optional<String> pin;

    private final SshLogin login;
    private final Consumer<Text> notices;

    /**
     * @param notices receives one sentence per host key recorded for the first time; the caller shows it (the learner
     *     should compare the fingerprint with the VM console)
     */
    public SshConnector(SshOptions options, SecretPrompter prompter, Consumer<Text> notices) {
        this(options, prompter, System::getenv, notices);
    }

    /** As above, with the environment lookup given (tests pass a map's {@code get}). */
    public SshConnector(SshOptions options, SecretPrompter prompter, Function<String, String> env,
            Consumer<Text> notices) {
        this(options, Optional.empty(), prompter, env, notices);
    }

    private SshConnector(SshOptions options, Optional<String> pin, SecretPrompter prompter,
            Function<String, String> env, Consumer<Text> notices) {
        this.options = Objects.requireNonNull(options);
        this.knownHosts = new KnownHostsStore(options.knownHostsFile());
        this.pin = pin;
        this.login = new SshLogin(options, prompter, env);
        this.notices = Objects.requireNonNull(notices);
    }

    /**
     * A connector for hosts whose key labtutor made itself (the sandbox VM): it accepts only the host key with
     * {@code fingerprint} ({@code SHA256:...}, as {@code ssh-keygen -l} prints it), never consults or writes
     * known_hosts, logs in with the host's identity file only, and prompts for nothing.
     */
    public static SshConnector pinned(SshOptions options, String fingerprint) {
        return new SshConnector(options, Optional.of(fingerprint), SecretPrompter.none(), name -> null, t -> {
        });
    }

    public SshOptions options() {
        return options;
    }

    @Override
    public SshjRemoteShell open(HostSpec host) throws HostException {
        return open(host, ConnectProgress.NONE);
    }

    @Override
    public SshjRemoteShell open(HostSpec host, ConnectProgress progress) throws HostException {
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
     * A jump host as a host of its own for connecting and messages: keys only (its config identities, the lab host's
     * identity, the agent, the usual ~/.ssh/id_* files), no password.
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
     * Connects (directly, or through {@code via}'s direct-tcpip channel), verifies the host key, logs in; records the
     * key the host offered in {@code offered}.
     */
    private SSHClient connectAndLogin(HostSpec host, SSHClient via, boolean target,
            java.util.Map<SSHClient, String> offered, ConnectProgress progress) throws HostException {
        SSHClient client = newClient();
        boolean ok = false;
        try {
            progress.abortWith(() -> closeQuietly(client));
            HostKeyPolicy policy = new HostKeyPolicy(knownHosts, pin);
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
            login.authenticate(client, host, target);
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

    private void connect(SSHClient client, HostSpec host, HostKeyPolicy policy, SSHClient via) throws HostException {
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
            return new HostException(HostException.Kind.CONNECT_FAILED, host.role(), SshMessages.connectRefused(host),
                    e);
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
}
