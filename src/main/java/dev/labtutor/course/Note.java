package dev.labtutor.course;

import dev.labtutor.i18n.Text;
import java.util.Optional;

/**
 * A note on the original document the course is based on: where it slipped and what the course does instead. It is
 * shown where the slip occurs: in {@code lesson}, under {@code step} when given, else after the lesson's introduction.
 */
public record Note(String lesson, Optional<String> step, Text text) {

    /** Whether this note belongs under the given step of the given lesson (an empty step: the introduction). */
    public boolean at(String lessonId, Optional<String> stepId) {
        return lesson.equals(lessonId) && step.equals(stepId);
    }
}
