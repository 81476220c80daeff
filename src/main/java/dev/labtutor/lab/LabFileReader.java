package dev.labtutor.lab;

import dev.labtutor.yaml.Fields;
import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import dev.labtutor.yaml.YamlReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code lab.yaml}. Every problem is reported as file:line:col; a password written into the file is refused
 * (passwords come from an environment variable or a prompt, never a file).
 *
 * <p>A host may name an alias of the learner's ssh config instead of (or besides) an address: {@code lb01: { ssh:
 * my-lb01 }}, or an {@code address} that is written as a plain {@code Host} name in that config. The alias's
 * {@code HostName}, {@code User}, {@code Port}, {@code IdentityFile} and {@code ProxyJump} are used where the lab file
 * says nothing; what the lab file says wins. The config is {@code --ssh-config}, else the lab file's
 * {@code ssh-config:}, else {@code ~/.ssh/config}.
 */
public final class LabFileReader {

    private static final Set<String> TOP_KEYS = Set.of("vars", "hosts", "known-hosts", "ssh-config");
    private static final Set<String> HOST_KEYS =
            Set.of("address", "ssh", "port", "user", "identity", "password-env", "sudo");
    /** Jump hosts of jump hosts are followed this deep at most (a loop in the config ends here). */
    private static final int MAX_JUMP_DEPTH = 8;

    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern VAR = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern HOSTNAME =
            Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private final Path home;
    private final Optional<Path> sshConfigOverride;

    public LabFileReader(Path home) {
        this(home, Optional.empty());
    }

    private LabFileReader(Path home, Optional<Path> sshConfigOverride) {
        this.home = home;
        this.sshConfigOverride = sshConfigOverride;
    }

    /** This reader, resolving aliases with {@code file} (from {@code --ssh-config}) instead of the default. */
    public LabFileReader withSshConfig(Optional<Path> file) {
        return new LabFileReader(home, file);
    }

    public static LabFileReader forCurrentUser() {
        return new LabFileReader(Path.of(System.getProperty("user.home")));
    }

    /** Reads the file, adding every problem to {@code problems}; returns what could be read. */
    public Optional<LabFile> read(Path file, Problems problems) {
        return read(file, YamlReader.read(file, problems), problems);
    }

    /**
     * Reads a lab file from an already parsed node, e.g. one whose hosts a roster completed with its defaults; relative
     * paths resolve against the file each value was written in.
     */
    public Optional<LabFile> read(Path file, Optional<YNode> root, Problems problems) {
        if (root.isEmpty()) {
            return Optional.empty();
        }
        if (root.get().isNull()) {
            problems.add(root.get(), "the lab file is empty: it needs a 'hosts:' section");
            return Optional.empty();
        }
        Fields top = Fields.of(root.get(), problems, "the lab file", TOP_KEYS);
        Map<String, String> vars = new HashMap<>();
        Map<String, Integer> varLines = new HashMap<>();
        top.node("vars").ifPresent(v -> {
            if (!v.isMap()) {
                problems.add(v, "'vars' must be a mapping of name: value");
                return;
            }
            v.entries().forEach((k, val) -> {
                if (!VAR.matcher(k).matches()) {
                    problems.add(v.keyNode(k),
                            "variable name '" + k + "' must be lower case letters, digits, '-' or '_'");
                } else if (!val.isScalar()) {
                    problems.add(val, "variable '" + k + "' must be a single value");
                } else {
                    vars.put(k, val.text());
                    varLines.put(k, val.line());
                }
            });
        });
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        Map<String, Integer> hostLines = new HashMap<>();
        ConfigSource config = new ConfigSource(
                sshConfigOverride.or(() -> top.text("ssh-config").map(p -> resolve(file, p.trim())))
                        .or(() -> SshConfig.userDefault(home)),
                sshConfigOverride.isPresent() || top.node("ssh-config").isPresent());
        Optional<YNode> hostsNode = top.node("hosts");
        if (hostsNode.isEmpty()) {
            problems.add(root.get(),
                    "the lab file has no 'hosts:' section (one entry per role, e.g. lb01: { address: 10.0.0.11 })");
        } else if (!hostsNode.get().isMap()) {
            problems.add(hostsNode.get(), "'hosts' must be a mapping of role: { address: ... }");
        } else {
            hostsNode.get().entries().forEach((role, h) -> {
                if (!ROLE.matcher(role).matches()) {
                    problems.add(hostsNode.get().keyNode(role),
                            "role '" + role + "' must be lower case letters, digits and '-'");
                    return;
                }
                readHost(role, h, problems, config).ifPresent(spec -> {
                    hosts.put(role, spec);
                    hostLines.put(role, h.line());
                });
            });
        }
        Optional<Path> knownHosts = top.text("known-hosts").map(p -> resolve(file, p));
        return Optional.of(new LabFile(file, vars, hosts, varLines, hostLines, knownHosts));
    }

