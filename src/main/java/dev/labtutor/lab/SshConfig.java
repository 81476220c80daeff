package dev.labtutor.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.sshd.client.config.hosts.HostConfigEntry;

/**
 * An OpenSSH client config file ({@code ~/.ssh/config}, or the one given with {@code --ssh-config}), read with Apache
 * MINA sshd's {@link HostConfigEntry} parser. Only what labtutor honours is resolved: {@code HostName}, {@code User},
 * {@code Port}, {@code IdentityFile} and {@code ProxyJump}, with ssh_config(5)'s rule that the first value obtained
 * wins (blocks are matched in file order, {@code Host *} included) and {@code IdentityFile}s accumulate.
 */
public final class SshConfig {

    /** What a {@code Host} alias resolves to; absent values were not set by any matching block. */
    public record Resolved(String alias, Optional<String> hostName, Optional<Integer> port, Optional<String> user,
            List<Path> identities, Optional<String> proxyJump) {
    }

    private final Path file;
    private final List<HostConfigEntry> entries;

    private SshConfig(Path file, List<HostConfigEntry> entries) {
        this.file = file;
        this.entries = entries;
    }

    /**
     * Reads {@code file}.
     *
     * @throws IOException when it cannot be read or parsed (the message says why)
     */
    public static SshConfig read(Path file) throws IOException {
        return new SshConfig(file, List.copyOf(HostConfigEntry.readHostConfigEntries(file)));
    }

    /** {@code ~/.ssh/config} of {@code home}, when it exists. */
    public static Optional<Path> userDefault(Path home) {
        Path p = home.resolve(".ssh").resolve("config");
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    public Path file() {
        return file;
    }

    /** The names written as plain {@code Host} patterns (no wildcard, no negation), in file order. */
    public Set<String> aliases() {
        Set<String> names = new LinkedHashSet<>();
        for (HostConfigEntry e : entries) {
            for (String p : e.getHost().split("[,\\s]+")) {
                if (!p.isEmpty() && p.chars().noneMatch(c -> c == '*' || c == '?' || c == '!')) {
                    names.add(p);
                }
            }
        }
        return names;
    }

    /** True when {@code name} is written as a plain {@code Host} pattern, so it is meant as an alias. */
    public boolean names(String name) {
        return aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name));
    }

    /** Resolves {@code alias} as {@code ssh alias} would for the values labtutor honours. */
    public Resolved resolve(String alias) {
        List<HostConfigEntry> matching = HostConfigEntry.findMatchingEntries(alias, entries);
        Optional<String> hostName = first(matching, HostConfigEntry.HOST_NAME_CONFIG_PROP)
                .map(h -> h.replace("%h", alias).replace("%%", "%"));
        Optional<Integer> port = first(matching, HostConfigEntry.PORT_CONFIG_PROP).flatMap(SshConfig::port);
        Optional<String> user = first(matching, HostConfigEntry.USER_CONFIG_PROP);
        Optional<String> jump =
                first(matching, HostConfigEntry.PROXY_JUMP_CONFIG_PROP).filter(j -> !j.equalsIgnoreCase("none"));
        List<Path> ids = new ArrayList<>();
        String h = hostName.orElse(alias);
        for (HostConfigEntry e : matching) {
            Collection<String> raw = e.getIdentities();
            if (raw == null) {
                continue;
            }
            for (String id : raw) {
                try {
                    ids.add(Path
                            .of(HostConfigEntry.resolveIdentityFilePath(id, h, port.orElse(22), user.orElse("root"))));
                } catch (IOException | RuntimeException ignored) {
                    // an IdentityFile whose macros cannot be expanded is skipped, as ssh skips missing ones
                }
            }
        }
        return new Resolved(alias, hostName, port, user, List.copyOf(new LinkedHashSet<>(ids)), jump);
    }

    private static Optional<String> first(List<HostConfigEntry> matching, String key) {
        for (HostConfigEntry e : matching) {
            String v = e.getProperty(key);
            if (v != null && !v.isBlank()) {
                return Optional.of(v.trim());
            }
        }
        return Optional.empty();
    }

    private static Optional<Integer> port(String s) {
        try {
            int p = Integer.parseInt(s.trim());
            return p >= 1 && p <= 65535 ? Optional.of(p) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One {@code [user@]host[:port]} element of a {@code ProxyJump} list. */
    public record JumpSpec(Optional<String> user, String host, Optional<Integer> port) {

        /** Parses {@code ProxyJump}'s comma-separated list; empty when a part is not of that form. */
        public static Optional<List<JumpSpec>> parseList(String value) {
            List<JumpSpec> out = new ArrayList<>();
            for (String part : value.split(",")) {
                String p = part.trim();
                if (p.startsWith("ssh://")) {
                    p = p.substring("ssh://".length());
                }
                Optional<String> user = Optional.empty();
                int at = p.lastIndexOf('@');
                if (at >= 0) {
                    user = Optional.of(p.substring(0, at));
                    p = p.substring(at + 1);
                }
                Optional<Integer> port = Optional.empty();
                int colon = p.lastIndexOf(':');
                if (colon >= 0 && p.indexOf(':') == colon) {
                    port = SshConfig.port(p.substring(colon + 1));
                    if (port.isEmpty()) {
                        return Optional.empty();
                    }
                    p = p.substring(0, colon);
                }
                if (p.isEmpty() || user.map(String::isEmpty).orElse(false)) {
                    return Optional.empty();
                }
                out.add(new JumpSpec(user, p, port));
            }
            return out.isEmpty() ? Optional.empty() : Optional.of(out);
        }
    }
}
