package dev.labtutor.session;

import dev.labtutor.check.CheckRun;
import dev.labtutor.check.Verdict;
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

    public LiveChecker(LessonLab lab) {
        this(lab, Duration.ZERO, CheckRun.Rounds.NONE);
    }

    /** Re-checks what has not passed for up to {@code wait}, telling {@code rounds} before each wait. */
    public LiveChecker(LessonLab lab, Duration wait, CheckRun.Rounds rounds) {
        this.lab = lab;
        this.wait = wait;
        this.rounds = rounds;
    }

    @Override
    public List<Verdict> check(Lesson lesson, Listener listener) throws Refused, InterruptedException {
        List<Problem> problems = lab.problems(lesson);
        if (!problems.isEmpty()) {
            String more = problems.size() > 1 ? " (+" + (problems.size() - 1) + ")" : "";
            throw new Refused(Text.of("实验环境文件不适合这一课：" + problems.get(0) + more,
                    "the lab file does not fit this lesson: " + problems.get(0) + more));
        }
        List<Verdict> verdicts = lab.check(lesson, wait, listener::phase, rounds);
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
