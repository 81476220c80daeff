package dev.labtutor.course;

import dev.labtutor.i18n.Text;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A course as data. {@code notes} are the course's notes on the original document, each placed in a lesson (and step)
 * that shows it. {@code defaultHosts} are the original document's addresses per role: they fill lesson text when the
 * learner has no lab file yet, and are never contacted. {@code gating} says whether a lesson opens only when every
 * lesson before it has passed ({@link Gating#SEQUENTIAL}, the default) or all lessons are open ({@link Gating#FREE}).
 */
public record Course(String id, Text title, Path dir, Map<String, Text> roles, Map<String, VarSpec> vars,
        Map<String, String> defaultHosts, List<Note> notes, List<Lesson> lessons, Gating gating) {

    public enum Gating {
        SEQUENTIAL, FREE
    }

    public Course(String id, Text title, Path dir, Map<String, Text> roles, Map<String, VarSpec> vars,
            Map<String, String> defaultHosts, List<Note> notes, List<Lesson> lessons) {
        this(id, title, dir, roles, vars, defaultHosts, notes, lessons, Gating.SEQUENTIAL);
    }

    public Course {
        roles = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(roles));
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        defaultHosts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defaultHosts));
        notes = List.copyOf(notes);
        lessons = List.copyOf(lessons);
    }

    public Optional<Lesson> lesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The notes shown in {@code lessonId}: under {@code stepId}, or after the introduction when empty. */
    public List<Note> notes(String lessonId, Optional<String> stepId) {
        return notes.stream().filter(n -> n.at(lessonId, stepId)).toList();
    }

    public int indexOf(String lessonId) {
        for (int i = 0; i < lessons.size(); i++) {
            if (lessons.get(i).id().equals(lessonId)) {
                return i;
            }
        }
        return -1;
    }
}
