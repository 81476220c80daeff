package dev.labtutor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.HostMark;
import dev.labtutor.progress.LabKey;
import dev.labtutor.progress.LessonProgress;
import dev.labtutor.progress.LessonState;
import dev.labtutor.progress.Progress;
import dev.labtutor.session.Effect;
import dev.labtutor.session.Fixtures;
import dev.labtutor.session.Intent;
import dev.labtutor.session.Marks;
import dev.labtutor.session.QuizGrading;
import dev.labtutor.session.Session;
import dev.labtutor.session.SessionState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The text and JSON reports of a lesson render one model made from the session state, so they agree: where {@code check
 * --format json} used to show verdicts caught on the way (the quiz graded again without the lab's values, a watched
 * PASS not kept) and no word of a lock.
 */
class LessonReportTest {

    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private final Session session = new Session(QuizGrading.COURSE);

    private static Course fullCourse() {
        return CourseReader
                .readStrict(Path.of(System.getProperty("labtutor.root", ".")).resolve("lessons/keepalived-lvs"));
    }

    private SessionState send(SessionState s, Intent i) {
        return session.update(s, i, NOW).state();
    }

    /** Checks the current lesson with these lab verdicts, as {@code check} does through the driver. */
    private SessionState check(SessionState s, List<Verdict> lab) {
        Session.Transition t = session.update(s, new Intent.Check(), NOW);
        long run = t.effects().stream().filter(Effect.RunCheck.class::isInstance).map(e -> ((Effect.RunCheck) e).run())
                .findFirst().orElseThrow();
        s = send(t.state(), new Intent.LessonChecked(run, s.current().id(), lab));
        return send(s, new Intent.RunFinished(run));
    }

    private static LessonReport report(SessionState s, Optional<Text> note) {
        Lesson l = s.current();
        return LessonReport.of(s, l.id(), new ReportText.Header(s.index(l.id()) + 1, l.id(), l.title().in(s.lang()),
                Optional.of("/tmp/lab.yaml"), List.of()), note);
    }

    /** The statuses of the text report's rows and of the JSON's results, in order. */
    private static void sameStatuses(LessonReport r, Lang lang) {
        List<String> text = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^  (PASS|FAIL|UNREACH|ERROR)\\b").matcher(ReportText.render(r, lang, false));
        while (m.find()) {
            text.add(m.group(1));
        }
        List<String> json = new ArrayList<>();
        Matcher j = Pattern.compile(
                "\\n    \\{\\n      \"check\": \"[^\"]+\",\\n      \"title\": \"[^\"]*\",\\n      \"hosts\": \\[[^\\]]*\\],\\n      \"status\": \"(\\w+)\"")
                .matcher(ReportJson.render(r, lang));
        while (j.find()) {
            json.add(j.group(1));
        }
        assertEquals(r.verdicts().size(), json.size(), ReportJson.render(r, lang));
        assertEquals(r.marks().size(), r.verdicts().size());
        for (int i = 0; i < json.size(); i++) {
            assertEquals(r.verdicts().get(i).status().json(), json.get(i));
            assertEquals(r.marks().get(i).status(), json.get(i), "row " + i);
        }
    }

    @Test
    void aWrongQuizAnswerReadsTheSameInBothWithTheLabsValuesFilledIn() {
        Course c = fullCourse();
        SessionState s =
                SessionState.start(c, Optional.of(Fixtures.lab()), Lang.EN, Progress.empty(c.id(), LabKey.NONE), NOW);
        assertEquals("vrrp-basics", s.current().id());
        s = send(s, new Intent.Answer("who-holds", "b"));
        s = check(s, Fixtures.verdicts(s.current()));
        LessonReport r = report(s, Optional.empty());
        String text = ReportText.render(r, Lang.EN, false);
        String json = ReportJson.render(r, Lang.EN);
        assertTrue(text.contains("2 (lb01 has priority 100, lb02 99"), text);
        assertTrue(json.contains("2 (lb01 has priority 100, lb02 99"),
                "the quiz graded as the session graded it: " + json);
        assertFalse(json.contains("${"), json);
        assertFalse(r.passed());
        assertTrue(json.contains("\"passed\": false"), json);
        sameStatuses(r, Lang.EN);
    }

    @Test
    void aLockedLessonWhoseChecksAllPassSaysSoAndThatItIsNotPassedInBoth() {
        Course c = Fixtures.course();
        SessionState s =
                SessionState.start(c, Optional.of(Fixtures.lab()), Lang.EN, Progress.empty(c.id(), LabKey.NONE), NOW);
        s = send(s, new Intent.Open("backup"));
        s = check(s, Fixtures.verdicts(s.current()));
        assertEquals(LessonState.LOCKED, s.stateOf("backup"));
        LessonReport r = report(s, s.flash().map(SessionState.Flash::text));
        String text = ReportText.render(r, Lang.EN, false);
        String json = ReportJson.render(r, Lang.EN);
        assertTrue(text.contains("All " + r.verdicts().size()
                + " checks passed.\nEvery check passes, but this lesson is locked, so it is not recorded as passed."),
                text);
        assertTrue(json.contains(
                "\"passed\": true,\n  \"state\": \"locked\",\n  \"note\": \"Every check passes, but this lesson is locked, so it is not recorded as passed."),
                json);
        sameStatuses(r, Lang.EN);
    }

    @Test
    void aWatchedPassKeptInTheProgressIsAPassInBoth() {
        Course c = Fixtures.course();
        Lesson install = c.lessons().get(0);
        String id = install.checks().get(0).id();
        CheckMark watched = new CheckMark(id, Text.of("切换", "failover"), "pass",
                List.of(new HostMark("lb01", "pass", "", Text.of("看到了", "observed lb01 → lb02 → lb01"),
                        Optional.empty(), List.of())),
                List.of(Text.of("测得", "measured: lb02 took over from lb01 at 3.1 s")));
        Progress p = Progress.empty(c.id(), LabKey.NONE).with(install.id(),
                LessonProgress.fresh(LessonState.OPEN).checked(NOW, List.of(watched), false));
        SessionState s = SessionState.start(c, Optional.of(Fixtures.lab()), Lang.EN, p, NOW);
        List<Verdict> now = new ArrayList<>(Fixtures.verdicts(install));
        Verdict first = now.get(0);
        now.set(0, new Verdict(first.check(), first.title(), first.hosts(), Status.ERROR, "logs-missing",
                Text.of("没有", "no state change in the logs"), Optional.empty(), List.of()));
        s = check(s, now);
        LessonReport r = report(s, Optional.empty());
        assertEquals("pass", s.marks(install.id()).get(0).status(), "the progress keeps the watched PASS");
        assertEquals(Status.PASS, r.verdicts().get(0).status(), "and so does the JSON");
        assertEquals(s.marks(install.id()), r.marks(), "the text's rows are the marks");
        sameStatuses(r, Lang.EN);
    }

    @Test
    void aMarkTurnedIntoAVerdictIsTheSameMarkAgain() {
        Verdict v = Fixtures.failingOnLb02("vip-on-master", List.of("lb01", "lb02"));
        CheckMark m = Marks.of(v);
        assertEquals(m, Marks.of(Marks.verdict(m)));
        CheckMark quiz =
                Marks.of(QuizGrading.COURSE.grade(Fixtures.withQuizFirst(false).lessons().get(0), java.util.Map.of()));
        assertEquals(quiz, Marks.of(Marks.verdict(quiz)));
    }
}
