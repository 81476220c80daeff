package dev.labtutor.progress;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A learner's progress through one course on one lab: the lesson and step they are at, each lesson's record, and the
 * interfaces last detected on their hosts (so the lesson text shows their names at once after a restart).
 */
public record Progress(String course, LabKey lab, String current, int step, Map<String, LessonProgress> lessons,
        Map<String, String> ifaces, Optional<Instant> updated) {

    public Progress {
        lessons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lessons));
        ifaces = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ifaces));
    }

    public static Progress empty(String course, LabKey lab) {
        return new Progress(course, lab, "", 0, Map.of(), Map.of(), Optional.empty());
    }

    public Optional<LessonProgress> lesson(String id) {
        return Optional.ofNullable(lessons.get(id));
    }

    public Progress with(String lessonId, LessonProgress lp) {
        Map<String, LessonProgress> m = new LinkedHashMap<>(lessons);
        m.put(lessonId, lp);
        return new Progress(course, lab, current, step, m, ifaces, updated);
    }

    public Progress without(String lessonId) {
        Map<String, LessonProgress> m = new LinkedHashMap<>(lessons);
        m.remove(lessonId);
        return new Progress(course, lab, current.equals(lessonId) ? "" : current, current.equals(lessonId) ? 0 : step,
                m, ifaces, updated);
    }

    public Progress at(String lessonId, int stepIndex) {
        return new Progress(course, lab, lessonId, stepIndex, lessons, ifaces, updated);
    }

    public Progress withIfaces(Map<String, String> detected) {
        Map<String, String> m = new LinkedHashMap<>(ifaces);
        m.putAll(detected);
        return new Progress(course, lab, current, step, lessons, m, updated);
    }

    /** This progress kept for {@code key}: the same lab with the hosts as they are now. */
    public Progress onLab(LabKey key) {
        return new Progress(course, key, current, step, lessons, ifaces, updated);
    }

    public Progress stamped(Instant at) {
        return new Progress(course, lab, current, step, lessons, ifaces, Optional.of(at));
    }
}
