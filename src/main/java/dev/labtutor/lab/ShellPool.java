package dev.labtutor.lab;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one open connection per host for a whole run, so {@code check --wait} rounds reuse logins instead of paying a
 * handshake each time. Thread-safe: different hosts connect in parallel, the same host connects once. A dropped
 * connection is reopened on the next use.
 *
 * <p>The shells handed out belong to the pool: closing one does nothing; {@link #close()} closes them all.
 */
public final class ShellPool implements AutoCloseable {

    private final ShellConnector connector;
    private final ConcurrentHashMap<HostSpec, Slot> slots = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public ShellPool(ShellConnector connector) {
        this.connector = Objects.requireNonNull(connector);
    }

    /**
     * The pooled shell for {@code host}, connecting (or reconnecting) first when needed.
     *
     * @throws HostException as {@link ShellConnector#open} when a connection must be made and cannot
     */
    public RemoteShell get(HostSpec host) throws HostException {
        return get(host, ConnectProgress.NONE);
    }

    /** As {@link #get(HostSpec)}; {@code progress} hears about a connection only when one has to be made. */
    public RemoteShell get(HostSpec host, ConnectProgress progress) throws HostException {
        Slot slot = slots.computeIfAbsent(host, Slot::new);
        slot.live(progress);
        return slot;
    }

    @Override
    public void close() {
        closed = true;
        slots.values().forEach(Slot::shutdown);
        slots.clear();
    }

    private final class Slot implements RemoteShell {
        private final HostSpec host;
        private RemoteShell current;

        Slot(HostSpec host) {
            this.host = host;
        }

        RemoteShell live() throws HostException {
            return live(ConnectProgress.NONE);
        }

        synchronized RemoteShell live(ConnectProgress progress) throws HostException {
            if (closed) {
                throw new IllegalStateException("shell pool is closed");
            }
            if (current == null || !current.isOpen()) {
                if (current != null) {
                    current.close();
                    current = null;
                }
                current = connector.open(host, progress);
            }
            return current;
        }

        synchronized void shutdown() {
            if (current != null) {
                current.close();
                current = null;
            }
        }

        @Override
        public HostSpec host() {
            return host;
        }

        @Override
        public boolean isOpen() {
            RemoteShell c;
            synchronized (this) {
                c = current;
            }
            return c != null && c.isOpen();
        }

        @Override
        public ExecResult runScript(String script, Duration timeout) throws HostException {
            return live().runScript(script, timeout);
        }

        @Override
        public ExecResult runBatch(String script, Duration timeout) throws HostException {
            return live().runBatch(script, timeout);
        }

        @Override
        public java.util.Optional<String> hostKey() {
            RemoteShell c;
            synchronized (this) {
                c = current;
            }
            return c == null ? java.util.Optional.empty() : c.hostKey();
        }

        @Override
        public void close() {
            // owned by the pool
        }
    }
}
