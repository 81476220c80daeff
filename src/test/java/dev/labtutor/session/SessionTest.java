package dev.labtutor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.Prober;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.progress.LabKey;
import dev.labtutor.progress.LessonState;
import dev.labtutor.progress.Progress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The learner's state machine, driven by intents alone: no terminal, no SSH, no threads. */
class SessionTest {

    /** Steps a session with a clock the test moves, keeping the effects of the last step. */
    static final class Sim {
        final Session session = new Session();
        SessionState state;
        List<Effect> effects = List.of();
        Instant now = Instant.parse("2025-03-01T08:00:00Z");

        Sim(Course course, boolean lab) {
            state = SessionState.start(course, lab ? Optional.of(Fixtures.lab()) : Optional.empty(), Lang.EN,
                    Progress.empty(course.id(), LabKey.NONE), now);
        }

        Sim(Course course) {
            this(course, true);
        }

        Sim send(Intent i) {
            Session.Transition t = session.update(state, i, now);
            state = t.state();
            effects = t.effects();
            return this;
        }

        Sim later(Duration d) {
            now = now.plus(d);
            return this;
        }

        long run() {
            return effects.stream().filter(Effect.RunCheck.class::isInstance).map(e -> ((Effect.RunCheck) e).run())
                    .findFirst().orElseThrow(() -> new AssertionError("no check started: " + effects));
        }

        Sim finish(long run, String lesson, List<Verdict> verdicts) {
            send(new Intent.LessonChecked(run, lesson, verdicts));
            return send(new Intent.RunFinished(run));
        }

        Lesson lesson(int i) {
            return state.course().lessons().get(i);
        }

        <T extends Effect> List<T> effects(Class<T> type) {
            return effects.stream().filter(type::isInstance).map(type::cast).toList();
        }

        String flash() {
            return state.flash().map(f -> f.text().en()).orElse("");
        }
    }

    @Test
    void firstLessonIsOpenAndTheRestLocked() {
        Sim s = new Sim(Fixtures.course());
        assertEquals("install", s.state.current().id());
        assertEquals(LessonState.OPEN, s.state.stateOf("install"));
        assertEquals(LessonState.LOCKED, s.state.stateOf("master"));
        assertEquals(LessonState.LOCKED, s.state.stateOf("backup"));
        assertEquals(3, s.state.progress().lessons().size(), "every lesson has a record");
        assertTrue(s.state.record("install").firstOpened().isPresent());
    }

    @Test
    void freeGatingOpensEveryLesson() {
        Sim s = new Sim(Fixtures.free());
        for (Lesson l : s.state.course().lessons()) {
            assertEquals(LessonState.OPEN, s.state.stateOf(l.id()), l.id());
        }
    }

    @Test
    void aCheckRunsInTheBackgroundShowsHostPhasesAndPassingUnlocksTheNextLesson() {
        Sim s = new Sim(Fixtures.course());
        s.send(new Intent.Check());
        long run = s.run();
        assertEquals(List.of("install"), s.effects(Effect.RunCheck.class).get(0).lessons());
        assertTrue(s.state.busy());
        s.send(new Intent.HostPhase(run, "lb01", Prober.Phase.CONNECTING))
                .send(new Intent.HostPhase(run, "lb02", Prober.Phase.LOGGING_IN))
                .send(new Intent.HostPhase(run, "lb01", Prober.Phase.PROBING));
        assertEquals(Prober.Phase.PROBING, s.state.running().orElseThrow().hosts().get("lb01"));
        assertEquals(Prober.Phase.LOGGING_IN, s.state.running().orElseThrow().hosts().get("lb02"));
        s.later(Duration.ofSeconds(3)).send(new Intent.LessonChecked(run, "install", Fixtures.verdicts(s.lesson(0))));
        Progress saved = s.effects(Effect.Save.class).get(0).progress();
        assertEquals(LessonState.PASSED, saved.lesson("install").orElseThrow().state());
        assertEquals(LessonState.OPEN, saved.lesson("master").orElseThrow().state());
        s.send(new Intent.RunFinished(run));
        assertFalse(s.state.busy());
        assertEquals(LessonState.PASSED, s.state.stateOf("install"));
        assertEquals(LessonState.OPEN, s.state.stateOf("master"), "the next lesson unlocks");
        assertEquals(LessonState.LOCKED, s.state.stateOf("backup"));
        assertTrue(s.flash().contains("Lesson 1 passed") && s.flash().contains("Press n for lesson 2"), s.flash());
        assertEquals(1, s.state.record("install").attempts());
        assertTrue(s.state.record("install").passedAt().isPresent());
        assertEquals(6, s.state.marks("install").size(), "a mark per check of install");
        s.send(new Intent.Next());
        assertEquals("master", s.state.current().id());
    }

