package dev.labtutor.session;

import dev.labtutor.check.LessonOutcome;
import dev.labtutor.check.Prober;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.LabFile;
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
 * The whole learner session, one immutable value: the course, the lab (empty before the learner has a lab file), the
 * language, the progress (lessons' states and records, the current lesson and step), what is running, the watch mode,
 * the question being asked, the hint level and solution on screen, the last message, the time, and the verdicts of the
 * lessons checked in this session. Views draw this and nothing else.
 *
 * <p>{@code verdicts} holds, per lesson checked in this session, the verdicts its marks were made from, in the order of
 * its marks (see {@link #verdicts(String)}); the progress keeps the marks only.
 */
public record SessionState(Course course, Optional<LabFile> lab, Lang lang, Progress progress, Optional<Run> running,
        Optional<Instant> watching, Optional<Instant> nextRound, Ask ask, boolean solutionOpen, int hintShown,
        Optional<Flash> flash, Instant now, Instant lastActive, long runs, boolean done,
        Map<String, List<Verdict>> verdicts) {

    public SessionState {
        verdicts = Map.copyOf(verdicts);
    }

    /**
     * What the session is doing: nothing, one check (or re-check) running, or watching (rounds until it passes, or
     * w/Esc).
     */
    public enum Mode {
        IDLE, CHECKING, WATCHING
    }

    /** A question waiting for yes or no. */
    public enum Ask {
        NONE, SOLUTION, QUIT
    }

    /** What a run is for: one check, a round of watching, or re-checking the passed lessons. */
    public enum Kind {
        CHECK, WATCH, RECHECK
    }

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
            return new Run(id, kind, lessons, started, hosts, l.subList(Math.max(0, l.size() - keep), l.size()),
                    checked, countsAttempt);
        }

        Run lessonDone() {
            return new Run(id, kind, lessons, started, Map.of(), lines, checked + 1, countsAttempt);
        }
    }

    /** The message line: what just happened. */
    public record Flash(Level level, Text text) {
        public enum Level {
            INFO, SUCCESS, WARNING, ERROR
        }
    }

    public static SessionState start(Course course, Optional<LabFile> lab, Lang lang, Progress progress, Instant now) {
        SessionState s = new SessionState(course, lab, lang, progress, Optional.empty(), Optional.empty(),
                Optional.empty(), Ask.NONE, false, 0, Optional.empty(), now, now, 0, false, Map.of());
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

    /**
     * The results of a lesson's last check as verdicts, one per mark and in the marks' order: the verdict a mark was
     * made from when this session judged it, else the verdict the mark remembers (a mark from an earlier session, or a
     * watched PASS kept in the progress). What the reports of a lesson render, in text and in JSON alike.
     */
    public List<Verdict> verdicts(String lessonId) {
        List<Verdict> judged = verdicts.getOrDefault(lessonId, List.of());
        List<Verdict> out = new java.util.ArrayList<>();
        for (CheckMark m : marks(lessonId)) {
            out.add(judged.stream().filter(v -> Marks.of(v).equals(m)).findFirst().orElseGet(() -> Marks.verdict(m)));
        }
        return out;
    }

    /** Passed once, but its last check found something not passing. */
    public boolean brokenNow(String lessonId) {
        List<CheckMark> m = marks(lessonId);
        return stateOf(lessonId) == LessonState.PASSED && !LessonOutcome.passes(m, CheckMark::passed);
    }

    public int step() {
        return progress.step();
    }

    /** This state with what a round found on the hosts (interfaces, distributions) kept in its progress. */
    public SessionState withHosts(HostProfiles found) {
        return withProgress(progress.withIfaces(found.ifaces()).withDistros(found.distros()));
    }

    /** The values that fill the lesson text: the lab's, with the interfaces and distributions last detected. */
    public Bindings bindings() {
        return Bindings.of(course, lab).withIfaces(progress.ifaces()).withDistros(progress.distros());
    }

    public boolean busy() {
        return running.isPresent();
    }

    /**
     * Watching lasts from {@code w} until everything passes or {@code w}/Esc, its rounds and their messages included.
     */
    public Mode mode() {
        return watching.isPresent() ? Mode.WATCHING : running.isPresent() ? Mode.CHECKING : Mode.IDLE;
    }

    SessionState withProgress(Progress p) {
        return copy(c -> c.progress = p);
    }

    SessionState withRunning(Optional<Run> r) {
        return copy(c -> c.running = r);
    }

    SessionState withWatch(Optional<Instant> since, Optional<Instant> next) {
        return copy(c -> {
            c.watching = since;
            c.nextRound = next;
        });
    }

    SessionState withAsk(Ask a) {
        return copy(c -> c.ask = a);
    }

    SessionState withView(boolean solution, int hint) {
        return copy(c -> {
            c.solutionOpen = solution;
            c.hintShown = hint;
        });
    }

    SessionState withFlash(Optional<Flash> f) {
        return copy(c -> c.flash = f);
    }

    SessionState flash(Flash.Level level, Text text) {
        return withFlash(Optional.of(new Flash(level, text)));
    }

    SessionState withLang(Lang l) {
        return copy(c -> c.lang = l);
    }

    SessionState at(Instant time, Instant active) {
        return copy(c -> {
            c.now = time;
            c.lastActive = active;
        });
    }

    SessionState withRuns(long n) {
        return copy(c -> c.runs = n);
    }

    SessionState finished() {
        return copy(c -> c.done = true);
    }

    /** The state with the verdicts of {@code lessonId}'s last check (see {@link #verdicts(String)}). */
    SessionState withVerdicts(String lessonId, List<Verdict> v) {
        Map<String, List<Verdict>> all = new LinkedHashMap<>(verdicts);
        all.put(lessonId, List.copyOf(v));
        return copy(c -> c.verdicts = all);
    }

    /** This state with some of its parts changed; the one place that lists every part. */
    private SessionState copy(java.util.function.Consumer<Parts> change) {
        Parts c = new Parts(this);
        change.accept(c);
        return new SessionState(course, lab, c.lang, c.progress, c.running, c.watching, c.nextRound, c.ask,
                c.solutionOpen, c.hintShown, c.flash, c.now, c.lastActive, c.runs, c.done, c.verdicts);
    }

    /** The parts of a state that change, to be set by name in {@link #copy}. */
    private static final class Parts {
        Lang lang;
        Progress progress;
        Optional<Run> running;
        Optional<Instant> watching;
        Optional<Instant> nextRound;
        Ask ask;
        boolean solutionOpen;
        int hintShown;
        Optional<Flash> flash;
        Instant now;
        Instant lastActive;
        long runs;
        boolean done;
        Map<String, List<Verdict>> verdicts;

        Parts(SessionState s) {
            lang = s.lang;
            progress = s.progress;
            running = s.running;
            watching = s.watching;
            nextRound = s.nextRound;
            ask = s.ask;
            solutionOpen = s.solutionOpen;
            hintShown = s.hintShown;
            flash = s.flash;
            now = s.now;
            lastActive = s.lastActive;
            runs = s.runs;
            done = s.done;
            verdicts = s.verdicts;
        }
    }
}
