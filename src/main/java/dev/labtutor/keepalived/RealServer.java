package dev.labtutor.keepalived;

import java.util.List;
import java.util.OptionalInt;

/** A real_server; weight defaults to 1. */
public record RealServer(String address, OptionalInt port, int weight, List<HealthCheck> checks, String file,
        int line) {

    /** address:port (or the address alone), the form compared across hosts. */
    public String key() {
        return port.isPresent() ? address + ":" + port.getAsInt() : address;
    }
}
