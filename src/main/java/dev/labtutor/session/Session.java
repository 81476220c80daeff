package dev.labtutor.session;

import dev.labtutor.check.LessonOutcome;
import dev.labtutor.check.TimelineCheck;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Step;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.LessonProgress;
import dev.labtutor.progress.LessonState;
import dev.labtutor.progress.Progress;
import dev.labtutor.session.SessionState.Ask;
import dev.labtutor.session.SessionState.Flash;
import dev.labtutor.session.SessionState.Kind;
import dev.labtutor.session.SessionState.Run;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The learner's state machine: {@code update(state, intent, now) -> (state, effects)}, a pure function. The full-screen
 * app, the plain mode and the {@code check} command all drive it; {@link Driver} runs the effects and feeds their
 * reports back in.
 *
 * <p>Rules: a lesson opens when every lesson before it has passed (all open with {@code gating: free}); it passes when
 * all its checks (and its quiz) pass in one check of an open lesson; a passed lesson stays passed, and a re-check that
 * finds it broken says so without locking anything. Attempts count the check runs of a lesson not passed yet (a watch
 * counts once). Time spent adds the gaps between the learner's actions on the current lesson, gaps over two minutes not
 * counted.
 */
public final class Session {

    /** The new state and what to do about it. */
    public record Transition(SessionState state, List<Effect> effects) {
        public Transition {
            effects = List.copyOf(effects);
        }
    }

