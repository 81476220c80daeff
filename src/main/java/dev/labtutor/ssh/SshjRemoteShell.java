package dev.labtutor.ssh;

import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.RemoteShell;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;

/**
 * A {@link RemoteShell} over one authenticated sshj connection. Each script gets a new session channel running
 * {@code sh -s} (or {@code sudo -n sh -s}); the script goes in on stdin, stdout and stderr are drained at the same time
 * into capped buffers, and the exit status is read after the channel has closed (the server sends it just before
 * closing). Self-contained batches ({@link #runBatch}) instead go to one resident {@code sh -s} per connection
 * ({@link ResidentShell}).
 */
public final class SshjRemoteShell implements RemoteShell {

    /** sshd's MaxSessions defaults to 10 channels per connection; stay below it. */
    static final int MAX_CHANNELS = 8;

    /** What {@code sudo -n} prints when it would have to ask for a password (en and zh_CN). */
    private static final Pattern SUDO_WANTS_PASSWORD = Pattern.compile(
            "^sudo[:：].*(password is required|terminal is required|no tty present|需要密码|需要.*终端)", Pattern.MULTILINE);

    private final HostSpec host;
    private final SSHClient client;
    private final SshOptions options;
    private final Semaphore channels = new Semaphore(MAX_CHANNELS);
    /** Held while a batch runs on {@link #resident}; a second concurrent batch takes a channel of its own. */
    private final java.util.concurrent.locks.ReentrantLock residentLock =
            new java.util.concurrent.locks.ReentrantLock();

    private ResidentShell resident;

    /** Jump host connections the client's transport runs through, first hop first; closed with it. */
    private final java.util.List<SSHClient> via;
    /** The key the host offered, as {@code TYPE SHA256:...}, for evidence. */
    private final java.util.Optional<String> hostKey;

    SshjRemoteShell(HostSpec host, SSHClient client, SshOptions options, java.util.List<SSHClient> via) {
        this(host, client, options, via, java.util.Optional.empty());
    }

    SshjRemoteShell(HostSpec host, SSHClient client, SshOptions options, java.util.List<SSHClient> via,
            java.util.Optional<String> hostKey) {
        this.host = host;
        this.client = client;
        this.options = options;
        this.via = java.util.List.copyOf(via);
        this.hostKey = hostKey;
    }

    @Override
    public java.util.Optional<String> hostKey() {
        return hostKey;
    }

    @Override
    public HostSpec host() {
        return host;
    }

    /** True while the connection is up and logged in; a pool reconnects when this turns false. */
    @Override
    public boolean isOpen() {
        return client.isConnected() && client.isAuthenticated();
    }

    /** The command line the script is fed to. Never contains script text. */
    String commandLine() {
        return host.needsSudo() ? "sudo -n sh -s" : "sh -s";
    }

    @Override
    public ExecResult runScript(String script, Duration timeout) throws HostException {
        return exec(commandLine(), script.getBytes(StandardCharsets.UTF_8), timeout);
    }

