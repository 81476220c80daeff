package dev.labtutor.course;

import dev.labtutor.i18n.Text;
import dev.labtutor.yaml.Binary;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.zip.CRC32;

/**
 * The parsed course kept in a compact binary file, because composing a dozen lesson files with the YAML library takes a
 * quarter of a second on a cold JVM and the learner's first screen waits for it. The file records every file the course
 * was read from (course.yaml and each lesson) with its size, modification time and file key (inode), and the build of
 * labtutor that wrote it; if any of these differ, or the file is damaged (its CRC-32 does not match) or unreadable, the
 * course is read from YAML again and the cache rewritten. Only a course read without problems is kept, so errors are
 * always reported from the YAML itself.
 */
public final class CourseCache {

    /** Raised whenever the encoding below changes. */
    static final int FORMAT = 4;

    private static final byte[] MAGIC = "LTCOURSE".getBytes(StandardCharsets.US_ASCII);

    private final Path file;
    private final String build;

    /**
     * @param file where the cache of one course directory is kept
     * @param build identifies the labtutor build (a cache written by another is not used)
     */
    public CourseCache(Path file, String build) {
        this.file = file;
        this.build = build;
    }

    /**
     * The cache for {@code courseDir} under {@code cacheRoot}, for the labtutor build this class was loaded from; empty
     * when that build cannot be told (classes not in a jar), in which case nothing is cached.
     */
    public static Optional<CourseCache> forBuild(Path cacheRoot, Path courseDir) {
        Path jar;
        try {
            jar = Path.of(CourseCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            BasicFileAttributes a = Files.readAttributes(jar, BasicFileAttributes.class);
            String build = jar + " " + a.size() + " " + a.lastModifiedTime().toInstant();
            String name = "course-" + Integer.toHexString(courseDir.toAbsolutePath().normalize().toString().hashCode())
                    + ".bin";
            return Optional.of(new CourseCache(cacheRoot.resolve(name), build));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads the course in {@code courseDir} from the cache when it is current, else with {@code fresh} (then caches
     * it).
     */
    public Course read(Path courseDir, Supplier<Course> fresh) {
        Optional<Course> cached = load(courseDir);
        if (cached.isPresent()) {
            return cached.get();
        }
        Course c = fresh.get();
        store(c);
        return c;
    }

    /** The cached course, when the cache is there, whole, and made from the files as they are now. */
    Optional<Course> load(Path courseDir) {
        try {
            byte[] data = Files.readAllBytes(file);
            int head = MAGIC.length + 4 + 8;
            if (data.length < head || !java.util.Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                return Optional.empty();
            }
            Binary.In in = new Binary.In(data, MAGIC.length, 12);
            if (in.integer() != FORMAT) {
                return Optional.empty();
            }
            long crc = in.number();
            CRC32 check = new CRC32();
            check.update(data, head, data.length - head);
            if (check.getValue() != crc) {
                return Optional.empty();
            }
            in = new Binary.In(data, head, data.length - head);
            if (!build.equals(in.text()) || !courseDir.toString().equals(in.text())) {
                return Optional.empty();
            }
            int files = in.count();
            for (int i = 0; i < files; i++) {
                if (!stamp(Path.of(in.text())).equals(in.text())) {
                    return Optional.empty();
                }
            }
            Course c = course(in);
            return in.atEnd() ? Optional.of(c) : Optional.empty();
        } catch (IOException | Binary.Malformed | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Writes the cache for {@code c} (atomically); a cache that cannot be written is simply not there next time. */
    void store(Course c) {
        try {
            List<Path> sources = new ArrayList<>();
            sources.add(c.dir().resolve(CourseReader.COURSE_FILE));
            c.lessons().forEach(l -> sources.add(l.file()));
            Binary.Out out = new Binary.Out();
            out.string(build).string(c.dir().toString()).integer(sources.size());
            for (Path p : sources) {
                out.string(p.toString()).string(stamp(p));
            }
            course(out, c);
            byte[] body = out.bytes();
            CRC32 crc = new CRC32();
            crc.update(body);
            byte[] head = new Binary.Out().integer(FORMAT).number(crc.getValue()).bytes();
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            try {
                try (var os = Files.newOutputStream(tmp)) {
                    os.write(MAGIC);
                    os.write(head);
                    os.write(body);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // no cache this time; the course was read all the same
        }
    }

    /** What identifies a file's content without reading it: size, modification time, file key (device and inode). */
    private static String stamp(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return a.size() + " " + a.lastModifiedTime().toInstant() + " " + a.fileKey();
    }

    private static void course(Binary.Out out, Course c) {
        out.string(c.id());
        text(out, c.title());
        out.path(c.dir());
        map(out, c.roles(), t -> text(out, t));
        map(out, c.vars(), v -> {
            out.string(v.name()).string(v.defaultValue()).string(v.type().name());
            text(out, v.description());
        });
        map(out, c.defaultHosts(), out::string);
        list(out, c.notes(), n -> {
            out.string(n.lesson()).bool(n.step().isPresent());
            n.step().ifPresent(out::string);
            text(out, n.text());
        });
        list(out, c.lessons(), l -> lesson(out, l));
        out.string(c.gating().name());
    }

    private static Course course(Binary.In in) {
        String id = in.text();
        Text title = text(in);
        Path dir = in.path();
        Map<String, Text> roles = map(in, () -> text(in));
        Map<String, VarSpec> vars =
                map(in, () -> new VarSpec(in.text(), in.text(), VarType.valueOf(in.text()), text(in)));
        Map<String, String> defaultHosts = map(in, in::text);
        List<Note> notes =
                list(in, () -> new Note(in.text(), in.bool() ? Optional.of(in.text()) : Optional.empty(), text(in)));
        List<Lesson> lessons = list(in, () -> lesson(in));
        return new Course(id, title, dir, roles, vars, defaultHosts, notes, lessons, Course.Gating.valueOf(in.text()));
    }

    private static void lesson(Binary.Out out, Lesson l) {
        out.string(l.id());
        text(out, l.title());
        text(out, l.intro());
        list(out, l.roles(), out::string);
        list(out, l.steps(), s -> {
            out.string(s.id());
            text(out, s.title());
            text(out, s.text());
            list(out, s.actions(), a -> action(out, a));
            list(out, s.checks(), r -> {
                out.string(r.id()).string(r.use());
                list(out, r.on(), out::string);
                map(out, r.with(), out::node);
                out.node(r.at());
                out.bool(r.supersededBy().isPresent());
                r.supersededBy().ifPresent(out::string);
                map(out, r.family(), v -> {
                    out.bool(v.skip()).bool(v.use().isPresent());
                    v.use().ifPresent(out::string);
                    map(out, v.with(), out::node);
                    out.node(v.at());
                });
            });
            map(out, s.family(), v -> {
                optionalText(out, v.title());
                optionalText(out, v.text());
            });
        });
        list(out, l.quiz(), q -> {
            out.string(q.id());
            text(out, q.prompt());
            list(out, q.choices(), ch -> {
                out.string(ch.key());
                text(out, ch.text());
                out.bool(ch.correct()).bool(ch.why().isPresent());
                ch.why().ifPresent(w -> text(out, w));
            });
            text(out, q.explain());
        });
        list(out, l.solve(), a -> action(out, a));
        out.path(l.file());
    }

    private static Lesson lesson(Binary.In in) {
        String id = in.text();
        Text title = text(in);
        Text intro = text(in);
        List<String> roles = list(in, in::text);
        List<Step> steps = list(in, () -> new Step(in.text(), text(in), text(in), list(in, () -> action(in)),
                list(in, () -> new CheckRef(in.text(), in.text(), list(in, in::text), map(in, in::node), in.node(),
                        in.bool() ? Optional.of(in.text()) : Optional.empty(),
                        map(in, () -> new CheckRef.Variant(in.bool(),
                                in.bool() ? Optional.of(in.text()) : Optional.empty(), map(in, in::node), in.node())))),
                map(in, () -> new Step.Variant(optionalText(in), optionalText(in)))));
        List<Question> quiz =
                list(in, () -> new Question(in.text(), text(in), list(in, () -> new Question.Choice(in.text(), text(in),
                        in.bool(), in.bool() ? Optional.of(text(in)) : Optional.empty())), text(in)));
        List<Action> solve = list(in, () -> action(in));
        return new Lesson(id, title, intro, roles, steps, quiz, solve, in.path());
    }

    private static void action(Binary.Out out, Action a) {
        if (a instanceof Action.Run r) {
            out.integer(0).string(r.on()).string(r.script()).bool(r.interactive()).bool(r.watched());
            map(out, r.family(), out::string);
        } else if (a instanceof Action.WriteFile w) {
            out.integer(1).string(w.on()).string(w.path()).string(w.content());
        }
    }

    private static Action action(Binary.In in) {
        return switch (in.integer()) {
            case 0 -> new Action.Run(in.text(), in.text(), in.bool(), in.bool(), map(in, in::text));
            case 1 -> new Action.WriteFile(in.text(), in.text(), in.text());
            default -> throw new Binary.Malformed("bad action kind");
        };
    }

    private static void text(Binary.Out out, Text t) {
        out.string(t.zh()).string(t.en());
    }

    private static Text text(Binary.In in) {
        return new Text(in.text(), in.text());
    }

    private static void optionalText(Binary.Out out, Optional<Text> t) {
        out.bool(t.isPresent());
        t.ifPresent(v -> text(out, v));
    }

    private static Optional<Text> optionalText(Binary.In in) {
        return in.bool() ? Optional.of(text(in)) : Optional.empty();
    }

    private static <T> void list(Binary.Out out, List<T> items, Consumer<T> each) {
        out.integer(items.size());
        items.forEach(each);
    }

    private static <T> List<T> list(Binary.In in, Supplier<T> each) {
        int n = in.count();
        List<T> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(each.get());
        }
        return items;
    }

    private static <T> void map(Binary.Out out, Map<String, T> m, Consumer<T> each) {
        out.integer(m.size());
        m.forEach((k, v) -> {
            out.string(k);
            each.accept(v);
        });
    }

    private static <T> Map<String, T> map(Binary.In in, Supplier<T> each) {
        int n = in.count();
        Map<String, T> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            m.put(in.text(), each.get());
        }
        return m;
    }
}