    @Test
    void aFailureKeepsTheLessonOpenPointsAtItsStepAndTheHintsClimb() {
        Sim s = new Sim(Fixtures.course());
        s.send(new Intent.Check());
        s.finish(s.run(), "install", Fixtures.verdicts(s.lesson(0), "firewalld-stopped"));
        assertEquals(LessonState.OPEN, s.state.stateOf("install"));
        assertEquals(LessonState.LOCKED, s.state.stateOf("master"));
        assertEquals(1, s.state.step(), "the step with the failing check");
        assertTrue(s.flash().contains("5 of 6 checks pass"), s.flash());
        s.send(new Intent.Hint());
        List<String> one = Hints.lines(s.state, s.state.hintShown()).stream().map(t -> t.en()).toList();
        assertEquals(1, one.size(), one.toString());
        assertTrue(one.get(0).contains("firewalld-stopped") && one.get(0).contains("lb02")
                && one.get(0).contains("do step one"), one.toString());
        s.send(new Intent.Hint()).send(new Intent.Hint());
        List<String> three = Hints.lines(s.state, s.state.hintShown()).stream().map(t -> t.en()).toList();
        assertTrue(three.stream().anyMatch(l -> l.contains("step 2")), three.toString());
        assertTrue(three.stream().anyMatch(l -> l.contains("[lb01]# systemctl stop firewalld")), three.toString());
        assertEquals(3, s.state.record("install").hintLevel());
        s.send(new Intent.Hint());
        assertTrue(s.flash().contains("no more hints"), s.flash());
        assertEquals(3, s.state.hintShown());
        s.send(new Intent.Check());
        s.finish(s.run(), "install", Fixtures.verdicts(s.lesson(0), "firewalld-stopped"));
        assertEquals(2, s.state.record("install").attempts());
    }

    @Test
    void checkingALockedLessonShowsItsResultsWithoutMovingTheLearnerOrPassingAnything() {
        Sim s = new Sim(Fixtures.course());
        s.send(new Intent.CheckLesson("backup"));
        assertEquals(List.of("backup"), s.effects(Effect.RunCheck.class).get(0).lessons());
        assertEquals("install", s.state.current().id(), "checking a locked lesson does not move the learner");
        s.finish(s.run(), "backup", Fixtures.verdicts(s.lesson(2), s.lesson(2).checks().get(0).id()));
        assertEquals("install", s.state.current().id());
        assertEquals(LessonState.LOCKED, s.state.stateOf("backup"));
        assertEquals(LessonState.LOCKED, s.state.stateOf("master"));
        assertFalse(s.state.marks("backup").isEmpty(), "its results are kept to be shown");
        assertEquals(0, s.state.record("backup").attempts(), "a lesson that cannot pass yet is not attempted");
        assertTrue(s.flash().startsWith("Lesson 3 is locked: ") && s.flash().contains("nothing is passed or unlocked"),
                s.flash());

        s.send(new Intent.CheckLesson("backup"));
        s.finish(s.run(), "backup", Fixtures.verdicts(s.lesson(2)));
        assertEquals(LessonState.LOCKED, s.state.stateOf("backup"), "all passing does not pass a locked lesson");
        assertEquals("install", s.state.current().id());

        s.send(new Intent.CheckLesson("install"));
        assertEquals(List.of("install"), s.effects(Effect.RunCheck.class).get(0).lessons(),
                "an open lesson is checked as c does");
    }

