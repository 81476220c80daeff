package dev.labtutor.lab;

import dev.labtutor.yaml.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Turns an Ansible inventory into a commented {@code lab.yaml}: which inventory host plays which course role
 * ({@code --map group=role} or {@code group=prefix}, else a host or single-host group named like the role), and its
 * {@code ansible_host}, {@code ansible_port}, {@code ansible_user}, {@code ansible_ssh_private_key_file} and
 * {@code ansible_become}. Passwords are never copied.
 */
public final class InventoryImport {

    /** A mistake in the mapping or in a host's values; the message names the inventory file:line. */
    public static final class ImportException extends RuntimeException {
        public ImportException(String message) {
            super(message);
        }
    }

    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");
    private static final List<String> PASSWORD_VARS = List.of("ansible_password", "ansible_ssh_pass",
            "ansible_ssh_password", "ansible_become_password", "ansible_become_pass", "ansible_sudo_pass");

    private final Inventory inv;
    private final List<String> roles;
    private final Map<String, String> assigned = new LinkedHashMap<>();
    private final Map<String, String> why = new LinkedHashMap<>();

    private InventoryImport(Inventory inv, List<String> roles) {
        this.inv = inv;
        this.roles = roles;
    }

    /**
     * The lab file text.
     *
     * @param roles the course's roles in course order
     * @param map {@code --map} entries in order: inventory group or host -> role or role prefix
     * @param command how the user ran the import, for the header comment
     * @throws ImportException naming what to fix
     */
    public static String render(Inventory inv, List<String> roles, Map<String, String> map, String command) {
        InventoryImport im = new InventoryImport(inv, roles);
        map.forEach(im::mapExplicitly);
        im.mapByName();
        return im.text(command);
    }

    private void mapExplicitly(String name, String target) {
        List<String> members;
        String what;
        if (inv.group(name).isPresent()) {
            members = inv.hostsOf(name);
            what = "group " + name;
        } else if (inv.host(name).isPresent()) {
            members = List.of(name);
            what = "host " + name;
        } else {
            List<String> names = new ArrayList<>(inv.groupNames());
            inv.hosts().forEach(h -> names.add(h.name()));
            throw new ImportException(
                    "--map " + name + "=" + target + ": '" + name + "' is neither a group nor a host of " + inv.source()
                            + Fields.closest(name, names).map(n -> " (did you mean '" + n + "'?)").orElse(""));
        }
        if (members.isEmpty()) {
            throw new ImportException("--map " + name + "=" + target + ": " + what + " has no hosts");
        }
        List<String> targets;
        if (roles.contains(target)) {
            if (members.size() != 1) {
                throw new ImportException("--map " + name + "=" + target + ": " + what + " has " + members.size()
                        + " hosts (" + String.join(", ", members) + ") but " + target
                        + " is one role; map it to a role prefix such as '" + prefix(target)
                        + "' to number them, or map each host");
            }
            targets = List.of(target);
        } else {
            targets =
                    roles.stream().filter(r -> r.startsWith(target) && r.substring(target.length()).matches("-?[0-9]+"))
                            .filter(r -> !assigned.containsKey(r)).toList();
            if (targets.isEmpty()) {
                throw new ImportException(
                        "--map " + name + "=" + target + ": '" + target + "' is neither a role nor a role prefix of "
                                + "this course (roles: " + String.join(", ", roles) + ")"
                                + Fields.closest(target, roles).map(r -> " (did you mean '" + r + "'?)").orElse(""));
            }
            if (members.size() > targets.size()) {
                throw new ImportException("--map " + name + "=" + target + ": " + what + " has " + members.size()
                        + " hosts but only " + targets.size() + " '" + target + "' role(s) are left ("
                        + String.join(", ", targets) + ")");
            }
        }
        for (int i = 0; i < members.size(); i++) {
            String role = targets.get(i);
            if (assigned.containsKey(role)) {
                throw new ImportException("--map " + name + "=" + target + ": role " + role + " is already "
                        + assigned.get(role) + " (" + why.get(role) + ")");
            }
            assigned.put(role, members.get(i));
            why.put(role, "--map " + name + "=" + target);
        }
    }

    private static String prefix(String role) {
        return role.replaceAll("-?[0-9]+$", "");
    }

    private void mapByName() {
        for (String role : roles) {
            if (assigned.containsKey(role)) {
                continue;
            }
            Optional<String> host = inv.hosts().stream().map(Inventory.Host::name)
                    .filter(h -> h.equals(role) || h.startsWith(role + ".")).filter(h -> !assigned.containsValue(h))
                    .findFirst();
            if (host.isPresent()) {
                assigned.put(role, host.get());
                why.put(role, "same name");
                continue;
            }
            inv.group(role).map(g -> inv.hostsOf(role)).filter(m -> m.size() == 1 && !assigned.containsValue(m.get(0)))
                    .ifPresent(m -> {
                        assigned.put(role, m.get(0));
                        why.put(role, "the only host of group " + role);
                    });
        }
    }

