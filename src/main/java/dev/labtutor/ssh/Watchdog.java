package dev.labtutor.ssh;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.schmizz.sshj.SSHClient;

/**
 * Closes a client when a deadline passes, so no socket read or sshj wait can hang us; all deadlines of the SSH adapter
 * run on one shared daemon thread.
 */
final class Watchdog {

    private static final ScheduledExecutorService WATCHDOGS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "labtutor-ssh-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final AtomicBoolean fired = new AtomicBoolean();
    private ScheduledFuture<?> future;

    private Watchdog() {
    }

    /** Runs {@code task} once after {@code nanos} on the shared deadline thread. */
    static ScheduledFuture<?> schedule(Runnable task, long nanos) {
        return WATCHDOGS.schedule(task, nanos, TimeUnit.NANOSECONDS);
    }

    /** Closes {@code client} after {@code after} unless {@link #disarm}ed first. */
    static Watchdog arm(SSHClient client, Duration after) {
        Watchdog w = new Watchdog();
        w.future = WATCHDOGS.schedule(() -> {
            w.fired.set(true);
            SshConnector.closeQuietly(client);
        }, after.toMillis(), TimeUnit.MILLISECONDS);
        return w;
    }

    /** Cancels the deadline; true when it had already passed (the client is closed). */
    boolean disarm() {
        future.cancel(false);
        return fired.get();
    }
}
