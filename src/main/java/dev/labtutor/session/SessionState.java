package dev.labtutor.session;

import dev.labtutor.check.LessonOutcome;
import dev.labtutor.check.Prober;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.lab.LabFile;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.LessonProgress;
import dev.labtutor.progress.LessonState;
import dev.labtutor.progress.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole learner session, one immutable value: the course, the lab (empty before the learner
 * has a lab file), the language, the progress (lessons' states and records, the current lesson
 * and step), what is running, the watch mode, the question being asked, the hint level and
 * solution on screen, the last message, and the time. Views draw this and nothing else.
 */
public record SessionState(Course course, Optional<LabFile> lab, Lang lang, Progress progress, Optional<Run> running,
                           Optional<Instant> watching, Optional<Instant> nextRound, Ask ask, boolean solutionOpen,
                           int hintShown, Optional<Flash> flash, Instant now, Instant lastActive, long runs, boolean done) {

    /** What the session is doing: nothing, one check (or re-check) running, or watching (rounds until it passes, or w/Esc). */
    public enum Mode { IDLE, CHECKING, WATCHING }

    /** A question waiting for yes or no. */
    public enum Ask { NONE, SOLUTION, QUIT }

    /** What a run is for: one check, a round of watching, or re-checking the passed lessons. */
    public enum Kind { CHECK, WATCH, RECHECK }

    /** A check in flight: its lessons, each host's phase, live lines, how many lessons are done. */
    public record Run(long id, Kind kind, List<String> lessons, Instant started, Map<String, Prober.Phase> hosts,
                      List<Text> lines, int checked, boolean countsAttempt) {
        public Run {
            lessons = List.copyOf(lessons);
            hosts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(hosts));
            lines = List.copyOf(lines);
        }

        public Duration elapsed(Instant now) {
            return Duration.between(started, now);
        }

        Run withPhase(String host, Prober.Phase p) {
            Map<String, Prober.Phase> m = new LinkedHashMap<>(hosts);
            m.put(host, p);
            return new Run(id, kind, lessons, started, m, lines, checked, countsAttempt);
        }

        Run withLine(Text line, int keep) {
            List<Text> l = new java.util.ArrayList<>(lines);
            l.add(line);
            return new Run(id, kind, lessons, started, hosts, l.subList(Math.max(0, l.size() - keep), l.size()), checked, countsAttempt);
        }

        Run lessonDone() {
            return new Run(id, kind, lessons, started, Map.of(), lines, checked + 1, countsAttempt);
        }
    }

    /** The message line: what just happened. */
    public record Flash(Level level, Text text) {
        public enum Level { INFO, SUCCESS, WARNING, ERROR }
    }

    public static SessionState start(Course course, Optional<LabFile> lab, Lang lang, Progress progress, Instant now) {
        SessionState s = new SessionState(course, lab, lang, progress, Optional.empty(), Optional.empty(), Optional.empty(),
                Ask.NONE, false, 0, Optional.empty(), now, now, 0, false);
        Progress normalized = Gating.normalize(course, progress, now);
        Progress resumed = Gating.resume(course, normalized);
        return s.withProgress(resumed == normalized ? normalized : Gating.normalize(course, resumed, now));
    }

    public Lesson current() {
        return course.lesson(progress.current()).orElse(course.lessons().get(0));
    }

    public int index(String lessonId) {
        return course.indexOf(lessonId);
    }

    public LessonState stateOf(String lessonId) {
        return Gating.stateOf(course, progress, lessonId);
    }

    public LessonProgress record(String lessonId) {
        return progress.lesson(lessonId).orElse(LessonProgress.fresh(stateOf(lessonId)));
    }

    public List<CheckMark> marks(String lessonId) {
        return record(lessonId).checks();
    }

    /** Passed once, but its last check found something not passing. */
    public boolean brokenNow(String lessonId) {
        List<CheckMark> m = marks(lessonId);
        return stateOf(lessonId) == LessonState.PASSED && !LessonOutcome.passes(m, CheckMark::passed);
    }

    public int step() {
        return progress.step();
    }

    /** The values that fill the lesson text: the lab's, with the interfaces last detected. */
    public Bindings bindings() {
        return Bindings.of(course, lab).withIfaces(progress.ifaces());
    }

    public boolean busy() {
        return running.isPresent();
    }

    /** Watching lasts from {@code w} until everything passes or {@code w}/Esc, its rounds and their messages included. */
    public Mode mode() {
        return watching.isPresent() ? Mode.WATCHING : running.isPresent() ? Mode.CHECKING : Mode.IDLE;
    }

    SessionState withProgress(Progress p) {
        return new SessionState(course, lab, lang, p, running, watching, nextRound, ask, solutionOpen, hintShown, flash, now,
                lastActive, runs, done);
    }

    SessionState withRunning(Optional<Run> r) {
        return new SessionState(course, lab, lang, progress, r, watching, nextRound, ask, solutionOpen, hintShown, flash, now,
                lastActive, runs, done);
    }

    SessionState withWatch(Optional<Instant> since, Optional<Instant> next) {
        return new SessionState(course, lab, lang, progress, running, since, next, ask, solutionOpen, hintShown, flash, now,
                lastActive, runs, done);
    }

    SessionState withAsk(Ask a) {
        return new SessionState(course, lab, lang, progress, running, watching, nextRound, a, solutionOpen, hintShown, flash, now,
                lastActive, runs, done);
    }

    SessionState withView(boolean solution, int hint) {
        return new SessionState(course, lab, lang, progress, running, watching, nextRound, ask, solution, hint, flash, now,
                lastActive, runs, done);
    }

    SessionState withFlash(Optional<Flash> f) {
        return new SessionState(course, lab, lang, progress, running, watching, nextRound, ask, solutionOpen, hintShown, f, now,
                lastActive, runs, done);
    }

    SessionState flash(Flash.Level level, Text text) {
        return withFlash(Optional.of(new Flash(level, text)));
    }

    SessionState withLang(Lang l) {
        return new SessionState(course, lab, l, progress, running, watching, nextRound, ask, solutionOpen, hintShown, flash, now,
                lastActive, runs, done);
    }

    SessionState at(Instant time, Instant active) {
        return new SessionState(course, lab, lang, progress, running, watching, nextRound, ask, solutionOpen, hintShown, flash, time,
                active, runs, done);
    }

    SessionState withRuns(long n) {
        return new SessionState(course, lab, lang, progress, running, watching, nextRound, ask, solutionOpen, hintShown, flash, now,
                lastActive, n, done);
    }

    SessionState finished() {
        return new SessionState(course, lab, lang, progress, running, watching, nextRound, ask, solutionOpen, hintShown, flash, now,
                lastActive, runs, true);
    }
}
