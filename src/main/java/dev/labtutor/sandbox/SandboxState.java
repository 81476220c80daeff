package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What a sandbox consists of, written to {@code STATE_DIR/state.properties} before the first namespace or VM is created
 * and again as it comes up. It is all {@code down} needs, so a sandbox whose JVM crashed or was killed is removed from
 * a fresh process by name.
 *
 * @param anchorPids per role, the pid holding that host's mount and UTS namespaces (see anchor.sh); empty for a VM,
 *     whose hosts' pids are the guest's
 * @param choice where the hosts run and why
 * @param vmPid qemu's pid for a VM (0 before it started, and on the machine's kernel)
 * @param upPid the process running {@code up} while it has not finished (0 once it has)
 */
public record SandboxState(SandboxSpec spec, Map<SandboxRole, Long> anchorPids, KernelChoice choice, long vmPid,
        long upPid) {

    static final String FILE = "state.properties";

    public SandboxState {
        anchorPids = Map.copyOf(anchorPids);
    }

    /**
     * True once {@code up} finished; a state that is not complete and whose {@code up} is gone is a crash's leftover.
     */
    boolean complete() {
        return upPid == 0;
    }

    /** Every namespace the sandbox may have created: the hosts' and the switch's. */
    List<String> namespaces() {
        var all = new java.util.ArrayList<String>();
        spec.roles().forEach(r -> all.add(spec.hostNamespace(r)));
        all.add(spec.switchNamespace());
        return all;
    }

    void write() {
        Properties p = new Properties();
        p.setProperty("name", spec.name());
        p.setProperty("roles", String.join(",", spec.roles().stream().map(SandboxRole::id).toList()));
        p.setProperty("subnetPrefix", spec.subnetPrefix());
        p.setProperty("iface", spec.iface());
        p.setProperty("stateRoot", spec.stateRoot().toString());
        anchorPids.forEach((role, pid) -> p.setProperty("anchor." + role.id(), Long.toString(pid)));
        p.setProperty("kernel", choice.kernel().word());
        p.setProperty("flavour", spec.flavour().word());
        p.setProperty("reason.en", choice.reason().en());
        p.setProperty("reason.zh", choice.reason().zh());
        p.setProperty("vmPid", Long.toString(vmPid));
        p.setProperty("upPid", Long.toString(upPid));
        p.setProperty("startedBy", startedBy());
        Path file = spec.stateDir().resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "labtutor sandbox state: used by 'labtutor sandbox down' to remove everything listed here");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Who is starting the sandbox: the user behind sudo when there is one, else this process's user. */
    private static String startedBy() {
        String sudo = System.getenv("SUDO_USER");
        return sudo != null && !sudo.isBlank() ? sudo : System.getProperty("user.name", "?");
    }

    /**
     * Who started the sandbox whose state is in {@code stateDir}: as recorded at {@code up}, else the owner of its
     * state file; empty when there is no sandbox there.
     */
    static Optional<String> startedBy(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        Optional<String> recorded = loadProperties(file).map(p -> p.getProperty("startedBy")).filter(s -> !s.isBlank());
        if (recorded.isPresent() || !Files.isRegularFile(file)) {
            return recorded;
        }
        try {
            return Optional.of(Files.getOwner(file).getName());
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The properties in {@code file}; empty when there is no such file or it cannot be read. */
    static Optional<Properties> loadProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return Optional.of(p);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Empty when {@code stateDir} holds no sandbox state (never created, or already down). */
    static Optional<SandboxState> read(Path stateDir) {
        Optional<Properties> file = loadProperties(stateDir.resolve(FILE));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Properties p = file.get();
        List<SandboxRole> roles = Arrays.stream(p.getProperty("roles").split(",")).map(SandboxRole::parse).toList();
        SandboxSpec spec = new SandboxSpec(p.getProperty("name"), roles, p.getProperty("subnetPrefix"),
                p.getProperty("iface"), Path.of(p.getProperty("stateRoot")));
        Map<SandboxRole, Long> pids = new LinkedHashMap<>();
        for (SandboxRole role : roles) {
            String v = p.getProperty("anchor." + role.id());
            if (v != null) {
                pids.put(role, Long.parseLong(v));
            }
        }
        SandboxKernel kernel = SandboxKernel.parse(p.getProperty("kernel", "machine"));
        KernelChoice choice =
                new KernelChoice(kernel, Text.of(p.getProperty("reason.zh", ""), p.getProperty("reason.en", "")));
        SandboxFlavour flavour = SandboxFlavour.parse(p.getProperty("flavour", SandboxFlavour.OPENEULER.word()));
        return Optional.of(new SandboxState(spec.withKernel(kernel).withFlavour(flavour), pids, choice,
                Long.parseLong(p.getProperty("vmPid", "0")), Long.parseLong(p.getProperty("upPid", "0"))));
    }
}