    @Test
    void aSessionStartsAtTheFirstOpenLessonOnceTheOneTheLearnerWasOnHasPassed() {
        Sim s = new Sim(Fixtures.course());
        s.send(new Intent.Check()).finish(s.run(), "install", Fixtures.verdicts(s.lesson(0)));
        assertEquals("install", s.state.current().id(),
                "the tutor stays on the lesson just passed, to show its results");
        SessionState next = SessionState.start(s.state.course(), s.state.lab(), Lang.EN, s.state.progress(), s.now);
        assertEquals("master", next.current().id(), "where you are: the lesson the pass opened");
        assertTrue(next.record("master").firstOpened().isPresent());

        s.send(new Intent.Open("backup"));
        assertEquals("backup", s.state.current().id());
        SessionState reading = SessionState.start(s.state.course(), s.state.lab(), Lang.EN, s.state.progress(), s.now);
        assertEquals("master", reading.current().id(), "a locked lesson the learner was reading is not where they are");

        s.send(new Intent.Open("master"));
        SessionState same = SessionState.start(s.state.course(), s.state.lab(), Lang.EN, s.state.progress(), s.now);
        assertEquals("master", same.current().id(), "an open lesson stays where the learner is");
    }

    @Test
    void aPassedLessonStaysPassedWhenARecheckFindsItBroken() {
        Sim s = new Sim(Fixtures.course());
        s.send(new Intent.Check()).finish(s.run(), "install", Fixtures.verdicts(s.lesson(0)));
        s.send(new Intent.Next()).send(new Intent.Check()).finish(s.run(), "master", Fixtures.verdicts(s.lesson(1)));
        assertEquals(LessonState.PASSED, s.state.stateOf("master"));
        s.send(new Intent.RecheckPassed());
        long run = s.run();
        assertEquals(List.of("install", "master"), s.effects(Effect.RunCheck.class).get(0).lessons());
        s.send(new Intent.LessonChecked(run, "install", Fixtures.verdicts(s.lesson(0), "selinux-not-enforcing")));
        s.send(new Intent.LessonChecked(run, "master", Fixtures.verdicts(s.lesson(1))));
        s.send(new Intent.RunFinished(run));
        assertEquals(LessonState.PASSED, s.state.stateOf("install"), "broken now, still passed");
        assertEquals(LessonState.OPEN, s.state.stateOf("backup"), "nothing is locked again");
        assertTrue(s.state.brokenNow("install"));
        assertFalse(s.state.brokenNow("master"));
        assertTrue(s.flash().contains("install is broken now"), s.flash());
        assertEquals(1, s.state.record("install").attempts(), "a re-check is not an attempt");
    }

    @Test
    void cancellingStopsTheRunAndItsLateReportsAreIgnored() {
        Sim s = new Sim(Fixtures.course());
        s.send(new Intent.Check());
        long run = s.run();
        s.send(new Intent.Cancel());
        assertEquals(List.of(new Effect.CancelRun(run)), s.effects(Effect.CancelRun.class));
        assertFalse(s.state.busy());
        assertEquals("check cancelled", s.flash());
        s.finish(run, "install", Fixtures.verdicts(s.lesson(0)));
        assertEquals(LessonState.OPEN, s.state.stateOf("install"), "a cancelled run's verdicts are not recorded");
        assertEquals(0, s.state.record("install").attempts());
    }

    @Test
    void watchReChecksEveryTwoSecondsUntilEverythingPassesAndCountsOneAttempt() {
        Sim s = new Sim(Fixtures.course());
        s.send(new Intent.Watch());
        long first = s.run();
        s.later(Duration.ofMillis(800)).finish(first, "install", Fixtures.verdicts(s.lesson(0), "ipvsadm-installed"));
        assertTrue(s.state.watching().isPresent());
        s.later(Duration.ofMillis(1500)).send(new Intent.Tick());
        assertTrue(s.effects(Effect.RunCheck.class).isEmpty(), "not before 2 s");
        s.later(Duration.ofMillis(600)).send(new Intent.Tick());
        long second = s.run();
        assertTrue(second > first);
        s.finish(second, "install", Fixtures.verdicts(s.lesson(0)));
        assertTrue(s.state.watching().isEmpty(), "watching stops when everything passes");
        assertEquals(LessonState.PASSED, s.state.stateOf("install"));
        assertEquals(1, s.state.record("install").attempts());
    }

    @Test
    void watchStopsOnWOrEscAndCancelsItsRound() {
        Sim s = new Sim(Fixtures.course());
        s.send(new Intent.Watch());
        long run = s.run();
        s.send(new Intent.Watch());
        assertTrue(s.state.watching().isEmpty());
        assertEquals(List.of(new Effect.CancelRun(run)), s.effects(Effect.CancelRun.class));
        s.send(new Intent.Watch()).send(new Intent.Cancel());
        assertTrue(s.state.watching().isEmpty() && !s.state.busy());
    }

