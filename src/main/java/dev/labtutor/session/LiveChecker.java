package dev.labtutor.session;

import dev.labtutor.check.CheckRun;
import dev.labtutor.check.Verdict;
import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import dev.labtutor.yaml.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@link Checker} of a live lab: one round of the lesson's checks over the pooled SSH connections. */
public final class LiveChecker implements Checker {

    private final LessonLab lab;
    private final Duration wait;
    private final CheckRun.Rounds rounds;
    private final ObservationListener observing;

    /** How long a lesson observed over time (a failover) is watched when no longer wait is asked. */
    public static final Duration OBSERVE_WINDOW = Duration.ofSeconds(120);

    /** The tutor's checker: one round; an observed lesson is watched for {@link #OBSERVE_WINDOW} when the learner watches, told as lines. */
    public LiveChecker(LessonLab lab) {
        this(lab, Duration.ZERO, CheckRun.Rounds.NONE, null);
    }

    /**
     * Re-checks what has not passed for up to {@code wait}, telling {@code rounds} before each
     * wait; an observation is told to {@code observing}, or as lines to the check's listener
     * when it is null.
     */
    public LiveChecker(LessonLab lab, Duration wait, CheckRun.Rounds rounds, ObservationListener observing) {
        this.lab = lab;
        this.wait = wait;
        this.rounds = rounds;
        this.observing = observing;
    }

    /** One round, unless this checker was made with a wait: an observed lesson is judged from the logs. */
    @Override
    public List<Verdict> check(Lesson lesson, Listener listener) throws Refused, InterruptedException {
        return check(lesson, false, listener);
    }

    /** With {@code watch}, an observed lesson is watched for at least {@link #OBSERVE_WINDOW}. */
    @Override
    public List<Verdict> check(Lesson lesson, boolean watch, Listener listener) throws Refused, InterruptedException {
        List<Problem> problems = lab.problems(lesson);
        if (!problems.isEmpty()) {
            String more = problems.size() > 1 ? " (+" + (problems.size() - 1) + ")" : "";
            throw new Refused(Text.of("实验环境文件不适合这一课：" + problems.get(0) + more,
                    "the lab file does not fit this lesson: " + problems.get(0) + more));
        }
        boolean observed = lab.observes(lesson);
        Duration window = observed && watch && wait.compareTo(OBSERVE_WINDOW) < 0 && observing == null ? OBSERVE_WINDOW : wait;
        ObservationListener told = observing != null ? observing : new ObservationLines(listener::line);
        List<Verdict> verdicts = lab.check(lesson, window, listener::phase, rounds, told);
        if (Thread.interrupted()) {
            throw new InterruptedException("check cancelled");
        }
        return verdicts;
    }

    @Override
    public Map<String, String> detectIfaces(Set<String> roles) throws InterruptedException {
        Map<String, String> found = lab.detectIfaces(roles);
        if (Thread.interrupted()) {
            throw new InterruptedException("detection cancelled");
        }
        return found;
    }
}