    /** Reads the file and throws {@link dev.labtutor.yaml.DataFileException} on any problem. */
    public LabFile readStrict(Path file) {
        Problems problems = new Problems();
        Optional<LabFile> lab = read(file, problems);
        problems.throwIfAny();
        return lab.orElseThrow();
    }

    /** The ssh config, read once and only when a host needs it. */
    private static final class ConfigSource {
        private final Optional<Path> file;
        private final boolean named;
        private Optional<SshConfig> config;
        private String failure;

        ConfigSource(Optional<Path> file, boolean named) {
            this.file = file;
            this.named = named;
        }

        /** The config, or empty when there is none (or it could not be read: see {@link #failure}). */
        Optional<SshConfig> get() {
            if (config == null) {
                config = Optional.empty();
                if (file.isPresent()) {
                    if (!java.nio.file.Files.isRegularFile(file.get())) {
                        failure = "the ssh config " + file.get() + " does not exist";
                    } else {
                        try {
                            config = Optional.of(SshConfig.read(file.get()));
                        } catch (java.io.IOException | RuntimeException e) {
                            failure = "cannot read the ssh config " + file.get() + ": " + e.getMessage();
                        }
                    }
                }
            }
            return config;
        }
    }

    private Optional<HostSpec> readHost(String role, YNode node, Problems problems, ConfigSource configSource) {
        if (node.isMap() && node.entries().containsKey("password")) {
            problems.add(node.keyNode("password"), "host " + role
                    + ": passwords are never stored in the lab file; use 'password-env: VAR' or answer the prompt");
        }
        java.util.Set<String> allowed = new java.util.HashSet<>(HOST_KEYS);
        allowed.add("password");
        Fields f = Fields.of(node, problems, "host " + role, allowed);
        int before = problems.size();
        Optional<String> alias = f.text("ssh").map(String::trim);
        String address = alias.isPresent() ? f.text("address").orElse("").trim() : f.requiredText("address").trim();
        if (!address.isEmpty() && !isAddress(address)) {
            problems.add(f.node("address").orElse(node),
                    "host " + role + ": '" + address + "' is not an IPv4 address or host name");
        }
        Optional<SshConfig> config = Optional.empty();
        if (alias.isPresent()) {
            YNode at = f.node("ssh").orElse(node);
            config = configSource.get();
            if (config.isEmpty()) {
                problems.add(at, "host " + role + ": 'ssh: " + alias.get() + "' names an ssh config alias, but "
                        + (configSource.failure != null ? configSource.failure
                                : "there is no ssh config (~/.ssh/config); pass --ssh-config FILE or set ssh-config: in the lab file"));
            } else if (!config.get().names(alias.get())) {
                problems.add(at,
                        "host " + role + ": no 'Host " + alias.get() + "' in " + config.get().file()
                                + dev.labtutor.yaml.Fields.closest(alias.get(), config.get().aliases())
                                        .map(a -> " (did you mean '" + a + "'?)").orElse(""));
                config = Optional.empty();
            }
        } else if (!address.isEmpty() && !Ipv4.isValid(address)) {
            String name = address;
            config = configSource.get().filter(c -> c.names(name));
            if (config.isEmpty() && configSource.named && configSource.failure != null) {
                problems.add(f.node("address").orElse(node), "host " + role + ": " + configSource.failure);
            }
            if (config.isPresent()) {
                alias = Optional.of(address);
            }
        }
        Optional<SshConfig.Resolved> resolved = config.isPresent() && alias.isPresent()
                ? Optional.of(config.get().resolve(alias.get())) : Optional.empty();
        if (resolved.isPresent() && (f.text("address").isEmpty() || address.equals(alias.get()))) {
            address = resolved.get().hostName().orElse(alias.get());
            if (!isAddress(address)) {
                problems.add(f.node("ssh").orElse(node), "host " + role + ": the ssh config gives '" + address
                        + "' as HostName of " + alias.get() + ", which is not an IPv4 address or host name");
            }
        }
        Optional<Integer> labPort = f.integer("port", 1, 65535);
        int port = labPort.or(() -> resolved.flatMap(SshConfig.Resolved::port)).orElse(22);
        String user =
                f.text("user").map(String::trim).or(() -> resolved.flatMap(SshConfig.Resolved::user)).orElse("root");
        if (!USER.matcher(user).matches()) {
            problems.add(f.node("user").orElse(node), "host " + role + ": '" + user + "' is not a valid user name");
        }
        Optional<Path> identity =
                f.text("identity").map(p -> resolve(f.node("identity").orElse(node).file(), p.trim()));
        Optional<String> passwordEnv = f.text("password-env").map(String::trim);
        passwordEnv.filter(e -> !ENV.matcher(e).matches())
                .ifPresent(e -> problems.add(f.node("password-env").orElseThrow(),
                        "host " + role + ": '" + e + "' is not an environment variable name"));
        boolean sudo = f.bool("sudo").orElse(false);
        List<HostSpec.Jump> jumps = List.of();
        if (resolved.isPresent() && resolved.get().proxyJump().isPresent()) {
            try {
                jumps = jumps(config.get(), resolved.get().proxyJump().get(), 0);
            } catch (IllegalArgumentException e) {
                problems.add(f.node("ssh").orElse(f.node("address").orElse(node)), "host " + role + ": "
                        + e.getMessage() + " (ProxyJump of " + alias.get() + " in " + config.get().file() + ")");
            }
        }
        if (problems.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new HostSpec(role, address, port, user, identity, passwordEnv, sudo,
                resolved.map(SshConfig.Resolved::identities).orElse(List.of()), jumps, alias));
    }

