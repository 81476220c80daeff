package dev.labtutor.progress;

import dev.labtutor.lab.Distro;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A learner's progress through one course on one lab: the lesson and step they are at, each lesson's record, and the
 * interfaces and distributions last detected on their hosts (so the lesson text shows their names and commands at once
 * after a restart).
 */
public record Progress(String course, LabKey lab, String current, int step, Map<String, LessonProgress> lessons,
        Map<String, String> ifaces, Map<String, Distro> distros, Optional<Instant> updated) {

    public Progress {
        lessons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lessons));
        ifaces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ifaces));
        distros = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(distros));
    }

    /** A progress with no distribution detected yet (as a file written before issue 17 reads). */
    public Progress(String course, LabKey lab, String current, int step, Map<String, LessonProgress> lessons,
            Map<String, String> ifaces, Optional<Instant> updated) {
        this(course, lab, current, step, lessons, ifaces, Map.of(), updated);
    }

    public static Progress empty(String course, LabKey lab) {
        return new Progress(course, lab, "", 0, Map.of(), Map.of(), Map.of(), Optional.empty());
    }

    public Optional<LessonProgress> lesson(String id) {
        return Optional.ofNullable(lessons.get(id));
    }

    public Progress with(String lessonId, LessonProgress lp) {
        Map<String, LessonProgress> m = new LinkedHashMap<>(lessons);
        m.put(lessonId, lp);
        return new Progress(course, lab, current, step, m, ifaces, distros, updated);
    }

    public Progress without(String lessonId) {
        Map<String, LessonProgress> m = new LinkedHashMap<>(lessons);
        m.remove(lessonId);
        return new Progress(course, lab, current.equals(lessonId) ? "" : current, current.equals(lessonId) ? 0 : step,
                m, ifaces, distros, updated);
    }

    public Progress at(String lessonId, int stepIndex) {
        return new Progress(course, lab, lessonId, stepIndex, lessons, ifaces, distros, updated);
    }

    /** This progress with the distributions detected on its hosts (by role) added. */
    public Progress withDistros(Map<String, Distro> detected) {
        Map<String, Distro> m = new LinkedHashMap<>(distros);
        m.putAll(detected);
        return new Progress(course, lab, current, step, lessons, ifaces, m, updated);
    }

    public Progress withIfaces(Map<String, String> detected) {
        Map<String, String> m = new LinkedHashMap<>(ifaces);
        m.putAll(detected);
        return new Progress(course, lab, current, step, lessons, m, distros, updated);
    }

    /** This progress kept for {@code key}: the same lab with the hosts as they are now. */
    public Progress onLab(LabKey key) {
        return new Progress(course, key, current, step, lessons, ifaces, distros, updated);
    }

    public Progress stamped(Instant at) {
        return new Progress(course, lab, current, step, lessons, ifaces, distros, Optional.of(at));
    }
}