    @Test
    void theSolutionIsAskedForOnceAndRecorded() {
        Sim s = new Sim(Fixtures.course());
        s.send(new Intent.Solution());
        assertEquals(SessionState.Ask.SOLUTION, s.state.ask());
        assertFalse(s.state.solutionOpen());
        s.send(new Intent.Confirm(false));
        assertFalse(s.state.solutionOpen());
        assertTrue(s.state.record("install").solutionViewed().isEmpty());
        s.later(Duration.ofSeconds(5)).send(new Intent.Solution()).send(new Intent.Confirm(true));
        assertTrue(s.state.solutionOpen());
        assertEquals(Optional.of(s.now), s.state.record("install").solutionViewed());
        s.send(new Intent.Cancel());
        assertFalse(s.state.solutionOpen());
        s.send(new Intent.Solution());
        assertTrue(s.state.solutionOpen(), "asked once per lesson");
    }

    @Test
    void quittingWhileACheckRunsAsksFirst() {
        Sim s = new Sim(Fixtures.course());
        s.send(new Intent.Quit());
        assertTrue(s.state.done());
        assertEquals(1, s.effects(Effect.Exit.class).size());
        s = new Sim(Fixtures.course());
        s.send(new Intent.Check());
        long run = s.run();
        s.send(new Intent.Quit());
        assertFalse(s.state.done());
        assertEquals(SessionState.Ask.QUIT, s.state.ask());
        s.send(new Intent.Confirm(true));
        assertTrue(s.state.done());
        assertEquals(List.of(new Effect.CancelRun(run)), s.effects(Effect.CancelRun.class));
        assertEquals(1, s.effects(Effect.Exit.class).size());
    }

    @Test
    void aQuizOnlyLessonPassesWhenEveryAnswerIsRight() {
        Sim s = new Sim(Fixtures.withQuizFirst(false), false);
        assertEquals("basics", s.state.current().id());
        s.send(new Intent.Answer("vip", "a"));
        assertTrue(s.flash().contains("not right") && s.flash().contains("never moves"), s.flash());
        assertEquals(LessonState.OPEN, s.state.stateOf("basics"));
        assertEquals("fail", s.state.marks("basics").get(0).status());
        s.send(new Intent.Check());
        assertTrue(s.effects(Effect.RunCheck.class).isEmpty(), "a quiz needs no lab");
        assertEquals(LessonState.OPEN, s.state.stateOf("basics"));
        s.send(new Intent.Answer("vip", "B"));
        assertEquals(LessonState.PASSED, s.state.stateOf("basics"));
        assertEquals(LessonState.OPEN, s.state.stateOf("install"));
        assertEquals("b", s.state.record("basics").answers().get("vip"));
    }

    @Test
    void aLessonWithNoChecksAndNoQuizPassesWhenCheckedAndOpensTheNext() {
        Course c = Fixtures.withQuizFirst(false);
        Lesson basics = c.lessons().get(0);
        Lesson reading = new Lesson(basics.id(), basics.title(), basics.intro(), basics.roles(), basics.steps(),
                List.of(), List.of(), basics.file());
        List<Lesson> lessons = new ArrayList<>(c.lessons());
        lessons.set(0, reading);
        Sim s = new Sim(new Course(c.id(), c.title(), c.dir(), c.roles(), c.vars(), c.defaultHosts(), c.notes(),
                lessons, c.gating()), false);
        assertEquals(LessonState.OPEN, s.state.stateOf("basics"));
        s.send(new Intent.Check());
        assertTrue(s.effects(Effect.RunCheck.class).isEmpty(), "nothing to check on a lab");
        assertEquals(LessonState.PASSED, s.state.stateOf("basics"), "nothing in it can fail: " + s.flash());
        assertEquals(LessonState.OPEN, s.state.stateOf("install"));
    }

