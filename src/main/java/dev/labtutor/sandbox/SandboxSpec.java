package dev.labtutor.sandbox;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What to build: which hosts, under which name, on which /24, with which interface name inside the hosts, and where to
 * keep state. The name prefixes every namespace and link the sandbox creates, so two sandboxes with different names
 * never touch each other's objects; they still need different subnets because both give the root namespace an address
 * on theirs.
 *
 * @param name 1-10 of {@code [a-z0-9]}; namespaces are {@code lt-NAME-ROLE}, the root link {@code lt-NAME}
 * @param roles hosts to start, in order, at least one
 * @param subnetPrefix first three octets of the /24, e.g. {@code 10.77.0}; hosts get fixed last octets
 * @param iface interface name inside every host, e.g. {@code eth1}
 * @param stateRoot parent of the sandbox's state dir ({@link #stateDir()})
 * @param kernel where the hosts run: the machine's kernel, a VM, or {@link SandboxKernel#AUTO} (decided at {@code up})
 * @param flavour the distribution the hosts show (os-release, package manager, stand-ins)
 */
public record SandboxSpec(String name, List<SandboxRole> roles, String subnetPrefix, String iface, Path stateRoot,
        SandboxKernel kernel, SandboxFlavour flavour) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]{1,10}");
    private static final Pattern IFACE = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,14}");
    /**
     * The sandbox lives in 10.0.0.0/8 only: it never looks like a classroom's 192.168 lab (so the course cannot pass by
     * relying on the source document's addresses) and never overlaps one.
     */
    private static final Pattern PREFIX = Pattern.compile("10\\.(\\d{1,3})\\.(\\d{1,3})");

    public static final String DEFAULT_NAME = "lab";
    public static final String DEFAULT_SUBNET_PREFIX = "10.77.0";
    public static final String DEFAULT_IFACE = "eth1";

    /** A spec whose kernel is decided at {@code up} ({@link SandboxKernel#AUTO}). */
    public SandboxSpec(String name, List<SandboxRole> roles, String subnetPrefix, String iface, Path stateRoot) {
        this(name, roles, subnetPrefix, iface, stateRoot, SandboxKernel.AUTO);
    }

    /** A spec of the document's flavour ({@link SandboxFlavour#OPENEULER}). */
    public SandboxSpec(String name, List<SandboxRole> roles, String subnetPrefix, String iface, Path stateRoot,
            SandboxKernel kernel) {
        this(name, roles, subnetPrefix, iface, stateRoot, kernel, SandboxFlavour.OPENEULER);
    }

    public SandboxSpec {
        Objects.requireNonNull(stateRoot, "stateRoot");
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(flavour, "flavour");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("sandbox name '" + name + "' must be 1-10 of a-z, 0-9");
        }
        roles = List.copyOf(roles);
        if (roles.isEmpty() || roles.stream().distinct().count() != roles.size()) {
            throw new IllegalArgumentException("sandbox needs at least one host and no host twice: " + roles);
        }
        var m = PREFIX.matcher(subnetPrefix);
        if (!m.matches() || Integer.parseInt(m.group(1)) > 255 || Integer.parseInt(m.group(2)) > 255) {
            throw new IllegalArgumentException(
                    "subnet prefix '" + subnetPrefix + "' must be 10.X.Y (a /24 in 10.0.0.0/8), e.g. 10.77.0");
        }
        if (!IFACE.matcher(iface).matches() || iface.equals("lo")) {
            throw new IllegalArgumentException("interface name '" + iface + "' must be a short name other than lo");
        }
    }

    /** All five hosts, name {@code lab}, 10.77.0.0/24, {@code eth1}, state under {@link #defaultStateRoot()}. */
    public static SandboxSpec defaults() {
        return new SandboxSpec(DEFAULT_NAME, List.of(SandboxRole.values()), DEFAULT_SUBNET_PREFIX, DEFAULT_IFACE,
                defaultStateRoot());
    }

    public SandboxSpec withName(String newName) {
        return new SandboxSpec(newName, roles, subnetPrefix, iface, stateRoot, kernel, flavour);
    }

    public SandboxSpec withRoles(List<SandboxRole> newRoles) {
        return new SandboxSpec(name, newRoles, subnetPrefix, iface, stateRoot, kernel, flavour);
    }

    public SandboxSpec withSubnetPrefix(String newPrefix) {
        return new SandboxSpec(name, roles, newPrefix, iface, stateRoot, kernel, flavour);
    }

    public SandboxSpec withIface(String newIface) {
        return new SandboxSpec(name, roles, subnetPrefix, newIface, stateRoot, kernel, flavour);
    }

    public SandboxSpec withStateRoot(Path newRoot) {
        return new SandboxSpec(name, roles, subnetPrefix, iface, newRoot, kernel, flavour);
    }

    /** The same lab on another kernel: {@code MACHINE} and {@code VM} force one, {@code AUTO} decides at {@code up}. */
    public SandboxSpec withKernel(SandboxKernel newKernel) {
        return new SandboxSpec(name, roles, subnetPrefix, iface, stateRoot, newKernel, flavour);
    }

    /** The same lab showing another distribution. */
    public SandboxSpec withFlavour(SandboxFlavour newFlavour) {
        return new SandboxSpec(name, roles, subnetPrefix, iface, stateRoot, kernel, newFlavour);
    }

    /**
     * The options that pick this sandbox in a command the learner is told to run, each with a leading space:
     * {@code --name} unless it is the default one, {@code --state-dir} unless its state is in the default place; empty
     * for the default sandbox. A suggested command without them would act on another sandbox.
     */
    public String whereOptions() {
        return (name.equals(DEFAULT_NAME) ? "" : " --name " + name)
                + (inDefaultStateRoot() ? "" : " --state-dir " + stateRoot);
    }

    /** True when the sandbox's state is in {@link #defaultStateRoot()}, where {@code --sandbox NAME} finds it. */
    public boolean inDefaultStateRoot() {
        return stateRoot.toAbsolutePath().normalize().equals(defaultStateRoot().toAbsolutePath().normalize());
    }

    /**
     * {@code /var/lib/labtutor/sandbox} for root (the sandbox needs root anyway); otherwise
     * {@code $XDG_STATE_HOME/labtutor/sandbox} or {@code ~/.local/state/labtutor/sandbox}. The system property
     * {@code labtutor.sandbox.root} replaces it (tests).
     */
    public static Path defaultStateRoot() {
        String given = System.getProperty("labtutor.sandbox.root");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        if ("root".equals(System.getProperty("user.name"))) {
            return Path.of("/var/lib/labtutor/sandbox");
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("labtutor").resolve("sandbox");
    }

    public Path stateDir() {
        return stateRoot.resolve(name);
    }

    /** e.g. {@code 10.77.0.0/24}. */
    public String subnet() {
        return subnetPrefix + ".0/24";
    }

    /** The address keepalived should float between the directors: {@code .200}. */
    public String vip() {
        return subnetPrefix + ".200";
    }

    /** The root namespace's own address on the lab subnet ({@code .1}), from which the tutor connects. */
    public String tutorAddress() {
        return subnetPrefix + ".1";
    }

    public String address(SandboxRole role) {
        return subnetPrefix + "." + role.hostOctet();
    }

    public String hostNamespace(SandboxRole role) {
        return "lt-" + name + "-" + role.id();
    }

    /** The namespace that holds the bridge, so no bridge ever appears in the root namespace. */
    public String switchNamespace() {
        return "lt-" + name + "-sw";
    }

    /**
     * The address of the VM itself on the lab subnet ({@code .254}): its control sshd, through which labtutor runs
     * commands in the hosts. Not used on the machine's kernel.
     */
    public String vmAddress() {
        return subnetPrefix + ".254";
    }

    /** The root namespace's end of the veth to the bridge, or the VM's tap. */
    public String rootLink() {
        return "lt-" + name;
    }
}
