package dev.labtutor.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback TCP server that misbehaves the way a half-dead lab VM does: accepts and never says a word; sends an SSH
 * banner and then nothing; drips its banner one byte a second; or relays to a real sshd and drops the connection once
 * the server has sent {@code cutAfter} bytes (mid-batch, since a batch's output comes back at its end).
 */
final class MisbehavingSshServer implements AutoCloseable {

    enum Mode {
        SILENT, BANNER_THEN_SILENCE, DRIP, DROP_MID_BATCH
    }

    private static final byte[] BANNER =
            "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket socket;
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private final Mode mode;
    private final String target;
    private final int targetPort;
    private final long cutAfter;

    private MisbehavingSshServer(Mode mode, String target, int targetPort, long cutAfter) throws IOException {
        this.mode = mode;
        this.target = target;
        this.targetPort = targetPort;
        this.cutAfter = cutAfter;
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("lth-" + mode, () -> {
            try {
                while (true) {
                    Socket s = socket.accept();
                    held.add(s);
                    daemon("lth-conn", () -> serve(s));
                }
            } catch (IOException closed) {
                // closed by the test
            }
        });
    }

    static MisbehavingSshServer of(Mode mode) throws IOException {
        return new MisbehavingSshServer(mode, null, 0, 0);
    }

    /** Relays to {@code host:port} and drops both sides once the server has sent {@code cutAfter} bytes. */
    static MisbehavingSshServer dropping(String host, int port, long cutAfter) throws IOException {
        return new MisbehavingSshServer(Mode.DROP_MID_BATCH, host, port, cutAfter);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            switch (mode) {
                case SILENT -> {
                }
                case BANNER_THEN_SILENCE -> out.write(BANNER);
                case DRIP -> {
                    for (byte b : BANNER) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(1000);
                    }
                }
                case DROP_MID_BATCH -> relay(s);
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the test closed us
        }
    }

    private void relay(Socket client) throws IOException {
        Socket server = new Socket(target, targetPort);
        held.add(server);
        daemon("lth-up", () -> copy(client, server, Long.MAX_VALUE));
        copy(server, client, cutAfter);
    }

    private void copy(Socket from, Socket to, long limit) {
        byte[] buf = new byte[4096];
        long total = 0;
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                int keep = (int) Math.min(n, limit - total);
                out.write(buf, 0, keep);
                total += keep;
                if (total >= limit) {
                    break;
                }
            }
        } catch (IOException e) {
            // dropped
        }
        try {
            from.close();
            to.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : held) {
            s.close();
        }
    }
}