    /**
     * Runs {@code command} as the server's exec request (the login shell parses it: quote every value with
     * {@link dev.labtutor.lab.Shell}), with {@code stdin} as its input (none when null), under the same channel limit,
     * capture and errors as {@link #runScript}, which is this with {@code sh -s} and the script as input. For a host
     * labtutor controls, such as the sandbox VM.
     */
    public ExecResult exec(String command, byte[] stdin, Duration timeout) throws HostException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        if (!isOpen()) {
            throw disconnected(null);
        }
        try {
            if (!channels.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw commandTimeout(timeout, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw commandTimeout(timeout, e);
        }
        try {
            return run(command, stdin == null ? new byte[0] : stdin, timeout, start, deadline);
        } finally {
            channels.release();
        }
    }

    /**
     * Runs a self-contained batch (every command redirects its own input and output, nothing is left writing to the
     * channel) on the host's resident shell, starting it when needed; while another batch holds it, on a channel of its
     * own as {@link #runScript}.
     */
    @Override
    public ExecResult runBatch(String script, Duration timeout) throws HostException {
        if (!residentLock.tryLock()) {
            return runScript(script, timeout);
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        try {
            if (!isOpen()) {
                throw disconnected(null);
            }
            if (resident == null || !resident.isOpen()) {
                dropResident();
                if (!channels.tryAcquire()) {
                    return runScript(script, timeout);
                }
                try {
                    resident = ResidentShell.start(client.startSession(), commandLine());
                } catch (IOException e) {
                    channels.release();
                    throw isOpen() ? protocol(e) : disconnected(e);
                }
            }
            try {
                return resident.run(script, start, deadline, options.outputCap());
            } catch (java.util.concurrent.TimeoutException e) {
                dropResident();
                if (!isOpen()) {
                    throw disconnected(null);
                }
                throw commandTimeout(timeout, e);
            } catch (ResidentShell.EndedException e) {
                dropResident();
                if (host.needsSudo() && Integer.valueOf(1).equals(e.exitStatus)
                        && SUDO_WANTS_PASSWORD.matcher(e.stderr).find()) {
                    throw new HostException(HostException.Kind.SUDO_PASSWORD_REQUIRED, host.role(),
                            SshMessages.sudoPasswordRequired(host));
                }
                throw isOpen() ? protocol(e) : disconnected(e);
            } catch (IOException e) {
                dropResident();
                throw isOpen() ? protocol(e) : disconnected(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                dropResident();
                throw commandTimeout(timeout, e);
            }
        } finally {
            residentLock.unlock();
        }
    }

    private void dropResident() {
        if (resident != null) {
            resident.close();
            resident = null;
            channels.release();
        }
    }

    private ExecResult run(String command, byte[] input, Duration timeout, long start, long deadline)
            throws HostException {
        Session session;
        try {
            session = client.startSession();
        } catch (IOException e) {
            throw isOpen() ? protocol(e) : disconnected(e);
        }
        try {
            Session.Command cmd = session.exec(command);
            CappedOutput out = CappedOutput.drain(cmd.getInputStream(), options.outputCap(),
                    "labtutor-ssh-" + host.role() + "-out");
            CappedOutput err = CappedOutput.drain(cmd.getErrorStream(), options.outputCap(),
                    "labtutor-ssh-" + host.role() + "-err");
            try (OutputStream stdin = cmd.getOutputStream()) {
                stdin.write(input);
                stdin.flush();
            } catch (IOException e) {
                // The remote command stopped reading (e.g. sudo refused before reading the script);
                // its output and exit status below say why.
            }
            boolean finished = waitFor(cmd, out, err, deadline);
            if (!finished) {
                stop(cmd);
                if (!isOpen()) {
                    throw disconnected(null);
                }
                throw commandTimeout(timeout, null);
            }
            if (out.failure() != null || err.failure() != null) {
                if (!isOpen()) {
                    throw disconnected(out.failure() != null ? out.failure() : err.failure());
                }
            }
            Integer status = cmd.getExitStatus();
            if (status == null) {
                if (!isOpen()) {
                    throw disconnected(null);
                }
                Signal signal = cmd.getExitSignal();
                throw new HostException(HostException.Kind.PROTOCOL, host.role(),
                        SshMessages.noExitStatus(host, signal == null ? null : signal.name()));
            }
            String stderr = err.text();
            if (host.needsSudo() && status == 1 && out.total() == 0 && SUDO_WANTS_PASSWORD.matcher(stderr).find()) {
                throw new HostException(HostException.Kind.SUDO_PASSWORD_REQUIRED, host.role(),
                        SshMessages.sudoPasswordRequired(host));
            }
            return new ExecResult(status, out.text(), stderr, out.truncated(), err.truncated(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw isOpen() ? protocol(e) : disconnected(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw commandTimeout(timeout, e);
        } finally {
            try {
                session.close();
            } catch (IOException | RuntimeException ignored) {
                // already closed by the server or by a timeout
            }
        }
    }

    /** Waits for channel close and both streams' ends; false when the deadline passed first. */
    private boolean waitFor(Session.Command cmd, CappedOutput out, CappedOutput err, long deadline)
            throws InterruptedException {
        if (!out.await(remainingMillis(deadline)) || !err.await(remainingMillis(deadline))) {
            return false;
        }
        try {
            cmd.join(Math.max(1, remainingMillis(deadline)), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            return !cmd.isOpen();
        }
        return !cmd.isOpen();
    }

    private void stop(Session.Command cmd) {
        try {
            cmd.signal(Signal.KILL);
        } catch (IOException | RuntimeException ignored) {
            // not every server honours signals; closing the channel below ends the command
        }
        try {
            cmd.close();
        } catch (IOException | RuntimeException ignored) {
            // the session is abandoned either way
        }
    }

    private static long remainingMillis(long deadline) {
        return TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
    }

    private HostException commandTimeout(Duration timeout, Exception cause) {
        return new HostException(HostException.Kind.COMMAND_TIMEOUT, host.role(),
                SshMessages.commandTimeout(host, timeout), cause);
    }

    private HostException disconnected(Exception cause) {
        return new HostException(HostException.Kind.DISCONNECTED, host.role(), SshMessages.disconnected(host), cause);
    }

    private HostException protocol(Exception cause) {
        return new HostException(HostException.Kind.PROTOCOL, host.role(),
                SshMessages.protocol(host, String.valueOf(cause.getMessage())), cause);
    }

    @Override
    public void close() {
        if (residentLock.tryLock()) {
            try {
                dropResident();
            } finally {
                residentLock.unlock();
            }
        }
        SshConnector.closeQuietly(client);
        for (int i = via.size() - 1; i >= 0; i--) {
            SshConnector.closeQuietly(via.get(i));
        }
    }
}
