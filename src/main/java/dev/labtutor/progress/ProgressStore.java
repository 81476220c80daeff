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
 * One JSON file per course and lab under the state directory. A save replaces the file atomically (write a temporary
 * file in the same directory, fsync it, rename it over the old one, fsync the directory), so a crash at any moment
 * leaves either the previous file or the new one, never a mix. A file that cannot be read, or that belongs to another
 * course or lab, is moved aside (never emptied, never fatal) and reported in one sentence.
 */
public final class ProgressStore {

    /** What was found: the progress (empty when there was none), and a warning when a file was moved aside. */
    public record Loaded(Progress progress, Optional<Text> warning, boolean existed) {
    }

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** Made on first use: only a file moved aside needs it. */
    private static final class Aside {
        static final DateTimeFormatter ASIDE =
                DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);
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
        return dir.resolve("progress-" + safe(course) + "-" + lab.id() + ".json");
    }

    private static String safe(String course) {
        return SAFE.matcher(course).matches() ? course : "course";
    }

    /**
     * The progress of {@code course} on {@code lab} (the lab file and its roles; see {@link LabKey}). Progress made
     * when the hosts had other addresses is kept and re-keyed to {@code lab}; when every host moved, the warning says
     * so, in case this is really another lab. A file written while progress was keyed by the addresses too is carried
     * over to this lab's file.
     */
    public Loaded load(String course, LabKey lab) {
        Path f = file(course, lab);
        Progress empty = Progress.empty(course, lab);
        removeStaleTemps(f);
        String text;
        try {
            text = Files.readString(f, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return carryOver(course, lab, f).orElseGet(() -> new Loaded(empty, Optional.empty(), false));
        } catch (IOException | RuntimeException e) {
            return new Loaded(empty, Optional.of(moveAside(f, "cannot be read: " + e.getMessage())), true);
        }
        try {
            Progress p = ProgressJson.read(text);
            if (!p.course().equals(course) || !p.lab().sameLab(lab)) {
                return new Loaded(empty, Optional.of(moveAside(f, "belongs to course " + p.course() + " on lab "
                        + (p.lab().file().isEmpty() ? "(none)" : p.lab().file()))), true);
            }
            return new Loaded(p.onLab(lab), hostsMoved(p.lab(), lab, f), true);
        } catch (ProgressJson.Invalid e) {
            return new Loaded(empty, Optional.of(moveAside(f, e.getMessage())), true);
        }
    }

    /**
     * When every host of the progress's lab has another address now: one sentence saying the progress was kept and how
     * to start afresh.
     */
    private static Optional<Text> hostsMoved(LabKey was, LabKey now, Path f) {
        java.util.List<String> moved = was.movedRoles(now);
        if (moved.isEmpty() || moved.size() < was.hosts().size()) {
            return Optional.empty();
        }
        String role = moved.get(0);
        String example = role + " " + was.hosts().get(role) + " → " + now.hosts().get(role);
        return Optional.of(Text.of(
                "进度文件 " + f + " 是在这些主机的另一组地址上记录的（全部 " + moved.size() + " 台都变了，例如 " + example
                        + "）；进度已保留。如果这是另一套实验环境，请运行 labtutor reset --all 从头开始",
                "the progress in " + f + " was made when this lab's hosts had other addresses (all " + moved.size()
                        + " changed, e.g. " + example
                        + "); it is kept. If this is another lab, run 'labtutor reset --all' to start afresh"));
    }

    /**
     * No file for this lab yet: takes over a file of the same course and lab file written under an older name (progress
     * was once keyed by the host addresses too), the most recently updated one; says when the progress kept for this
     * lab file was made with other roles.
     */
    private Optional<Loaded> carryOver(String course, LabKey lab, Path f) {
        Progress best = null;
        Path bestFile = null;
        Path otherRoles = null;
        for (Path old : sameCourse(course)) {
            Optional<Progress> p =
                    readQuietly(old).filter(x -> x.course().equals(course) && x.lab().file().equals(lab.file()));
            if (p.isEmpty()) {
                continue;
            }
            if (!p.get().lab().sameLab(lab)) {
                otherRoles = old;
            } else if (best == null
                    || p.get().updated().orElse(Instant.MIN).isAfter(best.updated().orElse(Instant.MIN))) {
                best = p.get();
                bestFile = old;
            }
        }
        if (best != null) {
            try {
                Files.move(bestFile, f, StandardCopyOption.ATOMIC_MOVE);
                syncDir();
            } catch (IOException e) {
                // the next save writes this lab's file; the old one stays and is read no more
            }
            return Optional.of(new Loaded(best.onLab(lab), hostsMoved(best.lab(), lab, f), true));
        }
        if (otherRoles != null && !lab.file().isEmpty()) {
            return Optional.of(new Loaded(Progress.empty(course, lab),
                    Optional.of(Text.of("实验环境文件 " + lab.file() + " 的角色与记录进度时不同；本次从头记录，原来的进度保留在 " + otherRoles,
                            "the lab file " + lab.file()
                                    + " has other roles than when progress was made on it; starting afresh, "
                                    + "the earlier progress is kept in " + otherRoles)),
                    false));
        }
        return Optional.empty();
    }

    /** This course's progress files, whatever lab they are of. */
    private java.util.List<Path> sameCourse(String course) {
        java.util.List<Path> out = new java.util.ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "progress-" + safe(course) + "-*.json")) {
            ds.forEach(out::add);
        } catch (IOException | RuntimeException ignored) {
            // nothing to carry over
        }
        return out;
    }

    private static Optional<Progress> readQuietly(Path f) {
        try {
            return Optional.of(ProgressJson.read(Files.readString(f, StandardCharsets.UTF_8)));
        } catch (IOException | RuntimeException | ProgressJson.Invalid e) {
            return Optional.empty();
        }
    }

    /** Writes {@code p} atomically; the previous file stays intact until the new one is complete on disk. */
    public void save(Progress p) throws IOException {
        Path f = file(p.course(), p.lab());
        ensureDir();
        byte[] bytes = ProgressJson.write(p).getBytes(StandardCharsets.UTF_8);
        Path tmp = f.resolveSibling(
                "." + f.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + TEMP.incrementAndGet());
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

    /**
     * Deletes the progress of {@code course} on {@code lab}, files of it under an older name included (else
     * {@link #load} would carry one over again); false when there was none.
     */
    public boolean delete(String course, LabKey lab) throws IOException {
        boolean gone = Files.deleteIfExists(file(course, lab));
        for (Path old : sameCourse(course)) {
            if (readQuietly(old).filter(p -> p.course().equals(course) && p.lab().sameLab(lab)).isPresent()) {
                gone |= Files.deleteIfExists(old);
            }
        }
        syncDir();
        return gone;
    }

    private void ensureDir() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
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
                    "progress file " + f + " " + why + " and could not be moved aside (" + e.getMessage()
                            + "); starting afresh");
        }
        return Text.of("进度文件 " + f + " 无法使用（" + why + "），已移到 " + aside + "，从头开始记录", "progress file " + f
                + " could not be used (" + why + "); moved it aside to " + aside + " and started afresh");
    }

    /**
     * Temporary files left by a process killed mid-write; only ones older than a minute (another process may be
     * writing).
     */
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
