package dev.labtutor.sandbox;

import dev.labtutor.i18n.Text;
import dev.labtutor.io.FileTree;
import dev.labtutor.lab.ExecResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The kernel the VM sandbox boots: Debian's {@code linux-image-amd64} (it has ip_vs, nfsd, 9p, veth, bridge and
 * nf_tables as modules) and {@code busybox-static} (the initrd's shell and the guest's modprobe), fetched with
 * {@code apt-get download} and unpacked with {@code dpkg-deb -x} into {@code ~/.cache/labtutor/vm/debian-amd64} by
 * {@code labtutor sandbox kernel fetch}. Nothing is installed on the machine and nothing is downloaded from anywhere
 * but the machine's Debian repositories. The module tree is pruned to what a VM without hardware uses and indexed with
 * busybox's depmod.
 *
 * @param dir the unpacked image
 * @param release the kernel release, e.g. {@code 6.1.0-57-amd64}
 * @param packages the Debian packages it came from, with versions
 */
public record VmImage(Path dir, String release, String packages) {

    /** The command that fetches the image; every "kernel missing" message names it. */
    public static final String FETCH_COMMAND = "sudo labtutor sandbox kernel fetch";

    private static final String IMAGE_DIR = "debian-amd64";
    private static final String PROPERTIES = "image.properties";
    private static final Duration APT_TIMEOUT = Duration.ofMinutes(10);
    /** Driver directories a VM with virtio devices and no hardware needs; the rest of drivers/ is dropped. */
    private static final List<String> KEEP_DRIVERS = List.of("virtio", "char", "net", "block");

    private static final List<String> DROP_NET_DRIVERS = List.of("ethernet", "wireless", "usb", "can", "wwan",
            "ieee802154", "hamradio", "arcnet", "fddi", "wan", "plip", "dsa", "ipa", "mhi", "pcs", "phy", "mdio");

    public Path vmlinuz() {
        return dir.resolve("boot").resolve("vmlinuz-" + release);
    }

    /**
     * What qemu boots: the uncompressed kernel (an ELF that qemu starts through its PVH entry, which saves the half of
     * a software-emulated boot that goes into decompressing the kernel), or the compressed one where {@code xz} was
     * missing at fetch time.
     */
    public Path bootKernel() {
        Path elf = dir.resolve("boot").resolve("vmlinux-" + release);
        return Files.isRegularFile(elf) ? elf : vmlinuz();
    }

    /** {@code lib/modules/RELEASE} of this kernel, with modules.dep and modules.alias. */
    public Path modules() {
        return dir.resolve("lib/modules").resolve(release);
    }

    public Path busybox() {
        return dir.resolve("bin/busybox");
    }

    /**
     * Where images are kept: {@code $LABTUTOR_VM_CACHE}, else {@code $XDG_CACHE_HOME/labtutor/vm}, else
     * {@code ~/.cache/labtutor/vm}. Tests share it read-only.
     */
    public static Path cacheRoot() {
        String explicit = System.getenv("LABTUTOR_VM_CACHE");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("labtutor").resolve("vm");
    }

    /** The fetched image, if {@link #fetch} has completed once. */
    public static Optional<VmImage> find() {
        return read(cacheRoot().resolve(IMAGE_DIR));
    }

    private static Optional<VmImage> read(Path dir) {
        Optional<Properties> file = SandboxState.loadProperties(dir.resolve(PROPERTIES));
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Properties p = file.get();
        VmImage image = new VmImage(dir, p.getProperty("release", ""), p.getProperty("packages", ""));
        boolean complete = Files.isRegularFile(image.vmlinuz())
                && Files.isRegularFile(image.modules().resolve("modules.dep")) && Files.isExecutable(image.busybox());
        return complete ? Optional.of(image) : Optional.empty();
    }

