package dev.labtutor.check.probe;

import dev.labtutor.check.fact.HttpResults;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fetches a URL several times from the tutor's own machine (the learner's "client" view of the VIP), giving the same
 * {@link HttpResults} the HTTP probe gives from a lab host.
 *
 * <p>Every request uses a fresh {@link HttpClient} and so a fresh TCP connection: LVS schedules per connection, and a
 * kept-alive connection would show one real server forever. HTTP/1.1 only. Redirects are followed (at most
 * {@value #MAX_REDIRECTS}) only to the same scheme, host and port; a redirect elsewhere is returned as the 3xx response
 * with an error saying so. Bodies are capped at {@value #BODY_CAP} bytes.
 */
public final class LocalHttp {

    static final int MAX_REDIRECTS = 3;
    static final int BODY_CAP = 65_536;

    private final Duration connectTimeout;
    private final Duration requestTimeout;

    public LocalHttp(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
    }

    /** Two seconds to connect, three for the whole request (as the remote curl's {@code -m 3}). */
    public static LocalHttp withDefaults() {
        return new LocalHttp(Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    /**
     * GETs {@code url} {@code count} times in sequence. Never throws for network trouble: a failed request is a
     * response with status 0 and an error text.
     *
     * @throws IllegalArgumentException when the URL or count would be refused by the HTTP probe
     */
    public HttpResults fetch(String url, int count) {
        ProbeCommands.shell(Probe.of(Probe.Kind.HTTP, url, Integer.toString(count)));
        URI uri = URI.create(url);
        List<HttpResults.Response> responses = new ArrayList<>();
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "labtutor-local-http");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < count; i++) {
                responses.add(once(uri, executor));
                if (Thread.currentThread().isInterrupted()) {
                    break;
                }
            }
        } finally {
            executor.shutdownNow();
        }
        return new HttpResults(url, responses);
    }

    private HttpResults.Response once(URI start, ExecutorService executor) {
        URI uri = start;
        for (int hop = 0;; hop++) {
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout).executor(executor)
                    .build();
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().header("User-Agent", "labtutor").build();
            HttpResponse<InputStream> response;
            String body;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    body = decode(in.readNBytes(BODY_CAP));
                }
            } catch (HttpConnectTimeoutException e) {
                return new HttpResults.Response(0, "", "timed out connecting");
            } catch (HttpTimeoutException e) {
                return new HttpResults.Response(0, "", "timed out");
            } catch (ConnectException e) {
                return new HttpResults.Response(0, "", "connection refused or host unreachable");
            } catch (IOException e) {
                return new HttpResults.Response(0, "", "request failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new HttpResults.Response(0, "", "interrupted");
            }
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status < 300 || status > 399 || location.isEmpty()) {
                return new HttpResults.Response(status, body, "");
            }
            Optional<URI> next = resolve(uri, location.get());
            if (next.isEmpty() || !sameOrigin(uri, next.get())) {
                return new HttpResults.Response(status, body,
                        "redirect to another host not followed: " + location.get());
            }
            if (hop >= MAX_REDIRECTS) {
                return new HttpResults.Response(status, body, "too many redirects");
            }
            uri = next.get();
        }
    }

    private static Optional<URI> resolve(URI base, String location) {
        try {
            return Optional.of(base.resolve(new URI(location)));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equals(u.getScheme()) ? 443 : 80;
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
