package dev.labtutor.ssh;

import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.Shell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * One long-lived {@code sh -s} on its own session channel that runs batch after batch, so a re-check round pays neither
 * a channel open, an exec request, the login shell's start nor a new {@code sh}: only one {@code fork} for the batch's
 * subshell. Before the first batch it makes a private directory for its batches ({@link #SETUP}). Each batch is sent as
 *
 * <pre>
 * (eval 'BATCH') &lt;/dev/null; printf '\n==LTDONE TOKEN %s\n' "$?"; printf '\n==LTDONE TOKEN\n' &gt;&amp;2
 * </pre>
 *
 * so it runs in a subshell (its variables, traps, {@code exit} and working directory end with it), reads nothing from
 * the channel, and its exit status and the ends of both streams are marked with a token drawn per batch that no command
 * of the batch sees. Only batches that send every command's output somewhere of their own and leave nothing running
 * that writes to the channel afterwards may use it (the prober's batches do); anything else gets a channel of its own.
 *
 * <p>Not thread-safe: its owner runs one batch at a time. After a timeout or any I/O failure the owner must
 * {@link #close()} it and start a new one.
 */
final class ResidentShell implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ExecutorService STDERR_READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "labtutor-ssh-resident-err");
        t.setDaemon(true);
        return t;
    });

    /** The shell ended before the batch's end marker (e.g. sudo refused, the shell was killed). */
    static final class EndedException extends IOException {
        final String stderr;
        final Integer exitStatus;

        EndedException(String stderr, Integer exitStatus) {
            super("the resident shell ended");
            this.stderr = stderr;
            this.exitStatus = exitStatus;
        }
    }

    private final Session session;
    private final Session.Command command;
    private final OutputStream stdin;
    private final InputStream stdout;
    private final InputStream stderr;

    private ResidentShell(Session session, Session.Command command) {
        this.session = session;
        this.command = command;
        this.stdin = command.getOutputStream();
        this.stdout = command.getInputStream();
        this.stderr = command.getErrorStream();
    }

    /**
     * Run once by the resident shell before its first batch: {@code lt_keep} names a private directory (made by mktemp,
     * mode 700, its name holding the shell's pid) that lives as long as the shell, for batches to keep their files in
     * between rounds instead of making and removing a directory each time (a batch checks it before use; it is empty
     * when mktemp failed). The shell removes it when its input ends or it is told to stop. A shell that ends otherwise
     * (KILL, or stopped while a batch still ran) leaves it behind, so the setup first removes the directories of this
     * user's resident shells that no longer run: a later connection cleans up after an earlier one, and only what is
     * ours and dead is touched.
     */
    static final String SETUP =
            "for lt_o in \"${TMPDIR:-/tmp}\"/labtutor-keep.*.*; do lt_p=${lt_o##*/labtutor-keep.}; lt_p=${lt_p%%.*}; "
                    + "case $lt_p in ''|*[!0-9]*) continue ;; esac; "
                    + "if [ -d \"$lt_o\" ] && [ ! -L \"$lt_o\" ] && [ -O \"$lt_o\" ] && ! kill -0 \"$lt_p\" 2>/dev/null; then rm -rf \"$lt_o\"; fi; done; "
                    + "lt_keep=$(umask 077; mktemp -d \"${TMPDIR:-/tmp}/labtutor-keep.$$.XXXXXX\" 2>/dev/null) || lt_keep=; "
                    + "[ -z \"$lt_keep\" ] || trap 'rm -rf \"$lt_keep\"' EXIT; trap 'exit 129' HUP; trap 'exit 143' TERM\n";

    static ResidentShell start(Session session, String commandLine) throws IOException {
        ResidentShell shell = new ResidentShell(session, session.exec(commandLine));
        shell.stdin.write(SETUP.getBytes(StandardCharsets.US_ASCII));
        return shell;
    }

    boolean isOpen() {
        return command.isOpen();
    }

    /**
     * Runs one batch and returns when both end markers have arrived.
     *
     * @throws TimeoutException when they have not arrived by {@code deadlineNanos} (the shell is then unusable and must
     *     be closed)
     * @throws EndedException when the shell ended first
     */
    ExecResult run(String script, long startNanos, long deadlineNanos, int cap)
            throws IOException, TimeoutException, InterruptedException {
        String token = HexFormat.of().formatHex(randomBytes());
        String line = "(eval " + Shell.quote(script) + ") </dev/null; printf '\\n==LTDONE " + token + " %s\\n' \"$?\"; "
                + "printf '\\n==LTDONE " + token + "\\n' >&2\n";
        byte[] marker = ("\n==LTDONE " + token).getBytes(StandardCharsets.US_ASCII);
        Future<Marked> err = STDERR_READERS.submit(() -> Marked.read(stderr, marker, cap));
        stdin.write(line.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        Marked out;
        try {
            out = readWithin(deadlineNanos, () -> Marked.read(stdout, marker, cap));
            Marked e = err.get(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (out.ended || e.ended) {
                throw new EndedException(e.text(), exitStatus());
            }
            int status;
            try {
                status = Integer.parseInt(out.trailer.trim());
            } catch (NumberFormatException ex) {
                throw new IOException("unreadable exit status after a batch: '" + out.trailer + "'");
            }
            return new ExecResult(status, out.text(), e.text(), out.total > cap, e.total > cap,
                    java.time.Duration.ofNanos(System.nanoTime() - startNanos));
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            err.cancel(true);
        }
    }

    private Integer exitStatus() {
        try {
            command.join(2, TimeUnit.SECONDS);
        } catch (IOException ignored) {
            // the status below is null then
        }
        return command.getExitStatus();
    }

    private interface Reading {
        Marked read() throws IOException;
    }

    /** Reads on this thread; a scheduled close of the channel unblocks it when the deadline passes. */
    private Marked readWithin(long deadlineNanos, Reading reading) throws IOException, TimeoutException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException();
        }
        java.util.concurrent.atomic.AtomicBoolean fired = new java.util.concurrent.atomic.AtomicBoolean();
        var closer = Watchdog.schedule(() -> {
            fired.set(true);
            close();
        }, left);
        try {
            Marked m = reading.read();
            if (fired.get()) {
                throw new TimeoutException();
            }
            return m;
        } catch (IOException e) {
            if (fired.get()) {
                throw new TimeoutException();
            }
            throw e;
        } finally {
            closer.cancel(false);
        }
    }

    @Override
    public void close() {
        try {
            command.close();
        } catch (IOException | RuntimeException ignored) {
            // abandoned either way
        }
        try {
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // abandoned either way
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return b;
    }

    /**
     * One stream's share of a batch: the bytes before the marker (at most {@code cap} kept, all counted), what followed
     * the marker on its line, or {@code ended} when the stream closed first.
     */
    static final class Marked {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final int cap;
        long total;
        String trailer = "";
        boolean ended;

        private Marked(int cap) {
            this.cap = cap;
        }

        String text() {
            return kept.toString(StandardCharsets.UTF_8);
        }

        private void commit(byte[] b, int from, int to) {
            int n = to - from;
            if (n <= 0) {
                return;
            }
            int room = (int) Math.max(0, Math.min(Integer.MAX_VALUE, cap - total));
            kept.write(b, from, Math.min(room, n));
            total += n;
        }

        static Marked read(InputStream in, byte[] marker, int cap) throws IOException {
            Marked m = new Marked(cap);
            byte[] pending = new byte[64 * 1024];
            int len = 0;
            int found = -1;
            byte[] buf = new byte[32 * 1024];
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    m.commit(pending, 0, found >= 0 ? found : len);
                    m.ended = true;
                    return m;
                }
                if (len + n > pending.length) {
                    pending = java.util.Arrays.copyOf(pending, Math.max(pending.length * 2, len + n));
                }
                System.arraycopy(buf, 0, pending, len, n);
                len += n;
                if (found < 0) {
                    found = indexOf(pending, len, marker, 0);
                    if (found < 0) {
                        int keep = Math.min(len, marker.length - 1);
                        m.commit(pending, 0, len - keep);
                        System.arraycopy(pending, len - keep, pending, 0, keep);
                        len = keep;
                        continue;
                    }
                    m.commit(pending, 0, found);
                    System.arraycopy(pending, found, pending, 0, len - found);
                    len -= found;
                    found = 0;
                }
                for (int i = marker.length; i < len; i++) {
                    if (pending[i] == '\n') {
                        m.trailer = new String(pending, marker.length, i - marker.length, StandardCharsets.US_ASCII);
                        return m;
                    }
                }
            }
        }

        private static int indexOf(byte[] hay, int len, byte[] needle, int from) {
            outer : for (int i = from; i <= len - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (hay[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
