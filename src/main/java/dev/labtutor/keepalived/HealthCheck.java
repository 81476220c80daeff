package dev.labtutor.keepalived;

import java.util.Optional;
import java.util.OptionalInt;

/** A real server checker block: type is TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK, etc. */
public record HealthCheck(String type, OptionalInt connectPort, Optional<Double> connectTimeout,
                          Optional<String> miscPath, String file, int line) {
}
