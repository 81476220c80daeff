package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.yaml.Problems;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped course and check catalogue bound to a lab of the given VIP and host addresses, for tests of its checks.
 */
final class ShippedCourse {

    static final Path ROOT = Path.of(System.getProperty("labtutor.root", "."));

    final Course course = CourseReader.readStrict(ROOT.resolve("lessons/keepalived-lvs"));
    final CheckCatalog catalog = CheckCatalog.readStrict(ROOT.resolve("checks"));
    final LabFile lab;

    ShippedCourse(String vip, Map<String, String> addresses) {
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        addresses.forEach(
                (r, a) -> hosts.put(r, new HostSpec(r, a, 22, "root", Optional.empty(), Optional.empty(), false)));
        lab = new LabFile(Path.of("lab.yaml"), Map.of("vip", vip), hosts, Map.of(), Map.of(), Optional.empty());
    }

    /** A lesson's check bound with the lab's values; binding problems fail the test. */
    BoundCheck bind(String lessonId, String checkId) {
        CheckRef ref = course.lesson(lessonId).orElseThrow().checks().stream().filter(c -> c.id().equals(checkId))
                .findFirst().orElseThrow();
        Problems p = new Problems();
        BoundCheck b = new Binder(catalog).bind(ref, Bindings.of(course, Optional.of(lab)), p);
        assertTrue(p.isEmpty(), p.sorted().toString());
        return b;
    }
}
