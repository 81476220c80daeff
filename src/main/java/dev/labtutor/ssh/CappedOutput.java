package dev.labtutor.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Drains one remote stream on its own thread into a buffer of at most {@code cap} bytes. Bytes past the cap are read
 * and dropped (and counted), so the remote side never blocks on a full window and our memory stays bounded whatever the
 * command prints.
 */
final class CappedOutput {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int cap;
    private final CountDownLatch done = new CountDownLatch(1);
    private long total;
    private volatile IOException failure;

    private CappedOutput(int cap) {
        this.cap = cap;
    }

    /** Starts a daemon thread that reads {@code in} to its end. */
    static CappedOutput drain(InputStream in, int cap, String threadName) {
        CappedOutput out = new CappedOutput(cap);
        Thread t = new Thread(() -> out.pump(in), threadName);
        t.setDaemon(true);
        t.start();
        return out;
    }

    private void pump(InputStream in) {
        byte[] buf = new byte[32 * 1024];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                synchronized (this) {
                    int room = Math.max(0, cap - kept.size());
                    kept.write(buf, 0, Math.min(room, n));
                    total += n;
                }
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            done.countDown();
        }
    }

    /** Waits for the end of the stream; false on timeout. */
    boolean await(long millis) throws InterruptedException {
        return done.await(Math.max(0, millis), TimeUnit.MILLISECONDS);
    }

    IOException failure() {
        return failure;
    }

    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    synchronized boolean truncated() {
        return total > cap;
    }

    /** Bytes read from the stream, kept or not. */
    synchronized long total() {
        return total;
    }
}
