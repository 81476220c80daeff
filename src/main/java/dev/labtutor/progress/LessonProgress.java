package dev.labtutor.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One lesson's record: its state, how many check runs it took, when it was first opened and passed, the time spent on
 * it, the deepest hint level seen, whether (and when) the solution was viewed, the quiz answers given (question id to
 * choice key), and the last verdict of each check with when it was taken.
 */
public record LessonProgress(LessonState state, int attempts, Optional<Instant> firstOpened, Optional<Instant> passedAt,
        Duration timeSpent, int hintLevel, Optional<Instant> solutionViewed, Map<String, String> answers,
        Optional<Instant> checkedAt, List<CheckMark> checks) {

    public LessonProgress {
        answers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        checks = List.copyOf(checks);
        if (attempts < 0 || hintLevel < 0 || timeSpent.isNegative()) {
            throw new IllegalArgumentException("negative count in lesson progress");
        }
    }

    public static LessonProgress fresh(LessonState state) {
        return new LessonProgress(state, 0, Optional.empty(), Optional.empty(), Duration.ZERO, 0, Optional.empty(),
                Map.of(), Optional.empty(), List.of());
    }

    public LessonProgress withState(LessonState s) {
        return new LessonProgress(s, attempts, firstOpened, passedAt, timeSpent, hintLevel, solutionViewed, answers,
                checkedAt, checks);
    }

    public LessonProgress opened(Instant at) {
        return firstOpened.isPresent() ? this : new LessonProgress(state, attempts, Optional.of(at), passedAt,
                timeSpent, hintLevel, solutionViewed, answers, checkedAt, checks);
    }

    public LessonProgress passed(Instant at) {
        return new LessonProgress(LessonState.PASSED, attempts, firstOpened,
                passedAt.isPresent() ? passedAt : Optional.of(at), timeSpent, hintLevel, solutionViewed, answers,
                checkedAt, checks);
    }

    public LessonProgress checked(Instant at, List<CheckMark> marks, boolean countAttempt) {
        return new LessonProgress(state, attempts + (countAttempt ? 1 : 0), firstOpened, passedAt, timeSpent, hintLevel,
                solutionViewed, answers, Optional.of(at), marks);
    }

    public LessonProgress withChecks(List<CheckMark> marks) {
        return new LessonProgress(state, attempts, firstOpened, passedAt, timeSpent, hintLevel, solutionViewed, answers,
                checkedAt, marks);
    }

    public LessonProgress spent(Duration more) {
        return new LessonProgress(state, attempts, firstOpened, passedAt, timeSpent.plus(more), hintLevel,
                solutionViewed, answers, checkedAt, checks);
    }

    public LessonProgress hintSeen(int level) {
        return level <= hintLevel ? this : new LessonProgress(state, attempts, firstOpened, passedAt, timeSpent, level,
                solutionViewed, answers, checkedAt, checks);
    }

    public LessonProgress solutionViewed(Instant at) {
        return solutionViewed.isPresent() ? this : new LessonProgress(state, attempts, firstOpened, passedAt, timeSpent,
                hintLevel, Optional.of(at), answers, checkedAt, checks);
    }

    public LessonProgress answered(String question, String choice) {
        Map<String, String> a = new LinkedHashMap<>(answers);
        a.put(question, choice);
        return new LessonProgress(state, attempts, firstOpened, passedAt, timeSpent, hintLevel, solutionViewed, a,
                checkedAt, checks);
    }
}
