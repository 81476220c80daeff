package dev.labtutor.ssh;

import com.hierynomus.sshj.transport.verification.KnownHostMatchers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.SSHException;

/**
 * labtutor's own known_hosts file, in OpenSSH format so {@code ssh-keygen -F/-R} and people can read it. Policy is
 * OpenSSH's {@code StrictHostKeyChecking=accept-new}: a host seen for the first time has its key appended; a host whose
 * key differs from every stored key for it is refused.
 *
 * <p>Hosts are keyed like OpenSSH: {@code address} for port 22, {@code [address]:port} otherwise. Hashed
 * ({@code |1|...}) and wildcard patterns written by OpenSSH are honoured when matching.
 *
 * <p>Safe for many parallel connects in one process and for several labtutor processes: every read-modify-write holds
 * an in-process lock and an OS file lock on {@code <file>.lock}, and rewrites go through a temporary file and an atomic
 * rename, so a reader never sees half a line. The lock file exists only while it is held: its holder removes it (a
 * class's known_hosts lives beside the roster, and an empty {@code known_hosts.lock} left there puzzles a teacher).
 */
public final class KnownHostsStore {

    /** One stored key. {@code hosts} is the line's host pattern field as written. */
    public record Entry(String hosts, String keyType, String fingerprint) {
    }

    /** Outcome of checking an offered host key. */
    public sealed interface Check {
        /** The key is on file for this host. */
        record Known() implements Check {
        }

        /** First contact: the key was appended. */
        record Added(String host, String keyType, String fingerprint) implements Check {
        }

        /** Keys are on file for this host and the offered key is none of them. */
        record Changed(String host, List<String> storedFingerprints, String offeredFingerprint) implements Check {
        }
    }

    private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final Path file;

