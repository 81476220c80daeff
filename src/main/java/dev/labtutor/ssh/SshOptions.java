package dev.labtutor.ssh;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How the SSH adapter talks to lab hosts.
 *
 * @param knownHostsFile our own OpenSSH-format known_hosts (never the user's {@code ~/.ssh/known_hosts})
 * @param connectTimeout TCP connect, SSH banner and key exchange together must finish within this
 * @param authTimeout the whole login (all methods tried) must finish within this, prompts excluded
 * @param commandTimeout default for one script when the caller has no better idea
 * @param keepAliveInterval keepalive@openssh.com is sent this often on idle connections; an idle socket read gives up
 *     after four intervals without a byte from the host
 * @param outputCap bytes kept per stream (stdout, stderr) of one script; the rest is drained and dropped
 */
public record SshOptions(Path knownHostsFile, Duration connectTimeout, Duration authTimeout, Duration commandTimeout,
        Duration keepAliveInterval, int outputCap) {

    public static final int DEFAULT_OUTPUT_CAP = 4 * 1024 * 1024;

    public SshOptions {
        Objects.requireNonNull(knownHostsFile, "knownHostsFile");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(authTimeout, "authTimeout");
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(keepAliveInterval, "keepAliveInterval");
        if (keepAliveInterval.toSeconds() < 1) {
            throw new IllegalArgumentException("keepAliveInterval must be at least one second");
        }
        if (outputCap < 1) {
            throw new IllegalArgumentException("outputCap must be positive: " + outputCap);
        }
    }

    /** Timeouts suited to lab VMs on a local network: quick to notice a host that is down. */
    public static SshOptions defaults(Path knownHosts) {
        return new SshOptions(knownHosts, Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
                Duration.ofSeconds(15), DEFAULT_OUTPUT_CAP);
    }

    /** {@code $XDG_CONFIG_HOME/labtutor/known_hosts}, or {@code ~/.config/labtutor/known_hosts}. */
    public static Path defaultKnownHosts() {
        return defaultKnownHosts(System::getenv, System.getProperty("user.home"));
    }

    /** As {@link #defaultKnownHosts()}, with the environment and home directory given (for tests). */
    public static Path defaultKnownHosts(Function<String, String> env, String userHome) {
        String xdg = env.apply("XDG_CONFIG_HOME");
        Path config = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(userHome, ".config");
        return config.resolve("labtutor").resolve("known_hosts");
    }

    public SshOptions withConnectTimeout(Duration d) {
        return new SshOptions(knownHostsFile, d, authTimeout, commandTimeout, keepAliveInterval, outputCap);
    }

    public SshOptions withOutputCap(int cap) {
        return new SshOptions(knownHostsFile, connectTimeout, authTimeout, commandTimeout, keepAliveInterval, cap);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
