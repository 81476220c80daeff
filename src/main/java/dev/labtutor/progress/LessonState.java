package dev.labtutor.progress;

import java.util.Locale;

/**
 * Where a learner stands with a lesson. LOCKED until every lesson before it has passed (unless the course's gating is
 * free), OPEN to work on, PASSED once all its checks passed: a passed lesson stays passed, whatever a later re-check
 * shows.
 */
public enum LessonState {
    LOCKED, OPEN, PASSED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LessonState parse(String s) {
        return valueOf(s.toUpperCase(Locale.ROOT));
    }
}
