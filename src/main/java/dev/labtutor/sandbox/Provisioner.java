package dev.labtutor.sandbox;

import dev.labtutor.lab.ExecResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a sandbox lays down in its state directory before and after its hosts boot, the same on the machine's kernel and
 * in a VM: the stand-ins of the sandbox's {@link SandboxFlavour} (systemctl, dnf or apt-get, journalctl, ... and the
 * unit and package tables they read, and the {@code flavour} file that names it), openEuler's httpd
 * configuration and keepalived sample, the anchor script, the SSH keys (the tutor's, each host's), each host's files
 * ({@link HostFiles}), known_hosts and the lab file.
 */
final class Provisioner {

    private static final String RESOURCES = "/dev/labtutor/sandbox/";
    /** openEuler's httpd configuration, laid down by {@code dnf install httpd} (see bin/dnf). */
    private static final List<String> HTTPD_DIST = List.of("httpd.conf", "00-base.conf", "00-mpm.conf");

    private final SandboxSpec spec;

    Provisioner(SandboxSpec spec) {
        this.spec = spec;
    }

    /** Where the stand-ins go; anchor.sh bind-mounts it over each host's /usr/local/sbin. */
    Path bin() {
        return spec.stateDir().resolve("bin");
    }

    Path privateKey() {
        return spec.stateDir().resolve("id_ed25519");
    }

    Path publicKey() {
        return spec.stateDir().resolve("id_ed25519.pub");
    }

    Path knownHosts() {
        return spec.stateDir().resolve("known_hosts");
    }

    Path labFile() {
        return spec.stateDir().resolve("lab.yaml");
    }

    /** Stand-ins, the tutor's key, every host's key and files, and {@code extraKeys} (the VM's own). */
    void prepareHosts(List<Path> extraKeys) {
        installStandIns();
        List<CompletableFuture<ExecResult>> keygens = new ArrayList<>();
        keygens.add(keygen(privateKey(), "labtutor-sandbox-" + spec.name()));
        for (SandboxRole role : spec.roles()) {
            keygens.add(keygen(new HostFiles(spec, role).hostKey(), "root@" + role.id()));
        }
        for (Path key : extraKeys) {
            keygens.add(keygen(key, "root@labtutor-vm"));
        }
        keygens.forEach(CompletableFuture::join);
        String authorized = read(publicKey());
        for (SandboxRole role : spec.roles()) {
            new HostFiles(spec, role).create(authorized);
        }
    }

    private void installStandIns() {
        Path bin = bin();
        try {
            Files.createDirectories(bin);
            for (var standIn : spec.flavour().standIns().entrySet()) {
                String name = standIn.getKey();
                copyResource("bin/" + standIn.getValue(), bin.resolve(name),
                        !name.equals("units") && !name.equals("packages"));
            }
            writeString(bin.resolve("flavour"), spec.flavour().word() + "\n");
            Files.createDirectories(bin.resolve("httpd-dist"));
            for (String name : HTTPD_DIST) {
                copyResource("httpd/" + name, bin.resolve("httpd-dist").resolve(name), false);
            }
            copyResource("keepalived.conf.sample", bin.resolve("keepalived.conf.sample"), false);
            copyResource("firewalld.nft", bin.resolve("firewalld.nft"), false);
            copyResource("ufw.nft", bin.resolve("ufw.nft"), false);
            copyResource("keepalived.conf.1.3.5", bin.resolve("keepalived.conf.1.3.5"), false);
            copyResource("anchor.sh", spec.stateDir().resolve("anchor.sh"), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyResource(String name, Path target, boolean executable) throws IOException {
        try (InputStream in = Provisioner.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
    }

    /** A fresh ed25519 key pair at {@code key} (and {@code key.pub}), replacing any there. */
    static CompletableFuture<ExecResult> keygen(Path key, String comment) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Files.createDirectories(key.getParent());
                Files.deleteIfExists(key);
                Files.deleteIfExists(Path.of(key + ".pub"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            LocalCommand.check("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", key.toString());
            return null;
        });
    }

    /** known_hosts with every host's key at its address, pinned for the tutor and the tests. */
    void writeKnownHosts() {
        StringBuilder sb = new StringBuilder();
        for (SandboxRole role : spec.roles()) {
            String[] pub = read(Path.of(new HostFiles(spec, role).hostKey() + ".pub")).strip().split("\\s+");
            sb.append(spec.address(role)).append(' ').append(pub[0]).append(' ').append(pub[1]).append('\n');
        }
        writeString(knownHosts(), sb.toString());
    }

    void writeLabFile(List<SandboxHost> hosts) {
        writeString(labFile(), SandboxLabFile.render(spec, hosts, privateKey(), knownHosts()));
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(Path p, String s) {
        try {
            Files.writeString(p, s, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
