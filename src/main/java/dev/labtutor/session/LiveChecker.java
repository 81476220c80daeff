package dev.labtutor.session;

import dev.labtutor.check.CheckRun;
import dev.labtutor.check.Verdict;
import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import dev.labtutor.yaml.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** The {@link Checker} of a live lab: one round of the lesson's checks over the pooled SSH connections. */
public final class LiveChecker implements Checker {

    private final LessonLab lab;
    private final Duration wait;
    private final CheckRun.Rounds rounds;
    private final ObservationListener observing;

    /**
     * How long a round of watching ({@link #watch}) observes a lesson observed over time (a failover) when no longer
     * wait is asked.
     */
    public static final Duration OBSERVE_WINDOW = Duration.ofSeconds(120);

    /**
     * The tutor's checker: {@link #check} is one round, {@link #watch} observes an observed lesson for
     * {@link #OBSERVE_WINDOW}, told as lines.
     */
    public LiveChecker(LessonLab lab) {
        this(lab, Duration.ZERO, CheckRun.Rounds.NONE, null);
    }

    /**
     * Re-checks what has not passed for up to {@code wait}, telling {@code rounds} before each wait; an observation is
     * told to {@code observing}, or as lines to the check's listener when it is null.
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
        return run(lesson, listener, wait);
    }

    @Override
    public List<Verdict> watch(Lesson lesson, Listener listener) throws Refused, InterruptedException {
        return run(lesson, listener, wait.compareTo(OBSERVE_WINDOW) < 0 ? OBSERVE_WINDOW : wait);
    }

    private List<Verdict> run(Lesson lesson, Listener listener, Duration observeFor)
            throws Refused, InterruptedException {
        List<Problem> problems = lab.problems(lesson);
        if (!problems.isEmpty()) {
            String more = problems.size() > 1 ? " (+" + (problems.size() - 1) + ")" : "";
            throw new Refused(Text.of("实验环境文件不适合这一课：" + problems.get(0) + more,
                    "the lab file does not fit this lesson: " + problems.get(0) + more));
        }
        Duration window = lab.observes(lesson) ? observeFor : wait;
        ObservationListener told = observing != null ? observing : new ObservationLines(listener::line);
        List<Verdict> verdicts = lab.check(lesson, window, listener::phase, rounds, told);
        if (Thread.interrupted()) {
            throw new InterruptedException("check cancelled");
        }
        return verdicts;
    }

    @Override
    public HostProfiles detectHosts(Set<String> roles) throws InterruptedException {
        HostProfiles found = lab.detectHosts(roles);
        if (Thread.interrupted()) {
            throw new InterruptedException("detection cancelled");
        }
        return found;
    }
}
