package dev.labtutor.progress;

import dev.labtutor.i18n.Text;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * One JSON file per course and lab under the state directory. A save replaces the file
 * atomically (write a temporary file in the same directory, fsync it, rename it over the old
 * one, fsync the directory), so a crash at any moment leaves either the previous file or the new
 * one, never a mix. A file that cannot be read, or that belongs to another course or lab, is
 * moved aside (never emptied, never fatal) and reported in one sentence.
 */
public final class ProgressStore {

    /** What was found: the progress (empty when there was none), and a warning when a file was moved aside. */
    public record Loaded(Progress progress, Optional<Text> warning, boolean existed) {
    }

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Made on first use: only a file moved aside needs it. */
    private static final class Aside {
        static final DateTimeFormatter ASIDE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);
    }
    private static final AtomicLong TEMP = new AtomicLong();

    private final Path dir;

    public ProgressStore(Path dir) {
        this.dir = dir;
    }

    public static ProgressStore standard() {
        return new ProgressStore(StateDir.resolve());
    }

    public Path dir() {
        return dir;
    }

    public Path file(String course, LabKey lab) {
        String c = SAFE.matcher(course).matches() ? course : "course";
        return dir.resolve("progress-" + c + "-" + lab.id() + ".json");
    }

    public Loaded load(String course, LabKey lab) {
        Path f = file(course, lab);
        Progress empty = Progress.empty(course, lab);
        removeStaleTemps(f);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Loaded(empty, Optional.empty(), false);
        } catch (IOException | RuntimeException e) {
            return new Loaded(empty, Optional.of(moveAside(f, "cannot be read: " + e.getMessage())), true);
        }
        try {
            Progress p = ProgressJson.read(text);
            if (!p.course().equals(course) || !p.lab().equals(lab)) {
                return new Loaded(empty, Optional.of(moveAside(f, "belongs to course " + p.course() + " on lab "
                        + (p.lab().file().isEmpty() ? "(none)" : p.lab().file()))), true);
            }
            return new Loaded(p, Optional.empty(), true);
        } catch (ProgressJson.Invalid e) {
            return new Loaded(empty, Optional.of(moveAside(f, e.getMessage())), true);
        }
    }

    /** Writes {@code p} atomically; the previous file stays intact until the new one is complete on disk. */
    public void save(Progress p) throws IOException {
        Path f = file(p.course(), p.lab());
        ensureDir();
        byte[] bytes = ProgressJson.write(p).getBytes(StandardCharsets.UTF_8);
        Path tmp = f.resolveSibling("." + f.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + TEMP.incrementAndGet());
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buf = ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDir();
    }

    /** Deletes the progress of {@code course} on {@code lab}; false when there was none. */
    public boolean delete(String course, LabKey lab) throws IOException {
        boolean gone = Files.deleteIfExists(file(course, lab));
        syncDir();
        return gone;
    }

    private void ensureDir() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            // made by another process in the meantime
        }
    }

    private void syncDir() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException ignored) {
            // not every file system lets a directory be opened; the rename is still atomic
        }
    }

    private Text moveAside(Path f, String why) {
        Path aside = f.resolveSibling(f.getFileName() + ".unreadable-" + Aside.ASIDE.format(Instant.now()));
        try {
            Files.move(f, aside, StandardCopyOption.ATOMIC_MOVE);
            syncDir();
        } catch (IOException e) {
            return Text.of("进度文件 " + f + " 无法读取（" + why + "），也无法移开（" + e.getMessage() + "）；本次从头开始，不会覆盖它之外的内容",
                    "progress file " + f + " " + why + " and could not be moved aside (" + e.getMessage() + "); starting afresh");
        }
        return Text.of("进度文件 " + f + " 无法使用（" + why + "），已移到 " + aside + "，从头开始记录",
                "progress file " + f + " could not be used (" + why + "); moved it aside to " + aside + " and started afresh");
    }

    /** Temporary files left by a process killed mid-write; only ones older than a minute (another process may be writing). */
    private void removeStaleTemps(Path f) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        long cutoff = System.currentTimeMillis() - 60_000;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "." + f.getFileName() + ".tmp-*")) {
            for (Path t : ds) {
                if (Files.getLastModifiedTime(t).toMillis() < cutoff) {
                    Files.deleteIfExists(t);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // leftovers are harmless: never read, and removed next time
        }
    }
}
