package dev.labtutor.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.labtutor.check.fact.HttpResults;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalHttpTest {

    private HttpServer server;
    private String base;
    private final Set<InetSocketAddress> clientPorts = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            clientPorts.add(ex.getRemoteAddress());
            reply(ex, 200, "RS1\n");
        });
        server.createContext("/missing", ex -> reply(ex, 404, "nope"));
        server.createContext("/hop", ex -> {
            ex.getResponseHeaders().add("Location", "/");
            reply(ex, 302, "");
        });
        server.createContext("/away", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.2:9/");
            reply(ex, 301, "moved");
        });
        server.createContext("/slow", ex -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(ex, 200, "late");
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @Test
    void eachRequestUsesItsOwnConnection() {
        HttpResults r = LocalHttp.withDefaults().fetch(base + "/", 5);
        assertEquals(5, r.responses().size());
        assertTrue(r.responses().stream().allMatch(x -> x.equals(new HttpResults.Response(200, "RS1\n", ""))));
        assertEquals(5, clientPorts.size(), "5 requests should come from 5 different client ports: " + clientPorts);
    }

    @Test
    void statusRedirectsAndErrors() throws IOException {
        LocalHttp http = LocalHttp.withDefaults();
        assertEquals(List.of(new HttpResults.Response(404, "nope", "")), http.fetch(base + "/missing", 1).responses());
        assertEquals(List.of(new HttpResults.Response(200, "RS1\n", "")), http.fetch(base + "/hop", 1).responses());
        HttpResults.Response away = http.fetch(base + "/away", 1).responses().get(0);
        assertEquals(301, away.status());
        assertTrue(away.error().startsWith("redirect to another host not followed"), away.error());

        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        HttpResults.Response refused = http.fetch("http://127.0.0.1:" + closed + "/", 1).responses().get(0);
        assertEquals(0, refused.status());
        assertEquals("connection refused or host unreachable", refused.error());

        HttpResults.Response slow = new LocalHttp(Duration.ofSeconds(1), Duration.ofMillis(300))
                .fetch(base + "/slow", 1).responses().get(0);
        assertEquals(new HttpResults.Response(0, "", "timed out"), slow);
    }

    @Test
    void refusesWhatTheProbeRefuses() {
        assertThrows(IllegalArgumentException.class, () -> LocalHttp.withDefaults().fetch("file:///etc/passwd", 1));
        assertThrows(IllegalArgumentException.class, () -> LocalHttp.withDefaults().fetch(base + "/", 0));
    }
}