    /** The hops of a {@code ProxyJump} value, each resolved through the config (its own jumps first). */
    private static List<HostSpec.Jump> jumps(SshConfig config, String proxyJump, int depth) {
        if (depth >= MAX_JUMP_DEPTH) {
            throw new IllegalArgumentException(
                    "jump hosts nest more than " + MAX_JUMP_DEPTH + " deep (a ProxyJump loop?)");
        }
        List<SshConfig.JumpSpec> specs = SshConfig.JumpSpec.parseList(proxyJump).orElseThrow(
                () -> new IllegalArgumentException("'" + proxyJump + "' is not a list of [user@]host[:port]"));
        List<HostSpec.Jump> out = new java.util.ArrayList<>();
        for (SshConfig.JumpSpec j : specs) {
            SshConfig.Resolved r = config.resolve(j.host());
            r.proxyJump().ifPresent(inner -> out.addAll(jumps(config, inner, depth + 1)));
            String address = r.hostName().orElse(j.host());
            if (!isAddress(address)) {
                throw new IllegalArgumentException("jump host '" + j.host() + "' resolves to '" + address
                        + "', which is not an IPv4 address or host name");
            }
            out.add(new HostSpec.Jump(j.host(), address, j.port().or(r::port).orElse(22),
                    j.user().or(r::user).orElse("root"), r.identities()));
        }
        return out;
    }

    /** A path written in {@code labFile}: {@code ~} is the home directory, a relative path is relative to the file. */
    public Path resolve(Path labFile, String p) {
        if (p.equals("~")) {
            return home;
        }
        if (p.startsWith("~/")) {
            return home.resolve(p.substring(2));
        }
        Path path = Path.of(p);
        if (path.isAbsolute()) {
            return path;
        }
        Path dir = labFile.toAbsolutePath().getParent();
        return dir == null ? path : dir.resolve(path).normalize();
    }

    /** An IPv4 dotted quad (each part 0-255, no leading zeros) or a DNS host name. */
    public static boolean isAddress(String s) {
        return Ipv4.isValid(s)
                || (HOSTNAME.matcher(s).matches() && !s.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
    }
}
