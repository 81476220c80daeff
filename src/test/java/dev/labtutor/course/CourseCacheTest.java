package dev.labtutor.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.labtutor.yaml.DataFileException;
import dev.labtutor.yaml.YNode;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parsed-course cache: what it gives back is the course the YAML gives, field by field and node by node; it is not
 * used once a file it was made from changes, appears or goes, once it is damaged, or once another build or format wrote
 * it.
 */
class CourseCacheTest {

    private static final Path REAL = Path.of(System.getProperty("labtutor.root", "."), "lessons", "keepalived-lvs");

    @TempDir
    Path tmp;

    Path course;
    Path cacheFile;
    final AtomicInteger parses = new AtomicInteger();

    @BeforeEach
    void copyCourse() throws Exception {
        course = tmp.resolve("course");
        Files.createDirectories(course);
        try (Stream<Path> files = Files.list(REAL)) {
            for (Path f : files.toList()) {
                Files.copy(f, course.resolve(f.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        cacheFile = tmp.resolve("cache").resolve("course.bin");
    }

    private Supplier<Course> fresh() {
        return () -> {
            parses.incrementAndGet();
            return CourseReader.readStrict(course);
        };
    }

    private Course read(String build) {
        return new CourseCache(cacheFile, build).read(course, fresh());
    }

    @Test
    void theCachedCourseIsTheParsedCourse() throws Exception {
        Course parsed = read("b1");
        assertTrue(Files.isRegularFile(cacheFile), "a course read without problems is cached");
        Course cached = read("b1");
        assertEquals(1, parses.get(), "the second read comes from the cache");
        assertSameData(CourseReader.readStrict(course), cached, "course");
        assertSameData(parsed, cached, "course");
        assertTrue(cached.lessons().size() > 10);
        assertTrue(cached.lessons().stream().flatMap(l -> l.checks().stream()).anyMatch(r -> !r.with().isEmpty()),
                "the real course has check parameters, so nodes are compared too");
    }

    @Test
    void anEditedLessonIsReadAgain() throws Exception {
        read("b1");
        Path lesson = course.resolve("install.yaml");
        FileTime before = Files.getLastModifiedTime(lesson);
        String text = Files.readString(lesson);
        String edited = text.replaceFirst("(?m)^(title:\\n  zh: )", "$1改");
        assertFalse(edited.equals(text), "the edit must change the title");
        Files.writeString(lesson, edited);
        Files.setLastModifiedTime(lesson, before);
        Course c = read("b1");
        assertEquals(2, parses.get(), "same time, other size: read again");
        assertTrue(c.lesson("install").orElseThrow().title().zh().startsWith("改"));
        assertSameData(CourseReader.readStrict(course), c, "course");
    }

    @Test
    void aLessonRewrittenWithTheSameSizeAndTimeIsReadAgain() throws Exception {
        read("b1");
        Path lesson = course.resolve("install.yaml");
        FileTime before = Files.getLastModifiedTime(lesson);
        String text = Files.readString(lesson);
        int at = text.indexOf("en: ") + 4;
        char c0 = text.charAt(at);
        String edited = text.substring(0, at) + (c0 == 'X' ? 'Y' : 'X') + text.substring(at + 1);
        // written as a new file (as editors and git do): same size, same time, another inode
        Path next = course.resolve("install.yaml.new");
        Files.writeString(next, edited);
        Files.setLastModifiedTime(next, before);
        Files.move(next, lesson, StandardCopyOption.REPLACE_EXISTING);
        assertEquals(Files.size(lesson), text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        Course c = read("b1");
        assertEquals(2, parses.get());
        assertSameData(CourseReader.readStrict(course), c, "course");
    }

    @Test
    void anAddedLessonIsSeen() throws Exception {
        read("b1");
        Path courseYaml = course.resolve(CourseReader.COURSE_FILE);
        Files.writeString(course.resolve("extra.yaml"),
                Files.readString(course.resolve("install.yaml")).replaceFirst("(?m)^id: install$", "id: extra"));
        Files.writeString(courseYaml,
                Files.readString(courseYaml).replaceFirst("(?m)^(\\s*- )install$", "$1install\n$1extra"));
        Course c = read("b1");
        assertEquals(2, parses.get());
        assertTrue(c.lesson("extra").isPresent(), "the new lesson is in the course");
    }

    @Test
    void aRemovedLessonFileIsReportedNotServedFromTheCache() throws Exception {
        read("b1");
        Files.delete(course.resolve("install.yaml"));
        assertThrows(DataFileException.class, () -> read("b1"));
    }

    @Test
    void aDamagedCacheIsNotUsed() throws Exception {
        Course parsed = read("b1");
        byte[] data = Files.readAllBytes(cacheFile);
        data[data.length / 2] ^= 0x20;
        Files.write(cacheFile, data);
        Course again = read("b1");
        assertEquals(2, parses.get(), "a flipped bit fails the checksum");
        assertSameData(parsed, again, "course");
        assertEquals(1, new CourseCache(cacheFile, "b1").load(course).map(x -> 1).orElse(0),
                "and the cache was rewritten");
    }

    @Test
    void aTruncatedOrEmptyCacheIsNotUsed() throws Exception {
        read("b1");
        byte[] data = Files.readAllBytes(cacheFile);
        Files.write(cacheFile, java.util.Arrays.copyOf(data, data.length - 7));
        assertTrue(new CourseCache(cacheFile, "b1").load(course).isEmpty());
        Files.write(cacheFile, new byte[0]);
        assertTrue(new CourseCache(cacheFile, "b1").load(course).isEmpty());
        Files.writeString(cacheFile, "not a cache at all, but long enough to have a header");
        assertTrue(new CourseCache(cacheFile, "b1").load(course).isEmpty());
    }

    @Test
    void anotherBuildOrFormatIsNotUsed() throws Exception {
        read("b1");
        assertTrue(new CourseCache(cacheFile, "b1").load(course).isPresent());
        assertTrue(new CourseCache(cacheFile, "b2").load(course).isEmpty(), "written by another build of labtutor");
        byte[] data = Files.readAllBytes(cacheFile);
        data[8 + 3] = (byte) (CourseCache.FORMAT + 1);
        Files.write(cacheFile, data);
        assertTrue(new CourseCache(cacheFile, "b1").load(course).isEmpty(), "written in another format");
        read("b1");
        assertEquals(2, parses.get());
    }

    @Test
    void aCacheOfAnotherCourseDirectoryIsNotUsed() throws Exception {
        read("b1");
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        assertTrue(new CourseCache(cacheFile, "b1").load(other).isEmpty());
    }

    @Test
    void aCourseWithProblemsIsNotCached() throws Exception {
        Path lesson = course.resolve("install.yaml");
        Files.writeString(lesson, Files.readString(lesson) + "\nunknown-key: 1\n");
        assertThrows(DataFileException.class, () -> read("b1"));
        assertFalse(Files.exists(cacheFile));
    }

    @Test
    void noCacheWhenTheBuildCannotBeTold() {
        // tests run from target/classes, not a jar: nothing is cached, the course is read as before
        Optional<CourseCache> c = CourseCache.forBuild(tmp, course);
        if (CourseCache.class.getProtectionDomain().getCodeSource().getLocation().getPath().endsWith(".jar")) {
            assertTrue(c.isPresent());
        } else {
            assertTrue(c.isEmpty());
        }
    }

    /** Field-by-field equality of records, lists, maps and optionals; YNodes by position, kind, text and children. */
    static void assertSameData(Object expected, Object actual, String where) throws Exception {
        if (expected == null || actual == null) {
            assertSame(expected, actual, where);
        } else if (expected instanceof YNode e) {
            YNode a = (YNode) actual;
            assertEquals(e.file(), a.file(), where + ".file");
            assertEquals(e.line(), a.line(), where + ".line");
            assertEquals(e.column(), a.column(), where + ".column");
            assertEquals(e.kind(), a.kind(), where + ".kind");
            assertEquals(e.text(), a.text(), where + ".text");
            assertSameData(e.items(), a.items(), where + ".items");
            assertSameData(e.entries(), a.entries(), where + ".entries");
            for (String k : e.entries().keySet()) {
                YNode ek = e.keyNode(k);
                YNode ak = a.keyNode(k);
                if (ek == e) {
                    assertSame(a, ak, where + ".key " + k);
                } else {
                    assertSameData(ek, ak, where + ".key " + k);
                }
            }
        } else if (expected.getClass().isRecord()) {
            assertEquals(expected.getClass(), actual.getClass(), where);
            for (RecordComponent rc : expected.getClass().getRecordComponents()) {
                assertSameData(rc.getAccessor().invoke(expected), rc.getAccessor().invoke(actual),
                        where + "." + rc.getName());
            }
        } else if (expected instanceof List<?> e) {
            List<?> a = (List<?>) actual;
            assertEquals(e.size(), a.size(), where + ".size");
            for (int i = 0; i < e.size(); i++) {
                assertSameData(e.get(i), a.get(i), where + "[" + i + "]");
            }
        } else if (expected instanceof Map<?, ?> e) {
            Map<?, ?> a = (Map<?, ?>) actual;
            assertEquals(List.copyOf(e.keySet()), List.copyOf(a.keySet()), where + " keys in order");
            for (Object k : e.keySet()) {
                assertSameData(e.get(k), a.get(k), where + "[" + k + "]");
            }
        } else if (expected instanceof Optional<?> e) {
            Optional<?> a = (Optional<?>) actual;
            assertEquals(e.isPresent(), a.isPresent(), where);
            if (e.isPresent()) {
                assertSameData(e.get(), a.get(), where);
            }
        } else if (expected instanceof String || expected instanceof Number || expected instanceof Boolean
                || expected instanceof Enum<?> || expected instanceof Path) {
            assertEquals(expected, actual, where);
        } else {
            fail(where + ": no comparison for " + expected.getClass());
        }
    }
}
