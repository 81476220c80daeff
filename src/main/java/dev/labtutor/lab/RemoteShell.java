package dev.labtutor.lab;

import java.time.Duration;

/**
 * A live, authenticated connection to one lab host. Reused across rounds within a run; each {@link #runScript} opens a
 * fresh channel. Implementations are thread-safe for one caller at a time per host (the prober never runs two scripts
 * on one host at once).
 */
public interface RemoteShell extends AutoCloseable {

    HostSpec host();

    /**
     * Runs a POSIX sh script on the host by feeding it to {@code sh -s} on stdin (wrapped in {@code sudo -n} when
     * {@link HostSpec#needsSudo()}), so that no script text is ever spliced into a command line. A non-zero exit is a
     * normal result, not an exception.
     *
     * @throws HostException when the host cannot be used: timeout (kind COMMAND_TIMEOUT), connection lost, or sudo
     *     asked for a password (SUDO_PASSWORD_REQUIRED).
     */
    ExecResult runScript(String script, Duration timeout) throws HostException;

    /**
     * Runs a self-contained batch: a script whose commands all take their input from and send their output to somewhere
     * of their own (files, /dev/null), that reads nothing from its stdin, and that leaves nothing running which writes
     * to it afterwards, such as the prober's {@code ProbeScript}. Same contract as {@link #runScript}; an
     * implementation may run it on a shell kept open between calls, which saves a channel and two process starts per
     * call.
     */
    default ExecResult runBatch(String script, Duration timeout) throws HostException {
        return runScript(script, timeout);
    }

    /**
     * False once the connection is known to be gone, so a pool can reconnect before the next round instead of failing
     * it. Local fakes that cannot break may keep the default.
     */
    default boolean isOpen() {
        return true;
    }

    /**
     * The host key this connection verified, as {@code TYPE SHA256:...} (what {@code ssh-keygen -l} prints), for
     * evidence; empty when the shell is not SSH.
     */
    default java.util.Optional<String> hostKey() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
