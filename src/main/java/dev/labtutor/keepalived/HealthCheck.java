package dev.labtutor.keepalived;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A real server checker block as keepalived keeps it: type is TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK, etc. A checker
 * keepalived drops (HTTP_GET without a url, MISC_CHECK without a script) is not listed. {@code urls} counts the url
 * blocks that have a path.
 */
public record HealthCheck(String type, OptionalInt connectPort, Optional<Double> connectTimeout, OptionalInt retry,
        Optional<String> miscPath, int urls, String file, int line) {
}
