package dev.labtutor.check.observe;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * What the tutor's machine asks while observing: an HTTP URL (GET, one new connection per request, since LVS schedules
 * per connection) or a TCP port (a connection accepted or refused is an answer: something holds the address; silence is
 * a lost request, as a lost ping).
 */
public record Target(Kind kind, String host, int port, String path) {

    public enum Kind {
        HTTP, TCP
    }

    public static Target tcp(String host, int port) {
        return new Target(Kind.TCP, host, port, "");
    }

    /** An {@code http://HOST[:PORT]/PATH} URL; empty for anything else (https is not observed). */
    public static Optional<Target> http(String url) {
        try {
            URI u = URI.create(url);
            if (!"http".equals(u.getScheme()) || u.getHost() == null) {
                return Optional.empty();
            }
            String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
            return Optional.of(new Target(Kind.HTTP, u.getHost(), u.getPort() < 0 ? 80 : u.getPort(), path));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code http://10.0.0.100/} or {@code tcp 10.0.0.100:22}. */
    public String describe() {
        return kind == Kind.HTTP ? "http://" + host + (port == 80 ? "" : ":" + port) + path
                : kind.name().toLowerCase(Locale.ROOT) + " " + host + ":" + port;
    }
}