    public static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);
    static final Duration IDLE_CAP = Duration.ofMinutes(2);
    private static final int KEEP_LINES = 200;

    private final QuizGrading quiz;

    public Session(QuizGrading quiz) {
        this.quiz = quiz;
    }

    public Session() {
        this(QuizGrading.LOCAL);
    }

    /** What to do when a session starts: record the progress as normalized, look at the hosts' interfaces. */
    public Transition begin(SessionState s, boolean progressExisted) {
        return begin(s, progressExisted, true);
    }

    /**
     * As {@link #begin(SessionState, boolean)}; {@code lookAtHosts} false for one-shot commands that need no interface
     * names.
     */
    public Transition begin(SessionState s, boolean progressExisted, boolean lookAtHosts) {
        List<Effect> fx = new ArrayList<>();
        if (!progressExisted || s.progress().updated().isEmpty()) {
            Progress p = s.progress().stamped(s.now());
            s = s.withProgress(p);
            fx.add(new Effect.Save(p));
        }
        if (lookAtHosts && s.lab().isPresent() && !s.lab().get().hosts().isEmpty()) {
            fx.add(new Effect.DetectHosts(s.lab().get().hosts().keySet()));
        }
        return new Transition(s, fx);
    }

    public Transition update(SessionState before, Intent intent, Instant now) {
        SessionState s = before.at(now, before.lastActive());
        List<Effect> fx = new ArrayList<>();
        if (countsAsActivity(intent)) {
            s = spend(s, now);
        }
        s = apply(s, intent, fx);
        if (!s.progress().equals(before.progress())) {
            Progress p = Gating.normalize(s.course(), s.progress(), now).stamped(now);
            s = s.withProgress(p);
            fx.add(0, new Effect.Save(p));
        }
        if (s.done() && !before.done()) {
            fx.add(new Effect.Exit());
        }
        return new Transition(s, fx);
    }

    private SessionState apply(SessionState s, Intent intent, List<Effect> fx) {
        if (intent instanceof Intent.Open o) {
            return open(s, o.lesson(), fx);
        } else if (intent instanceof Intent.Next) {
            return step(s, 1, fx);
        } else if (intent instanceof Intent.Previous) {
            return step(s, -1, fx);
        } else if (intent instanceof Intent.Check) {
            return check(s, fx);
        } else if (intent instanceof Intent.CheckLesson c) {
            return checkLesson(s, c.lesson(), fx);
        } else if (intent instanceof Intent.Watch) {
            return watch(s, fx);
        } else if (intent instanceof Intent.Cancel) {
            return cancel(s, fx);
        } else if (intent instanceof Intent.Hint) {
            return hint(s);
        } else if (intent instanceof Intent.Solution) {
            return solution(s);
        } else if (intent instanceof Intent.Confirm c) {
            return confirm(s, c.yes(), fx);
        } else if (intent instanceof Intent.RecheckPassed) {
            return recheck(s, fx);
        } else if (intent instanceof Intent.SwitchLanguage) {
            return s.withLang(s.lang() == Lang.ZH ? Lang.EN : Lang.ZH);
        } else if (intent instanceof Intent.Answer a) {
            return answer(s, a.question(), a.choice());
        } else if (intent instanceof Intent.Quit) {
            return quit(s, fx);
        } else if (intent instanceof Intent.Tick) {
            return tick(s, fx);
        } else if (intent instanceof Intent.HostPhase h) {
            return ours(s, h.run()) ? s.withRunning(s.running().map(r -> r.withPhase(h.host(), h.phase()))) : s;
        } else if (intent instanceof Intent.CheckLine l) {
            return ours(s, l.run()) ? s.withRunning(s.running().map(r -> r.withLine(l.line(), KEEP_LINES))) : s;
        } else if (intent instanceof Intent.LessonChecked c) {
            return ours(s, c.run()) ? checked(s, c.lesson(), c.verdicts()) : s;
        } else if (intent instanceof Intent.RunFinished f) {
            return ours(s, f.run()) ? finished(s) : s;
        } else if (intent instanceof Intent.RunFailed f) {
            return ours(s, f.run()) ? s.withRunning(Optional.empty()).withWatch(Optional.empty(), Optional.empty())
                    .flash(Flash.Level.ERROR, f.reason()) : s;
        } else if (intent instanceof Intent.HostsDetected d) {
            return s.withHosts(d.found());
        } else if (intent instanceof Intent.Notice n) {
            return s.flash(n.warning() ? Flash.Level.WARNING : Flash.Level.INFO, n.text());
        }
        throw new IllegalArgumentException("unknown intent " + intent);
    }

    private static boolean countsAsActivity(Intent i) {
        return !(i instanceof Intent.Tick || i instanceof Intent.HostPhase || i instanceof Intent.CheckLine
                || i instanceof Intent.HostsDetected || i instanceof Intent.Notice || i instanceof Intent.RunFinished
                || i instanceof Intent.RunFailed);
    }

    private static SessionState spend(SessionState s, Instant now) {
        Duration gap = Duration.between(s.lastActive(), now);
        SessionState out = s.at(now, now);
        if (gap.isNegative() || gap.isZero() || gap.compareTo(IDLE_CAP) > 0) {
            return out;
        }
        String id = s.current().id();
        return out.withProgress(s.progress().with(id, s.record(id).spent(gap)));
    }

    private static boolean ours(SessionState s, long run) {
        return s.running().map(r -> r.id() == run).orElse(false);
    }

    // --- navigation -------------------------------------------------------------------------

    private static SessionState open(SessionState s, String id, List<Effect> fx) {
        Optional<Lesson> lesson = s.course().lesson(id);
        if (lesson.isEmpty()) {
            return s.flash(Flash.Level.ERROR, Text.of("没有这一课：" + id, "there is no lesson " + id));
        }
        if (id.equals(s.current().id())) {
            return s.withView(false, s.hintShown()).withAsk(Ask.NONE);
        }
        s = stopWatching(s, fx);
        LessonProgress rec = s.record(id).opened(s.now());
        Progress p = s.progress().with(id, rec).at(id, currentStep(lesson.get(), rec.checks()));
        s = s.withProgress(p).withView(false, 0).withAsk(Ask.NONE).withFlash(Optional.empty());
        if (s.stateOf(id) == LessonState.LOCKED) {
            s = s.flash(Flash.Level.INFO, lockedText(s, id));
        }
        return s;
    }

    private static SessionState step(SessionState s, int delta, List<Effect> fx) {
        int i = s.index(s.current().id()) + delta;
        if (i < 0 || i >= s.course().lessons().size()) {
            return s.flash(Flash.Level.INFO, delta > 0 ? Text.of("这是最后一课", "this is the last lesson")
                    : Text.of("这是第一课", "this is the first lesson"));
        }
        return open(s, s.course().lessons().get(i).id(), fx);
    }

    // --- checking ---------------------------------------------------------------------------

    private SessionState check(SessionState s, List<Effect> fx) {
        if (s.busy()) {
            return s.flash(Flash.Level.INFO, Text.of("正在检查（Esc 取消）", "a check is running (Esc cancels it)"));
        }
        Lesson l = s.current();
        if (l.checks().isEmpty()) {
            return checked(s, l.id(), List.of(), true);
        }
        if (s.lab().isEmpty()) {
            return s.flash(Flash.Level.ERROR, noLab());
        }
        return startRun(s, Kind.CHECK, List.of(l.id()), true, fx);
    }

    /**
     * A locked lesson is checked where the learner is not: they stay where they are (see {@link Intent.CheckLesson}).
     */
    private SessionState checkLesson(SessionState s, String id, List<Effect> fx) {
        Optional<Lesson> lesson = s.course().lesson(id);
        if (lesson.isEmpty() || s.stateOf(id) != LessonState.LOCKED) {
            s = open(s, id, fx);
            return lesson.isEmpty() ? s : check(s, fx);
        }
        if (s.busy()) {
            return s.flash(Flash.Level.INFO, Text.of("正在检查（Esc 取消）", "a check is running (Esc cancels it)"));
        }
        if (lesson.get().checks().isEmpty()) {
            return checked(s, id, List.of(), false);
        }
        if (s.lab().isEmpty()) {
            return s.flash(Flash.Level.ERROR, noLab());
        }
        return startRun(s, Kind.CHECK, List.of(id), false, fx);
    }

    private SessionState watch(SessionState s, List<Effect> fx) {
        if (s.watching().isPresent()) {
            return stopWatching(s, fx).flash(Flash.Level.INFO, Text.of("已停止监视", "stopped watching"));
        }
        if (s.current().checks().isEmpty()) {
            return check(s, fx);
        }
        if (s.lab().isEmpty()) {
            return s.flash(Flash.Level.ERROR, noLab());
        }
        s = s.withWatch(Optional.of(s.now()), Optional.of(s.now())).withFlash(Optional.empty());
        return s.busy() ? s : startRun(s, Kind.WATCH, List.of(s.current().id()), true, fx);
    }

    private static SessionState recheck(SessionState s, List<Effect> fx) {
        if (s.busy()) {
            return s.flash(Flash.Level.INFO, Text.of("正在检查（Esc 取消）", "a check is running (Esc cancels it)"));
        }
        if (s.lab().isEmpty()) {
            return s.flash(Flash.Level.ERROR, noLab());
        }
        List<String> passed = s.course().lessons().stream().map(Lesson::id)
                .filter(id -> s.stateOf(id) == LessonState.PASSED).toList();
        if (passed.isEmpty()) {
            return s.flash(Flash.Level.INFO, Text.of("还没有通过的课程可以复查", "no lesson has passed yet, nothing to re-check"));
        }
        return startRun(s, Kind.RECHECK, passed, false, fx);
    }

    private static SessionState startRun(SessionState s, Kind kind, List<String> lessons, boolean counts,
            List<Effect> fx) {
        long id = s.runs() + 1;
        fx.add(new Effect.RunCheck(id, lessons, kind == Kind.WATCH));
        return s.withRuns(id)
                .withRunning(Optional.of(new Run(id, kind, lessons, s.now(), Map.of(), List.of(), 0, counts)));
    }

    private static SessionState tick(SessionState s, List<Effect> fx) {
        if (s.watching().isPresent() && !s.busy() && s.nextRound().map(t -> !t.isAfter(s.now())).orElse(false)) {
            return startRun(s, Kind.WATCH, List.of(s.current().id()), false, fx);
        }
        return s;
    }

    private SessionState checked(SessionState s, String lessonId, List<Verdict> labVerdicts) {
        boolean counts = s.running().map(Run::countsAttempt).orElse(true);
        SessionState out = checked(s, lessonId, labVerdicts, counts);
        return out.withRunning(out.running().map(Run::lessonDone));
    }

    /** Records the verdicts of one lesson (its quiz graded too) and passes it when everything passes. */
    private SessionState checked(SessionState s, String lessonId, List<Verdict> labVerdicts, boolean countAttempt) {
        Lesson lesson = s.course().lesson(lessonId).orElseThrow();
        LessonState before = s.stateOf(lessonId);
        LessonProgress rec = s.record(lessonId);
        List<Verdict> all = new ArrayList<>(labVerdicts);
        if (!lesson.quiz().isEmpty()) {
            all.add(quiz.grade(lesson.withQuizFilled(s.bindings()::render), rec.answers()));
        }
        List<CheckMark> marks = keepWatched(s.marks(lessonId), Marks.of(all));
        // counted on the marks, not the verdicts: a watched PASS kept in progress counts as passed
        long passed = marks.stream().filter(CheckMark::passed).count();
        boolean allPass = LessonOutcome.passes(marks, CheckMark::passed);
        s = s.withVerdicts(lessonId, all);
        rec = rec.checked(s.now(), marks, countAttempt && before != LessonState.PASSED);
        if (allPass && before == LessonState.OPEN) {
            rec = rec.passed(s.now());
        }
        Progress p = s.progress().with(lessonId, rec);
        if (lessonId.equals(s.current().id())) {
            p = p.at(lessonId, currentStep(lesson, marks));
        }
        s = s.withProgress(Gating.normalize(s.course(), p, s.now()));
        if (s.running().map(r -> r.kind() == Kind.RECHECK).orElse(false)) {
            return s;
        }
        int no = s.index(lessonId) + 1;
        if (allPass && before == LessonState.OPEN) {
            return s.flash(Flash.Level.SUCCESS, passedText(s, lessonId, no));
        }
        if (allPass && before == LessonState.LOCKED) {
            return s.flash(Flash.Level.INFO,
                    Text.of("全部检查通过，但这一课尚未解锁，所以不记为通过。" + lockedText(s, lessonId).zh(),
                            "Every check passes, but this lesson is locked, so it is not recorded as passed. "
                                    + lockedText(s, lessonId).en()));
        }
        if (before == LessonState.LOCKED) {
            return s.flash(Flash.Level.INFO,
                    Text.of("第 " + no + " 课尚未解锁：" + passed + "/" + marks.size() + " 项检查通过，结果仅供参考，不记为通过，也不解锁任何课程。"
                            + lockedText(s, lessonId).zh(),
                            "Lesson " + no + " is locked: " + passed + " of " + marks.size()
                                    + " checks pass; the results are shown, nothing is passed or unlocked. "
                                    + lockedText(s, lessonId).en()));
        }
        if (allPass) {
            return s.flash(Flash.Level.SUCCESS, Text.of("第 " + no + " 课仍然全部通过", "lesson " + no + " still passes"));
        }
        if (before == LessonState.PASSED) {
            return s.flash(Flash.Level.WARNING, Text.of("第 " + no + " 课以前通过了，但现在有检查不通过（见结果）；它仍记为通过",
                    "lesson " + no + " passed before but something is broken now (see the results); it stays passed"));
        }
        return s.flash(Flash.Level.WARNING, Text.of(passed + "/" + marks.size() + " 项检查通过；按 h 查看提示",
                passed + " of " + marks.size() + " checks pass; press h for a hint"));
    }

    /**
     * An observed check that passed while the tutor watched it (its mark carries the measurement) keeps that PASS when
     * a later round cannot see the failover any more (logs rotated, or a later lesson's work in between): the learner's
     * own progress is the record of what was watched. A new PASS, or a check that was never passed while watched, is
     * taken as it is.
     */
    static List<CheckMark> keepWatched(List<CheckMark> before, List<CheckMark> now) {
        List<CheckMark> out = new ArrayList<>(now.size());
        for (CheckMark m : now) {
            CheckMark kept = m;
            if (!m.passed()) {
                for (CheckMark b : before) {
                    if (b.check().equals(m.check()) && b.passed() && TimelineCheck.watched(b.notes())) {
                        List<Text> notes = new ArrayList<>(
                                b.notes().stream().filter(n -> !n.en().startsWith(RECORDED_EN)).toList());
                        notes.add(Text.of("记录于你的进度：这是 labtutor 观察时测得的；现在的检查：" + m.hosts().get(0).message().zh(),
                                RECORDED_EN + "this was measured while labtutor watched; checked now: "
                                        + m.hosts().get(0).message().en()));
                        kept = new CheckMark(b.check(), b.title(), b.status(), b.hosts(), notes);
                    }
                }
            }
            out.add(kept);
        }
        return out;
    }

    private static final String RECORDED_EN = "recorded in your progress: ";

    private static SessionState finished(SessionState s) {
        Run run = s.running().orElseThrow();
        s = s.withRunning(Optional.empty());
        if (run.kind() == Kind.RECHECK) {
            List<String> broken = run.lessons().stream().filter(s::brokenNow).toList();
            int n = run.lessons().size();
            s = broken.isEmpty()
                    ? s.flash(Flash.Level.SUCCESS,
                            Text.of("复查了 " + n + " 课已通过的课程：全部仍然通过",
                                    "re-checked " + n + " passed lesson" + (n == 1 ? "" : "s") + ": all still pass"))
                    : s.flash(Flash.Level.WARNING,
                            Text.of("复查了 " + n + " 课：" + String.join("、", broken) + " 现在有问题（仍记为通过）",
                                    "re-checked " + n + ": " + String.join(", ", broken) + " "
                                            + (broken.size() == 1 ? "is" : "are")
                                            + " broken now (still recorded as passed)"));
        }
        if (s.watching().isPresent()) {
            boolean allPass = LessonOutcome.passes(s.marks(s.current().id()), CheckMark::passed);
            s = allPass ? s.withWatch(Optional.empty(), Optional.empty())
                    : s.withWatch(s.watching(), Optional.of(s.now().plus(WATCH_INTERVAL)));
        }
        return s;
    }

    private static SessionState cancel(SessionState s, List<Effect> fx) {
        if (s.ask() != Ask.NONE) {
            return s.withAsk(Ask.NONE);
        }
        if (s.busy() || s.watching().isPresent()) {
            boolean wasRunning = s.busy();
            s = stopWatching(s, fx);
            if (s.busy()) {
                fx.add(new Effect.CancelRun(s.running().get().id()));
                s = s.withRunning(Optional.empty());
            }
            return s.flash(Flash.Level.INFO,
                    wasRunning ? Text.of("检查已取消", "check cancelled") : Text.of("已停止监视", "stopped watching"));
        }
        if (s.solutionOpen() || s.hintShown() > 0) {
            return s.withView(false, 0);
        }
        return s.withFlash(Optional.empty());
    }

    private static SessionState stopWatching(SessionState s, List<Effect> fx) {
        if (s.watching().isEmpty()) {
            return s;
        }
        s = s.withWatch(Optional.empty(), Optional.empty());
        if (s.running().map(r -> r.kind() == Kind.WATCH).orElse(false)) {
            fx.add(new Effect.CancelRun(s.running().get().id()));
            s = s.withRunning(Optional.empty());
        }
        return s;
    }

    // --- help ---------------------------------------------------------------------------------

    private static SessionState hint(SessionState s) {
        if (s.hintShown() >= Hints.LEVELS) {
            return s.flash(Flash.Level.INFO, Text.of("提示已全部显示；按 s 查看答案", "no more hints; s shows the solution"));
        }
        int level = s.hintShown() + 1;
        String id = s.current().id();
        return s.withView(s.solutionOpen(), level).withProgress(s.progress().with(id, s.record(id).hintSeen(level)));
    }

    private static SessionState solution(SessionState s) {
        if (s.solutionOpen()) {
            return s.withView(false, s.hintShown());
        }
        if (s.record(s.current().id()).solutionViewed().isPresent()) {
            return s.withView(true, s.hintShown());
        }
        return s.withAsk(Ask.SOLUTION);
    }

    private static SessionState confirm(SessionState s, boolean yes, List<Effect> fx) {
        Ask ask = s.ask();
        s = s.withAsk(Ask.NONE);
        if (!yes) {
            return s;
        }
        return switch (ask) {
            case SOLUTION -> {
                String id = s.current().id();
                yield s.withView(true, s.hintShown())
                        .withProgress(s.progress().with(id, s.record(id).solutionViewed(s.now())));
            }
            case QUIT -> {
                s = stopWatching(s, fx);
                if (s.busy()) {
                    fx.add(new Effect.CancelRun(s.running().get().id()));
                    s = s.withRunning(Optional.empty());
                }
                yield s.finished();
            }
            case NONE -> s;
        };
    }

    private static SessionState quit(SessionState s, List<Effect> fx) {
        if (s.busy()) {
            return s.withAsk(Ask.QUIT);
        }
        return stopWatching(s, fx).finished();
    }

    private SessionState answer(SessionState s, String questionId, String choice) {
        Lesson l = s.current().withQuizFilled(s.bindings()::render);
        var q = l.quiz().stream().filter(x -> x.id().equals(questionId)).findFirst();
        if (q.isEmpty()) {
            return s.flash(Flash.Level.ERROR,
                    Text.of("这一课没有这道题：" + questionId, "this lesson has no question " + questionId));
        }
        var c = q.get().choice(choice);
        if (c.isEmpty()) {
            return s.flash(Flash.Level.ERROR, Text.of("没有这个选项：" + choice, "there is no choice " + choice));
        }
        LessonProgress rec = s.record(l.id()).answered(questionId, c.get().key());
        s = s.withProgress(s.progress().with(l.id(), rec));
        Verdict qv = quiz.grade(l, rec.answers());
        List<CheckMark> marks =
                new ArrayList<>(rec.checks().stream().filter(m -> !m.check().equals(QuizGrading.CHECK_ID)).toList());
        marks.add(Marks.of(qv));
        List<Verdict> judged = new ArrayList<>(s.verdicts().getOrDefault(l.id(), List.of()).stream()
                .filter(v -> !v.check().equals(QuizGrading.CHECK_ID)).toList());
        judged.add(qv);
        s = s.withProgress(s.progress().with(l.id(), rec.withChecks(marks))).withVerdicts(l.id(), judged);
        int no = l.quiz().indexOf(q.get()) + 1;
        Text feedback = c.get().correct()
                ? Text.of("第 " + no + " 题正确。" + q.get().explain().zh(),
                        "Question " + no + " is right. " + q.get().explain().en())
                : Text.of("第 " + no + " 题不对：" + c.get().why().map(Text::zh).orElse("再想一想"),
                        "Question " + no + " is not right: " + c.get().why().map(Text::en).orElse("think again"));
        if (l.checks().isEmpty() && qv.passed()) {
            return checked(s, l.id(), List.of(), true);
        }
        return s.flash(c.get().correct() ? Flash.Level.SUCCESS : Flash.Level.WARNING, feedback);
    }

    // --- texts and small rules ------------------------------------------------------------------

    /**
     * The step to show: the first one with a check not passing; the last one when all pass; the first before any check.
     */
    static int currentStep(Lesson lesson, List<CheckMark> marks) {
        if (marks.isEmpty()) {
            return 0;
        }
        List<Step> steps = lesson.steps();
        for (int i = 0; i < steps.size(); i++) {
            for (CheckRef ref : steps.get(i).checks()) {
                if (marks.stream().anyMatch(m -> m.check().equals(ref.id()) && !m.passed())) {
                    return i;
                }
            }
        }
        return LessonOutcome.passes(marks, CheckMark::passed) ? Math.max(0, steps.size() - 1) : 0;
    }

    private static Text passedText(SessionState s, String lessonId, int no) {
        List<Lesson> lessons = s.course().lessons();
        if (no >= lessons.size()) {
            return Text.of("第 " + no + " 课通过！整个课程已完成。", "Lesson " + no + " passed! You have finished the course.");
        }
        Lesson next = lessons.get(no);
        // the key first: a narrow status line cuts the title, never what to press
        return Text.of("第 " + no + " 课通过！按 n 进入已解锁的第 " + (no + 1) + " 课「" + next.title().zh() + "」。", "Lesson " + no
                + " passed! Press n for lesson " + (no + 1) + ", now open: \"" + next.title().en() + "\".");
    }

    private static Text lockedText(SessionState s, String lessonId) {
        String first = s.course().lessons().stream().map(Lesson::id).filter(id -> s.stateOf(id) != LessonState.PASSED)
                .findFirst().orElse(lessonId);
        int no = s.index(first) + 1;
        return Text.of("这一课在第 " + no + " 课（" + first + "）通过后解锁；现在可以先阅读。",
                "This lesson opens once lesson " + no + " (" + first + ") passes; you can read it now.");
    }

    static Text noLab() {
        return Text.of("还没有实验环境文件（lab.yaml）：写一个 lab.yaml，或用 --lab 指定，或以 root 运行 labtutor sandbox up",
                "no lab file yet: write lab.yaml, pass --lab FILE, or start the sandbox as root with 'labtutor sandbox up'");
    }
}
