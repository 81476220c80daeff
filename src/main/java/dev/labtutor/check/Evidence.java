package dev.labtutor.check;

/** One observation a verdict was based on, e.g. {@code lb01: eth1 10.0.0.11/24, 10.0.0.100/32}. */
public record Evidence(String host, String detail) {

    @Override
    public String toString() {
        return host + ": " + detail;
    }
}