    @Test
    void aLessonWithAQuizAndChecksNeedsBoth() {
        Sim s = new Sim(Fixtures.withQuizFirst(true));
        s.send(new Intent.Check()).finish(s.run(), "basics", Fixtures.verdicts(s.lesson(0)));
        assertEquals(LessonState.OPEN, s.state.stateOf("basics"), "the quiz is not answered");
        assertEquals(s.lesson(0).checks().size() + 1, s.state.marks("basics").size(),
                "a mark per lab check and one for the quiz");
        assertEquals("quiz", s.state.marks("basics").get(s.lesson(0).checks().size()).check());
        s.send(new Intent.Answer("vip", "b"));
        assertEquals(LessonState.OPEN, s.state.stateOf("basics"), "answering alone does not re-run the lab checks");
        s.send(new Intent.Check()).finish(s.run(), "basics", Fixtures.verdicts(s.lesson(0)));
        assertEquals(LessonState.PASSED, s.state.stateOf("basics"));
    }

    @Test
    void checkingALockedLessonDoesNotPassIt() {
        Sim s = new Sim(Fixtures.course());
        s.send(new Intent.Open("backup"));
        assertEquals("backup", s.state.current().id());
        assertTrue(s.flash().contains("opens once lesson 1 (install) passes"), s.flash());
        s.send(new Intent.Check()).finish(s.run(), "backup", Fixtures.verdicts(s.lesson(2)));
        assertEquals(LessonState.LOCKED, s.state.stateOf("backup"));
        assertTrue(s.flash().contains("not recorded as passed"), s.flash());
    }

    @Test
    void withoutALabFileACheckSaysHowToGetOne() {
        Sim s = new Sim(Fixtures.course(), false);
        s.send(new Intent.Check());
        assertTrue(s.effects(Effect.RunCheck.class).isEmpty());
        assertTrue(s.flash().contains("no lab file"), s.flash());
    }

    @Test
    void timeSpentCountsActiveGapsOnly() {
        Sim s = new Sim(Fixtures.course());
        s.later(Duration.ofSeconds(30)).send(new Intent.Hint());
        s.later(Duration.ofMinutes(10)).send(new Intent.Hint());
        s.later(Duration.ofSeconds(20)).send(new Intent.Tick());
        s.later(Duration.ofSeconds(10)).send(new Intent.Cancel());
        assertEquals(Duration.ofSeconds(60), s.state.record("install").timeSpent());
    }

    @Test
    void languageSwitchesAndARunFailureIsShownInOneSentence() {
        Sim s = new Sim(Fixtures.course());
        s.send(new Intent.SwitchLanguage());
        assertEquals(Lang.ZH, s.state.lang());
        s.send(new Intent.Check());
        long run = s.run();
        s.send(new Intent.RunFailed(run, dev.labtutor.i18n.Text.of("缺少 lb02", "lb02 is missing")));
        assertFalse(s.state.busy());
        assertEquals(SessionState.Flash.Level.ERROR, s.state.flash().orElseThrow().level());
    }

    @Test
    void beginSavesAFreshProgressAndLooksForTheInterfaces() {
        Sim s = new Sim(Fixtures.course());
        Session.Transition t = s.session.begin(s.state, false);
        assertEquals(1, t.effects().stream().filter(Effect.Save.class::isInstance).count());
        Effect.DetectHosts d = t.effects().stream().filter(Effect.DetectHosts.class::isInstance)
                .map(Effect.DetectHosts.class::cast).findFirst().orElseThrow();
        assertTrue(d.roles().contains("lb01"));
        dev.labtutor.lab.Distro c7 = DriverTest.CENTOS7;
        s.send(new Intent.HostsDetected(
                new HostProfiles(java.util.Map.of("lb01", "eth7"), java.util.Map.of("lb01", c7))));
        assertEquals("eth7", s.state.bindings().lookup("lb01.iface").orElseThrow());
        assertEquals(dev.labtutor.lab.Family.CENTOS7, s.state.bindings().family("lb01"));
        assertEquals(dev.labtutor.lab.Family.OPENEULER, s.state.bindings().family("lb02"),
                "not detected: the document's family");
        assertEquals(c7, s.state.progress().distros().get("lb01"));
        List<Effect> none = new ArrayList<>(
                s.session.begin(s.state.withProgress(s.state.progress().stamped(s.now)), true).effects());
        none.removeIf(Effect.DetectHosts.class::isInstance);
        assertTrue(none.isEmpty(), none.toString());
    }
}
