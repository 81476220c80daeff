package dev.labtutor.lab;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One lab host as the learner's lab file describes it, with what an ssh config alias adds. {@code role} is the course
 * role (lb01, web01, ...). Secrets are never stored here: a password is looked up from {@code passwordEnv} or prompted.
 *
 * @param identity the lab file's private key (must exist)
 * @param configIdentities {@code IdentityFile}s from the ssh config, tried when they exist
 * @param jumps {@code ProxyJump} hops in order, each verified against labtutor's known_hosts
 * @param sshAlias the ssh config {@code Host} alias this host was resolved from
 */
public record HostSpec(String role, String address, int port, String user, Optional<Path> identity,
        Optional<String> passwordEnv, boolean sudo, List<Path> configIdentities, List<Jump> jumps,
        Optional<String> sshAlias) {

    /** One jump host, as {@code ProxyJump} names it and the ssh config resolves it. */
    public record Jump(String name, String address, int port, String user, List<Path> identities) {
        public Jump {
            identities = List.copyOf(identities);
        }

        /** {@code user@address[:port]} for messages. */
        public String display() {
            return target(user, address, port);
        }
    }

    public HostSpec {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        configIdentities = List.copyOf(configIdentities);
        jumps = List.copyOf(jumps);
    }

    /** A host reached directly, with no ssh config. */
    public HostSpec(String role, String address, int port, String user, Optional<Path> identity,
            Optional<String> passwordEnv, boolean sudo) {
        this(role, address, port, user, identity, passwordEnv, sudo, List.of(), List.of(), Optional.empty());
    }

    /** True when commands must be wrapped in {@code sudo -n}: sudo requested and not already root. */
    public boolean needsSudo() {
        return sudo && !"root".equals(user);
    }

    /** {@code role (user@address:port)} for messages, with the jump hosts when there are any. */
    public String display() {
        String via = jumps.isEmpty() ? "" : " via " + String.join(", ", jumps.stream().map(Jump::name).toList());
        return role + " (" + target() + via + ")";
    }

    /** {@code role user@address[:port]}: one host in a list, such as a report's "checked" line. */
    public String listed() {
        return role + " " + target();
    }

    /** {@code user@address[:port]}: whom labtutor logs in as, and where; the port only when it is not 22. */
    public String target() {
        return target(user, address, port);
    }

    private static String target(String user, String address, int port) {
        return user + "@" + address + (port == 22 ? "" : ":" + port);
    }
}