    private String text(String command) {
        LabFileWriter lab = new LabFileWriter().comment("labtutor lab file, written by `" + command + "`.")
                .comment("From " + inv.source().getFileName() + ": " + inv.hosts().size() + " host(s); "
                        + assigned.size() + " of " + roles.size() + " course roles mapped.")
                .comment("Check the values, then run `labtutor check LESSON --lab THIS-FILE`.")
                .comment("Passwords are never written here: give a host `password-env: VAR` and export VAR.").hosts();
        for (String role : roles) {
            String host = assigned.get(role);
            if (host == null) {
                lab.hostComment(role + ": not found in the inventory; fill in its address");
                lab.hostComment(role + ": { address: ADDRESS }");
                continue;
            }
            Inventory.Host h = inv.host(host).orElseThrow();
            Map<String, String> v = inv.vars(host);
            List<String> groups = inv.groupsOf(host);
            lab.hostComment(role + " = inventory host " + host + " (" + inv.source().getFileName() + ':' + h.line()
                    + (groups.isEmpty() ? "" : ", groups: " + String.join(", ", groups))
                    + (why.get(role).equals("same name") ? "" : "; " + why.get(role)) + ")");
            String address = first(v, "ansible_host", "ansible_ssh_host").orElse(host);
            if (!LabFileReader.isAddress(address)) {
                throw problem(h, "address '" + address + "' is not an IPv4 address or host name");
            }
            Optional<String> port = first(v, "ansible_port", "ansible_ssh_port");
            if (port.isPresent()) {
                if (!port.get().matches("[0-9]{1,5}") || Integer.parseInt(port.get()) < 1
                        || Integer.parseInt(port.get()) > 65535) {
                    throw problem(h, "ansible_port '" + port.get() + "' is not a port (1-65535)");
                }
            }
            Optional<String> user = first(v, "ansible_user", "ansible_ssh_user");
            if (user.isPresent()) {
                if (!USER.matcher(user.get()).matches()) {
                    throw problem(h, "ansible_user '" + user.get() + "' is not a valid user name");
                }
            }
            Optional<String> identity = first(v, "ansible_ssh_private_key_file", "ansible_private_key_file");
            boolean become = first(v, "ansible_become", "ansible_sudo")
                    .map(b -> b.equalsIgnoreCase("true") || b.equalsIgnoreCase("yes") || b.equals("1")).orElse(false);
            List<String> secrets = PASSWORD_VARS.stream().filter(v::containsKey).toList();
            if (!secrets.isEmpty()) {
                lab.hostComment(String.join(", ", secrets) + " in the inventory not copied: use password-env");
            }
            lab.host(new LabFileWriter.Entry(role, address,
                    port.map(p -> OptionalInt.of(Integer.parseInt(p))).orElse(OptionalInt.empty()), user, identity,
                    Optional.empty(), become && !user.orElse("root").equals("root")));
        }
        List<Inventory.Host> unused = inv.hosts().stream().filter(h -> !assigned.containsValue(h.name())).toList();
        if (!unused.isEmpty()) {
            lab.comment("Inventory hosts not used (map one with --map HOST=ROLE):");
            for (Inventory.Host h : unused) {
                lab.comment("  " + h.name() + " (" + inv.source().getFileName() + ':' + h.line() + ")");
            }
        }
        return lab.text();
    }

    private ImportException problem(Inventory.Host h, String what) {
        return new ImportException(inv.source() + ":" + h.line() + ": host " + h.name() + ": " + what);
    }

    private static Optional<String> first(Map<String, String> v, String... keys) {
        for (String k : keys) {
            String s = v.get(k);
            if (s != null && !s.isBlank()) {
                return Optional.of(s.strip());
            }
        }
        return Optional.empty();
    }

    /** Parses {@code group=role,host=role} into an ordered map. */
    public static Map<String, String> parseMap(List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String e : entries) {
            for (String part : e.split(",")) {
                String p = part.strip();
                if (p.isEmpty()) {
                    continue;
                }
                int eq = p.indexOf('=');
                if (eq <= 0 || eq == p.length() - 1) {
                    throw new ImportException(
                            "--map expects GROUP=ROLE (or HOST=ROLE, GROUP=ROLE-PREFIX), got '" + p + "'");
                }
                out.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
            }
        }
        return out;
    }
}