    /**
     * Downloads the packages with {@code apt-get download} and unpacks them into a fresh directory that replaces the
     * cached image only once complete.
     *
     * @throws SandboxException naming what is missing (apt-get, dpkg-deb, the package)
     */
    public static VmImage fetch(PrintWriter out) {
        for (String tool : List.of("apt-get", "dpkg-deb")) {
            if (SandboxPreflight.findProgram(tool).isEmpty()) {
                throw new SandboxException(Text.of("获取虚拟机内核需要 Debian 的 " + tool + "（本机没有）",
                        "Fetching the VM kernel needs Debian's " + tool + ", which this machine does not have"));
            }
        }
        Path root = cacheRoot();
        Path work = root.resolve(".fetch-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(root);
            FileTree.delete(work);
            Path debs = Files.createDirectories(work.resolve("debs"));
            Path image = Files.createDirectories(work.resolve(IMAGE_DIR));
            out.println("Downloading linux-image-amd64 and busybox-static with apt-get download ...");
            out.flush();
            apt(debs, "linux-image-amd64", "busybox-static");
            Path meta = only(debs, "linux-image-amd64_");
            String depends = LocalCommand.check("dpkg-deb", "-f", meta.toString(), "Depends");
            Matcher m = Pattern.compile("(linux-image-[0-9][^ ,(]*)").matcher(depends);
            if (!m.find()) {
                throw new SandboxException(Text.of("linux-image-amd64 没有指向具体内核包：" + depends,
                        "linux-image-amd64 names no kernel package: " + depends));
            }
            String kernelPackage = m.group(1);
            out.println("Downloading " + kernelPackage + " ...");
            out.flush();
            apt(debs, kernelPackage);
            Path kernelDeb = only(debs, kernelPackage + "_");
            Path busyboxDeb = only(debs, "busybox-static_");
            out.println("Unpacking into " + root.resolve(IMAGE_DIR) + " ...");
            out.flush();
            LocalCommand.run(List.of("dpkg-deb", "-x", kernelDeb.toString(), image.toString()), APT_TIMEOUT, null);
            LocalCommand.run(List.of("dpkg-deb", "-x", busyboxDeb.toString(), image.toString()), APT_TIMEOUT, null);
            String release = kernelPackage.substring("linux-image-".length());
            prune(image, release);
            decompress(image.resolve("boot").resolve("vmlinuz-" + release),
                    image.resolve("boot").resolve("vmlinux-" + release));
            ExecResult depmod = LocalCommand.run(
                    List.of(image.resolve("bin/busybox").toString(), "depmod", "-b", image.toString(), release),
                    APT_TIMEOUT, null);
            if (depmod.exitStatus() != 0) {
                throw new SandboxException(
                        Text.of("depmod 失败：" + depmod.stderr().strip(), "depmod failed: " + depmod.stderr().strip()));
            }
            String packages = debName(kernelDeb) + " " + debName(busyboxDeb);
            Properties p = new Properties();
            p.setProperty("release", release);
            p.setProperty("packages", packages);
            p.setProperty("fetched", Instant.now().toString());
            try (Writer w = Files.newBufferedWriter(image.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                p.store(w, "labtutor VM kernel, from " + FETCH_COMMAND);
            }
            Path target = root.resolve(IMAGE_DIR);
            Path old = root.resolve(".old-" + ProcessHandle.current().pid());
            if (Files.exists(target)) {
                Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(image, target, StandardCopyOption.ATOMIC_MOVE);
            FileTree.delete(old);
            VmImage fetched = read(target).orElseThrow(() -> new SandboxException(
                    Text.of("获取的内核不完整：" + target, "The fetched kernel is incomplete: " + target)));
            out.printf("VM kernel %s ready in %s (%s)%n", release, target, packages);
            out.flush();
            return fetched;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            FileTree.delete(work);
        }
    }

    private static void apt(Path dir, String... packages) {
        List<String> argv = new java.util.ArrayList<>(
                List.of("sh", "-c", "cd \"$0\" && exec apt-get download \"$@\"", dir.toString()));
        argv.addAll(List.of(packages));
        ExecResult r = LocalCommand.run(argv, APT_TIMEOUT, null);
        if (r.exitStatus() != 0) {
            String why = r.stderr().lines().filter(l -> l.startsWith("E:")).findFirst().orElse(r.stderr().strip());
            throw new SandboxException(Text.of(
                    "apt-get download " + String.join(" ", packages) + " 失败：" + why + "（先运行 sudo apt-get update）",
                    "apt-get download " + String.join(" ", packages) + " failed: " + why
                            + " (run sudo apt-get update first)"));
        }
    }

    private static Path only(Path dir, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".deb"))
                    .findFirst().orElseThrow(() -> new SandboxException(Text.of("apt-get 没有下载 " + prefix + "*.deb",
                            "apt-get download left no " + prefix + "*.deb")));
        }
    }

    private static String debName(Path deb) {
        return deb.getFileName().toString().replace("%3a", ":").replaceAll("\\.deb$", "");
    }

    /**
     * Writes the kernel inside a bzImage, uncompressed: the payload the setup header points at (boot protocol 2.08+),
     * through {@code xz -d}. Without xz, or for a payload that is not xz, nothing is written and the VM boots the
     * compressed kernel.
     */
    static void decompress(Path bzImage, Path target) throws IOException {
        byte[] image = Files.readAllBytes(bzImage);
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(image).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        int setupSectors = Byte.toUnsignedInt(image[0x1f1]) == 0 ? 4 : Byte.toUnsignedInt(image[0x1f1]);
        int start = (setupSectors + 1) * 512 + header.getInt(0x248);
        int length = header.getInt(0x24c);
        byte[] xzMagic = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0};
        if (SandboxPreflight.findProgram("xz").isEmpty() || start < 0 || length <= 0 || start + length > image.length
                || !java.util.Arrays.equals(image, start, start + 6, xzMagic, 0, 6)) {
            return;
        }
        Path payload = target.resolveSibling(target.getFileName() + ".xz");
        Files.write(payload, java.util.Arrays.copyOfRange(image, start, start + length));
        ExecResult r = LocalCommand.run(List.of("sh", "-c", "exec xz -dc --single-stream \"$0\" > \"$1\"",
                payload.toString(), target.toString()), APT_TIMEOUT, null);
        Files.delete(payload);
        byte[] elf = {0x7f, 'E', 'L', 'F'};
        boolean ok = r.exitStatus() == 0 && Files.size(target) > image.length;
        try (var in = Files.newInputStream(target)) {
            ok = ok && java.util.Arrays.equals(in.readNBytes(4), elf);
        }
        if (!ok) {
            Files.deleteIfExists(target);
        }
    }

    /** Drops documentation and the drivers for hardware a VM does not have (most of the 400 MB). */
    private static void prune(Path image, String release) throws IOException {
        FileTree.delete(image.resolve("usr/share"));
        Path drivers = image.resolve("lib/modules").resolve(release).resolve("kernel/drivers");
        try (Stream<Path> s = Files.list(drivers)) {
            for (Path d : s.toList()) {
                if (!KEEP_DRIVERS.contains(d.getFileName().toString())) {
                    FileTree.delete(d);
                }
            }
        }
        for (String net : DROP_NET_DRIVERS) {
            FileTree.delete(drivers.resolve("net").resolve(net));
        }
        FileTree.delete(image.resolve("lib/modules").resolve(release).resolve("kernel/sound"));
    }
}
