package dev.labtutor.host;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One lab host as the learner's lab file describes it. {@code role} is the course role
 * (lb01, web01, ...); {@code name} is what messages show (the role, unless the lab file names it).
 * Secrets are never stored here: a password is looked up from {@code passwordEnv} or prompted.
 */
public record HostSpec(
        String role,
        String address,
        int port,
        String user,
        Optional<Path> identity,
        Optional<String> passwordEnv,
        boolean sudo) {

    public HostSpec {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    /** True when commands must be wrapped in {@code sudo -n}: sudo requested and not already root. */
    public boolean needsSudo() {
        return sudo && !"root".equals(user);
    }

    /** {@code user@address:port} for messages. */
    public String display() {
        return role + " (" + user + "@" + address + (port == 22 ? "" : ":" + port) + ")";
    }
}
