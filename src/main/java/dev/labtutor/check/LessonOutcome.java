package dev.labtutor.check;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one rule for "a lesson passes": every result of its last check passes, its quiz included. The session (which
 * records a pass and unlocks the next lesson), the reports of {@code check}, the exit code, the gradebook and the
 * sandbox's solver all ask this rule.
 *
 * <p>The empty list passes. It is what checking a lesson with no checks and no quiz gives (a lesson to read), and such
 * a lesson passes once the learner checks it: nothing in it can fail, and refusing it would lock the rest of the course
 * behind a lesson nobody can pass. A lesson not checked yet has no results either; whether it was checked is a question
 * for its record (its attempts, its last check), not for this rule.
 */
public final class LessonOutcome {

    private LessonOutcome() {
    }

    /** Whether a lesson whose last check gave {@code verdicts} passes. */
    public static boolean passes(List<Verdict> verdicts) {
        return passes(verdicts, Verdict::passed);
    }

    /**
     * The same rule over results kept in another form (the progress's marks, the gradebook's grades): {@code passed}
     * says whether one result passes.
     */
    public static <T> boolean passes(Collection<T> results, Predicate<? super T> passed) {
        return results.stream().allMatch(passed);
    }
}
