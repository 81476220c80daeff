package dev.labtutor.check.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Targets asked over loopback: a server replaying python http.server's real answer, a closed port, a server that never
 * replies.
 */
class SocketSamplerTest {

    private final SocketSampler sampler =
            new SocketSampler(roles -> Map.of(), Duration.ofMillis(500), Duration.ofMillis(400));

    private static byte[] captured() throws Exception {
        try (InputStream in = SocketSamplerTest.class.getResourceAsStream("/fixtures/curl/http10-python-lb01.txt")) {
            return in.readAllBytes();
        }
    }

    /** Serves each connection with {@code reply} (null: read the request and stay silent). */
    private static ServerSocket serve(byte[] reply) throws Exception {
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try (Socket s = ss.accept()) {
                    s.getInputStream().read(new byte[4096]);
                    if (reply != null) {
                        OutputStream out = s.getOutputStream();
                        out.write(reply);
                        out.flush();
                    } else {
                        Thread.sleep(1500);
                    }
                } catch (Exception e) {
                    // closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
        return ss;
    }

    @Test
    void httpAnswerCarriesStatusAndPage() throws Exception {
        try (ServerSocket ss = serve(captured())) {
            Answer a = sampler.ask(Target.http("http://127.0.0.1:" + ss.getLocalPort() + "/").orElseThrow());
            assertTrue(a.answered(), a.error());
            assertEquals(200, a.status());
            assertEquals("web test page: lb01 10.88.0.11", a.body());
        }
    }

    @Test
    void aRefusedConnectionIsAnAnswerForTcpButNotForHttp() throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        Answer tcp = sampler.ask(Target.tcp("127.0.0.1", port));
        assertTrue(tcp.answered(), "a RST means something holds the address, as a ping reply would");
        assertEquals("connection refused", tcp.error());
        Answer http = sampler.ask(Target.http("http://127.0.0.1:" + port + "/").orElseThrow());
        assertFalse(http.answered());
        assertEquals("connection refused", http.error());
    }

    @Test
    void silenceIsALostRequestWithinTheTimeout() throws Exception {
        try (ServerSocket ss = serve(null)) {
            long t0 = System.nanoTime();
            Answer a = sampler.ask(Target.http("http://127.0.0.1:" + ss.getLocalPort() + "/").orElseThrow());
            assertFalse(a.answered());
            assertEquals("timed out", a.error());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 1400);
            assertTrue(sampler.ask(Target.tcp("127.0.0.1", ss.getLocalPort())).answered(),
                    "an accepted connection answers");
        }
    }
}
