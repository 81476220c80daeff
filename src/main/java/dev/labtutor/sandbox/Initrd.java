package dev.labtutor.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The VM's initrd, written for each {@code up} (it takes milliseconds): an uncompressed newc cpio archive with busybox,
 * the resource {@code vm/init}, and the modules that init loads before it can reach the machine's files (virtio, 9p,
 * overlay) with the lines of modules.dep that busybox's modprobe needs to load them in order.
 */
final class Initrd {

    /** What init loads; their dependencies come along. */
    static final List<String> MODULES = List.of("virtio_pci", "virtio_rng", "9pnet_virtio", "9p", "overlay");

    private Initrd() {
    }

    static void write(VmImage image, Path target) {
        try (OutputStream out = Files.newOutputStream(target)) {
            Cpio cpio = new Cpio(out);
            cpio.directory("bin");
            cpio.file("bin/busybox", Files.readAllBytes(image.busybox()), 0755);
            cpio.file("init", resource("vm/init"), 0755);
            String base = "lib/modules/" + image.release();
            Map<String, String> dep = modulesDep(image.modules().resolve("modules.dep"));
            Set<String> files = new LinkedHashSet<>();
            for (String name : MODULES) {
                String path = dep.keySet().stream().filter(p -> moduleName(p).equals(name)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no module " + name + " in " + image.modules()));
                files.add(path);
                for (String d : dep.get(path).trim().split("\\s+")) {
                    if (!d.isEmpty()) {
                        files.add(d);
                    }
                }
            }
            Set<String> dirs = new LinkedHashSet<>();
            StringBuilder lines = new StringBuilder();
            for (String f : files) {
                for (Path p = Path.of(base, f).getParent(); p != null; p = p.getParent()) {
                    dirs.add(p.toString());
                }
                lines.append(f).append(':').append(dep.get(f)).append('\n');
            }
            List<String> sorted = new ArrayList<>(dirs);
            sorted.sort(null);
            for (String d : sorted) {
                cpio.directory(d);
            }
            for (String f : files) {
                cpio.file(base + "/" + f, Files.readAllBytes(image.modules().resolve(f)), 0644);
            }
            cpio.file(base + "/modules.dep", lines.toString().getBytes(StandardCharsets.UTF_8), 0644);
            cpio.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code kernel/fs/9p/9p.ko} -> {@code 9p}; {@code virtio-rng.ko} -> {@code virtio_rng}, as modprobe names them.
     */
    static String moduleName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.substring(0, file.indexOf(".ko")).replace('-', '_');
    }

    private static Map<String, String> modulesDep(Path file) throws IOException {
        Map<String, String> dep = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                dep.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return dep;
    }

    static byte[] resource(String name) {
        try (InputStream in = Initrd.class.getResourceAsStream("/dev/labtutor/sandbox/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The "new ASCII" (newc) cpio format the kernel unpacks into its initramfs. */
    static final class Cpio {
        private final OutputStream out;
        private long written;
        private int inode = 1;

        Cpio(OutputStream out) {
            this.out = out;
        }

        void directory(String name) throws IOException {
            entry(name, 0040755, new byte[0]);
        }

        void file(String name, byte[] content, int permissions) throws IOException {
            entry(name, 0100000 | permissions, content);
        }

        void finish() throws IOException {
            entry("TRAILER!!!", 0, new byte[0]);
            out.flush();
        }

        private void entry(String name, int mode, byte[] content) throws IOException {
            byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
            String header = String.format("070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X", inode++, mode,
                    0, 0, (mode & 0040000) != 0 ? 2 : 1, 0, content.length, 0, 0, 0, 0, nameBytes.length, 0);
            write(header.getBytes(StandardCharsets.US_ASCII));
            write(nameBytes);
            pad();
            write(content);
            pad();
        }

        private void write(byte[] b) throws IOException {
            out.write(b);
            written += b.length;
        }

        private void pad() throws IOException {
            while (written % 4 != 0) {
                out.write(0);
                written++;
            }
        }
    }
}
