package dev.labtutor.host;

import java.time.Duration;

/**
 * A live, authenticated connection to one lab host. Reused across rounds within a run;
 * each {@link #runScript} opens a fresh channel. Implementations are thread-safe for
 * one caller at a time per host (the prober never runs two scripts on one host at once).
 */
public interface RemoteShell extends AutoCloseable {

    HostSpec host();

    /**
     * Runs a POSIX sh script on the host by feeding it to {@code sh -s} on stdin (wrapped in
     * {@code sudo -n} when {@link HostSpec#needsSudo()}), so that no script text is ever
     * spliced into a command line. A non-zero exit is a normal result, not an exception.
     *
     * @throws HostException when the host cannot be used: timeout (kind COMMAND_TIMEOUT),
     *         connection lost, or sudo asked for a password (SUDO_PASSWORD_REQUIRED).
     */
    ExecResult runScript(String script, Duration timeout) throws HostException;

    /**
     * False once the connection is known to be gone, so a pool can reconnect before the next
     * round instead of failing it. Local fakes that cannot break may keep the default.
     */
    default boolean isOpen() {
        return true;
    }

    /**
     * The host key this connection verified, as {@code TYPE SHA256:...} (what {@code ssh-keygen -l}
     * prints), for evidence; empty when the shell is not SSH.
     */
    default java.util.Optional<String> hostKey() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
