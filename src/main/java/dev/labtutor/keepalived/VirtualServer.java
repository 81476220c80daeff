package dev.labtutor.keepalived;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A virtual_server with effective values: lbAlgo defaults to wlc and lbKind to NAT when unset or invalid, protocol to
 * TCP, delay_loop to 60 s. {@code address} holds the IP, the fwmark number or the group name according to {@code kind}.
 */
public record VirtualServer(Kind kind, String address, OptionalInt port, String lbAlgo, String lbKind, String protocol,
        OptionalInt persistenceTimeout, double delayLoop, OptionalInt quorum, Optional<String> sorryServer,
        List<RealServer> realServers, String file, int line) {

    /** How the virtual service is named. */
    public enum Kind {
        IP_PORT, FWMARK, GROUP
    }

    /** A host-independent key: "ip:port/proto", "fwmark N" or "group NAME". */
    public String key() {
        return switch (kind) {
            case IP_PORT -> address + (port.isPresent() ? ":" + port.getAsInt() : "") + "/" + protocol;
            case FWMARK -> "fwmark " + address;
            case GROUP -> "group " + address;
        };
    }
}