    public KnownHostsStore(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** OpenSSH's name for a host: {@code address} on port 22, {@code [address]:port} otherwise. */
    public static String hostKey(String address, int port) {
        String a = address.toLowerCase(Locale.ROOT);
        return port == 22 ? a : "[" + a + "]:" + port;
    }

    /** {@code SHA256:<base64 without padding>}, exactly as {@code ssh-keygen -l} prints it. */
    public static String fingerprint(PublicKey key) {
        return fingerprint(blob(key));
    }

    /**
     * Checks {@code key} for {@code address:port}, appending it when the host is new.
     *
     * @throws UncheckedIOException when the file cannot be read or written
     */
    public Check check(String address, int port, PublicKey key) {
        String host = hostKey(address, port);
        byte[] offered = blob(key);
        return locked(() -> {
            List<Line> lines = read();
            List<String> stored = new ArrayList<>();
            for (Line l : lines) {
                if (l.key().isPresent() && l.marker().isEmpty() && l.matches(host)) {
                    if (java.util.Arrays.equals(l.key().get(), offered)) {
                        return new Check.Known();
                    }
                    stored.add(l.keyType() + " " + fingerprint(l.key().get()));
                }
            }
            String type = KeyType.fromKey(key).toString();
            if (!stored.isEmpty()) {
                return new Check.Changed(host, List.copyOf(stored), type + " " + fingerprint(offered));
            }
            List<String> text = new ArrayList<>(lines.stream().map(Line::text).toList());
            text.add(host + " " + type + " " + Base64.getEncoder().encodeToString(offered));
            write(text);
            return new Check.Added(host, type, fingerprint(offered));
        });
    }

    /** The key types on file for a host, so key exchange can prefer a type we can verify. */
    public List<String> keyTypes(String address, int port) {
        String host = hostKey(address, port);
        return locked(() -> read().stream().filter(l -> l.key().isPresent() && l.marker().isEmpty() && l.matches(host))
                .map(Line::keyType).distinct().toList());
    }

    /** Every stored key, in file order; comments and lines that cannot be parsed are left out. */
    public List<Entry> list() {
        return locked(() -> read().stream().filter(l -> l.key().isPresent())
                .map(l -> new Entry(l.marker().map(m -> m + " ").orElse("") + l.hosts(), l.keyType(),
                        fingerprint(l.key().get())))
                .toList());
    }

    /**
     * Removes the lines for a host and returns how many were removed. Accepts {@code address} (that address on any
     * port), {@code address:port} and {@code [address]:port}. An IPv6 address without brackets means that address on
     * any port.
     */
    public int forget(String hostOrAddress) {
        Predicate<Line> target = targetOf(hostOrAddress.trim().toLowerCase(Locale.ROOT));
        return locked(() -> {
            List<Line> lines = read();
            List<String> kept = new ArrayList<>();
            int removed = 0;
            for (Line l : lines) {
                if (l.key().isPresent() && target.test(l)) {
                    removed++;
                } else {
                    kept.add(l.text());
                }
            }
            if (removed > 0) {
                write(kept);
            }
            return removed;
        });
    }

    private static Predicate<Line> targetOf(String s) {
        boolean bracketed = s.startsWith("[") && s.contains("]:");
        int colon = bracketed ? s.indexOf("]:") + 1 : s.lastIndexOf(':');
        if (bracketed || (colon > 0 && s.indexOf(':') == colon)) {
            String address = bracketed ? s.substring(1, colon - 1) : s.substring(0, colon);
            int port;
            try {
                port = Integer.parseInt(s.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a host, address or address:port: " + s);
            }
            String exact = hostKey(address, port);
            return l -> l.matches(exact);
        }
        String anyPort = "[" + s + "]:";
        return l -> l.matches(s) || l.patterns().stream().anyMatch(p -> p.startsWith(anyPort));
    }

    private interface Body<T> {
        T run() throws IOException;
    }

    private <T> T locked(Body<T> body) {
        ReentrantLock lock = LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
        lock.lock();
        try {
            Files.createDirectories(file.getParent());
            Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
            while (true) {
                try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE)) {
                    FileLock fileLock = ch.lock();
                    try {
                        if (!stillAt(lockFile, ch)) {
                            continue;
                        }
                        try {
                            return body.run();
                        } finally {
                            Files.deleteIfExists(lockFile);
                        }
                    } finally {
                        fileLock.release();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("known hosts file " + file + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether the lock file just locked through {@code ch} is still the one at {@code lockFile}: its last holder
     * removes it before letting go, so a process that waited on it may hold a lock on a file no longer there. A token
     * written through the channel and read back by name tells (inode numbers can be reused at once, a token cannot).
     */
    private static boolean stillAt(Path lockFile, FileChannel ch) throws IOException {
        byte[] token =
                (ProcessHandle.current().pid() + " " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.UTF_8);
        ch.truncate(0);
        ByteBuffer buf = ByteBuffer.wrap(token);
        while (buf.hasRemaining()) {
            ch.write(buf, buf.position());
        }
        try {
            return java.util.Arrays.equals(Files.readAllBytes(lockFile), token);
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private List<Line> read() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(Line::parse).toList();
    }

    private void write(List<String> lines) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            StringBuilder sb = new StringBuilder();
            for (String l : lines) {
                sb.append(l).append('\n');
            }
            try (FileChannel ch =
                    FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] blob(PublicKey key) {
        return new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
    }

    private static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /**
     * One line of the file, kept verbatim so rewrites preserve what we do not understand. Keys are compared and
     * fingerprinted as wire-format blobs, never decoded into Java keys, so a key type this JVM cannot load (e.g. ECDSA
     * without a provider) is still listed and matched.
     */
    private record Line(String text, Optional<String> marker, String hosts, String keyType, Optional<byte[]> key,
            List<String> patterns, Optional<KnownHostMatchers.HostMatcher> matcher) {

        static Line parse(String text) {
            String t = text.trim();
            Line none = new Line(text, Optional.empty(), "", "", Optional.empty(), List.of(), Optional.empty());
            if (t.isEmpty() || t.startsWith("#")) {
                return none;
            }
            String[] f = t.split("\\s+");
            int i = 0;
            Optional<String> marker = Optional.empty();
            if (f[0].startsWith("@")) {
                marker = Optional.of(f[0]);
                i = 1;
            }
            if (f.length < i + 3) {
                return none;
            }
            String hosts = f[i];
            String type = f[i + 1];
            byte[] key;
            try {
                key = Base64.getDecoder().decode(f[i + 2]);
            } catch (IllegalArgumentException e) {
                return none;
            }
            Optional<KnownHostMatchers.HostMatcher> matcher;
            try {
                matcher = Optional.of(KnownHostMatchers.createMatcher(hosts));
            } catch (SSHException e) {
                matcher = Optional.empty();
            }
            List<String> patterns = List.of(hosts.toLowerCase(Locale.ROOT).split(","));
            return new Line(text, marker, hosts, type, Optional.of(key), patterns, matcher);
        }

        boolean matches(String host) {
            if (patterns.contains(host)) {
                return true;
            }
            try {
                return matcher.isPresent() && matcher.get().match(host);
            } catch (IOException e) {
                return false;
            }
        }
    }
}
