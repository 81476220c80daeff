package dev.labtutor.host;

import dev.labtutor.yaml.Fields;
import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import dev.labtutor.yaml.YamlReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code lab.yaml}. Every problem is reported as file:line:col; a password written into
 * the file is refused (passwords come from an environment variable or a prompt, never a file).
 */
public final class LabFileReader {

    private static final Set<String> TOP_KEYS = Set.of("vars", "hosts", "known-hosts");
    private static final Set<String> HOST_KEYS = Set.of("address", "port", "user", "identity", "password-env", "sudo");
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern VAR = Pattern.compile("[a-z][a-z0-9_-]{0,63}");
    private static final Pattern HOSTNAME = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");
    private static final Pattern ENV = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

    private final Path home;

    public LabFileReader(Path home) {
        this.home = home;
    }

    public static LabFileReader forCurrentUser() {
        return new LabFileReader(Path.of(System.getProperty("user.home")));
    }

    /** Reads the file, adding every problem to {@code problems}; returns what could be read. */
    public Optional<LabFile> read(Path file, Problems problems) {
        return read(file, YamlReader.read(file, problems), problems);
    }

    /**
     * Reads a lab file from an already parsed node, e.g. one whose hosts a roster completed with
     * its defaults; relative paths resolve against the file each value was written in.
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
                    problems.add(v.keyNode(k), "variable name '" + k + "' must be lower case letters, digits, '-' or '_'");
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
        Optional<YNode> hostsNode = top.node("hosts");
        if (hostsNode.isEmpty()) {
            problems.add(root.get(), "the lab file has no 'hosts:' section (one entry per role, e.g. lb01: { address: 10.0.0.11 })");
        } else if (!hostsNode.get().isMap()) {
            problems.add(hostsNode.get(), "'hosts' must be a mapping of role: { address: ... }");
        } else {
            hostsNode.get().entries().forEach((role, h) -> {
                if (!ROLE.matcher(role).matches()) {
                    problems.add(hostsNode.get().keyNode(role), "role '" + role + "' must be lower case letters, digits and '-'");
                    return;
                }
                readHost(role, h, problems).ifPresent(spec -> {
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

    private Optional<HostSpec> readHost(String role, YNode node, Problems problems) {
        if (node.isMap() && node.entries().containsKey("password")) {
            problems.add(node.keyNode("password"), "host " + role
                    + ": passwords are never stored in the lab file; use 'password-env: VAR' or answer the prompt");
        }
        java.util.Set<String> allowed = new java.util.HashSet<>(HOST_KEYS);
        allowed.add("password");
        Fields f = Fields.of(node, problems, "host " + role, allowed);
        int before = problems.size();
        String address = f.requiredText("address").trim();
        if (!address.isEmpty() && !isAddress(address)) {
            problems.add(f.node("address").orElse(node), "host " + role + ": '" + address
                    + "' is not an IPv4 address or host name");
        }
        int port = f.integer("port", 1, 65535).orElse(22);
        String user = f.text("user").orElse("root").trim();
        if (!USER.matcher(user).matches()) {
            problems.add(f.node("user").orElse(node), "host " + role + ": '" + user + "' is not a valid user name");
        }
        Optional<Path> identity = f.text("identity").map(p -> resolve(f.node("identity").orElse(node).file(), p.trim()));
        Optional<String> passwordEnv = f.text("password-env").map(String::trim);
        passwordEnv.filter(e -> !ENV.matcher(e).matches()).ifPresent(e ->
                problems.add(f.node("password-env").orElseThrow(), "host " + role + ": '" + e
                        + "' is not an environment variable name"));
        boolean sudo = f.bool("sudo").orElse(false);
        if (problems.size() != before) {
            return Optional.empty();
        }
        return Optional.of(new HostSpec(role, address, port, user, identity, passwordEnv, sudo));
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
        return Ipv4.isValid(s) || (HOSTNAME.matcher(s).matches() && !s.chars().allMatch(c -> c == '.' || Character.isDigit(c)));
    }
}
