package dev.labtutor.ssh;

import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.SecretPrompter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import net.schmizz.sshj.SSHClient;
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
 * The login on a connected, verified {@link SSHClient}: keys (the lab file's identity, else ssh-agent's, then the ssh
 * config's {@code IdentityFile}s), then the password from the environment or the prompter over both {@code password}
 * and {@code keyboard-interactive}. Every attempt runs under the login deadline; secrets are held in {@code char[]},
 * wiped after use, and never put in a message.
 */
final class SshLogin {

    /** Kbd-interactive rounds answered with the password before we stop feeding it (PAM retries). */
    private static final int MAX_PASSWORD_ANSWERS = 3;

    private final SshOptions options;
    private final SecretPrompter prompter;
    private final Function<String, String> env;

    SshLogin(SshOptions options, SecretPrompter prompter, Function<String, String> env) {
        this.options = Objects.requireNonNull(options);
        this.prompter = Objects.requireNonNull(prompter);
        this.env = Objects.requireNonNull(env);
    }

    /**
     * Logs in: the lab file's identity; else the keys of ssh-agent ({@code SSH_AUTH_SOCK}); then the ssh config's
     * {@code IdentityFile}s that exist; then, for a lab host (not a jump host), the password from the environment or
     * the prompter over password and keyboard-interactive.
     */
    void authenticate(SSHClient client, HostSpec host, boolean passwordAllowed) throws HostException {
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
            if (!Files.isRegularFile(key) || IdentityCheck.of(key).isPresent()
                    || host.identity().equals(Optional.of(key))) {
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
                throw new HostException(HostException.Kind.NO_CREDENTIALS, host.role(),
                        SshMessages.noJumpCredentials(host));
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
            List<AuthMethod> methods = List.of(new AuthPassword(new OneShotPassword(password)),
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
        tried.add("publickey from ssh-agent ("
                + String.join(", ", ids.stream().map(SshAgent.Identity::describe).toList()) + ")");
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
            if (watchdog.disarm() || SshConnector.causedBy(e, TimeoutException.class)) {
                throw loginTimeout(host, e);
            }
            if (!client.isConnected()) {
                throw new HostException(HostException.Kind.DISCONNECTED, host.role(), SshMessages.disconnected(host),
                        e);
            }
            return false;
        } catch (IOException e) {
            if (watchdog.disarm() || SshConnector.causedBy(e, TimeoutException.class)) {
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
                throw new HostException(HostException.Kind.NO_CREDENTIALS, host.role(),
                        SshMessages.keyLocked(host, key), e);
            }
            throw new HostException(HostException.Kind.AUTH_FAILED, host.role(), SshMessages.keyUnreadable(host, key),
                    e);
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
     * Answers keyboard-interactive: every echo-off prompt gets the password, whatever its wording or language
     * ({@code Password:}, {@code 密码：}, {@code Password for admin:}); echo-on prompts get an empty answer, and rounds
     * with no prompt get no answers.
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
