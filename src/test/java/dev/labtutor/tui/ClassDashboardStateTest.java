package dev.labtutor.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.labtutor.grading.ClassGrades;
import dev.labtutor.grading.GradeFixture;
import dev.labtutor.i18n.Lang;
import dev.labtutor.tui.ClassDashboardState.Effect;
import dev.labtutor.tui.ClassDashboardState.Event;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class dashboard's update without a terminal, and its view at 80x24 in both languages. */
class ClassDashboardStateTest {

    private static final long S = 1_000_000_000L;

    @TempDir
    Path dir;

    private ClassDashboardState start(ClassGrades g) {
        return ClassDashboardState.start(g, dir.resolve("book"), Duration.ofSeconds(30), 0);
    }

    private static ClassDashboardState.Transition key(ClassDashboardState s, char c, long now) {
        return ClassDashboardState.update(s, new Event.Key(new KeyStroke(c, false, false)), now);
    }

    @Test
    void aRoundStartsWhenTheIntervalIsOverAndCountsWhatItReports() throws Exception {
        ClassDashboardState s = start(GradeFixture.grades(dir));
        ClassDashboardState.Transition early = ClassDashboardState.update(s, new Event.Tick(), 29 * S);
        assertEquals(List.of(), early.effects(), "nothing before the interval is over");
        ClassDashboardState.Transition due = ClassDashboardState.update(early.state(), new Event.Tick(), 30 * S);
        assertEquals(List.of(new Effect.RunRound(1)), due.effects());
        s = due.state();
        s = ClassDashboardState.update(s, new Event.HostDone(1, true), 31 * S).state();
        s = ClassDashboardState.update(s, new Event.HostDone(1, false), 31 * S).state();
        s = ClassDashboardState.update(s, new Event.StudentDone(1), 32 * S).state();
        s = ClassDashboardState.update(s, new Event.StudentDone(0), 32 * S).state();
        assertEquals(new ClassDashboardState.Round(1, 30 * S, 1, 4, 1), s.running().orElseThrow(),
                "a report of another round is not counted");
        assertEquals(List.of(), ClassDashboardState.update(s, new Event.Tick(), 90 * S).effects(),
                "one round at a time");
    }

    @Test
    void aFinishedRoundIsShownAndTheNextIsDueAnIntervalLater() throws Exception {
        ClassGrades first = GradeFixture.grades(dir);
        ClassGrades second = GradeFixture.grades(java.nio.file.Files.createDirectories(dir.resolve("2")));
        ClassDashboardState s = ClassDashboardState.update(start(first), new Event.Tick(), 30 * S).state();
        s = ClassDashboardState
                .update(s, new Event.RoundDone(1, second, LocalTime.of(10, 31, 5), Optional.empty()), 36 * S).state();
        assertSame(second, s.last());
        assertTrue(s.running().isEmpty());
        assertEquals("gradebook: " + dir.resolve("book").toAbsolutePath() + " (written 10:31:05)", s.note());
        assertEquals(66 * S, s.nextRound());
        s = ClassDashboardState.update(s, new Event.RoundFailed(2, "late"), 40 * S).state();
        assertSame(second, s.last(), "a report of a round not running changes nothing");
        ClassDashboardState.Transition t = ClassDashboardState.update(s, new Event.Tick(), 66 * S);
        assertEquals(List.of(new Effect.RunRound(2)), t.effects());
        s = ClassDashboardState.update(t.state(), new Event.RoundFailed(2, "connection refused"), 67 * S).state();
        assertEquals("round failed: connection refused", s.note());
        assertSame(second, s.last());
        s = ClassDashboardState
                .update(s, new Event.RoundDone(3, first, LocalTime.NOON, Optional.of("disk full")), 68 * S).state();
        assertSame(second, s.last());
    }

    @Test
    void rGradesNowOrRightAfterTheRunningRound() throws Exception {
        ClassDashboardState.Transition now = key(start(GradeFixture.grades(dir)), 'r', 5 * S);
        assertEquals(List.of(new Effect.RunRound(1)), now.effects(), "r while nothing runs starts a round at once");
        ClassDashboardState.Transition queued = key(now.state(), 'r', 6 * S);
        assertEquals(List.of(), queued.effects());
        ClassDashboardState.Transition done = ClassDashboardState.update(queued.state(),
                new Event.RoundDone(1, queued.state().last(), LocalTime.NOON, Optional.of("disk full")), 8 * S);
        assertEquals(List.of(new Effect.RunRound(2)), done.effects(),
                "r during a round grades again as soon as it ends");
        assertEquals("could not write the gradebook: disk full", done.state().note());
    }

    @Test
    void keysScrollQuitAndRepaint() throws Exception {
        ClassDashboardState s = start(GradeFixture.grades(dir, GradeFixture.fullCourse()));
        s = ClassDashboardState.update(s, new Event.Key(new KeyStroke(KeyType.PageDown)), 0).state();
        s = ClassDashboardState.update(s, new Event.Key(new KeyStroke(KeyType.ArrowUp)), 0).state();
        for (int i = 0; i < 20; i++) {
            s = ClassDashboardState.update(s, new Event.Key(new KeyStroke(KeyType.ArrowRight)), 0).state();
        }
        assertEquals(9, s.scroll());
        assertEquals(12, s.lessonScroll(), "→ stops at the last lesson");
        assertEquals(List.of(new Effect.Repaint()),
                ClassDashboardState.update(s, new Event.Key(new KeyStroke('l', true, false)), 0).effects());
        assertFalse(s.quit());
        ClassDashboardState quit = key(s, 'q', 0).state();
        assertTrue(quit.quit());
        assertTrue(ClassDashboardState.update(quit, new Event.Key(new KeyStroke(KeyType.Escape)), 0).state().quit());
        assertEquals(List.of(), ClassDashboardState.update(quit, new Event.Tick(), 3600 * S).effects(),
                "no round after q");
    }

    private List<String> screen(ClassDashboardState s, Lang lang) throws Exception {
        try (VirtualScreen v = new VirtualScreen(80, 24)) {
            ClassDashboardView.draw(new Painter(v.screen.newTextGraphics(), true),
                    ClassDashboardView.rows(s, 80, 24, lang), 80);
            v.screen.refresh();
            return v.rows();
        }
    }

    @Test
    void theViewAt80x24InEnglishAndChinese() throws Exception {
        ClassGrades g = GradeFixture.grades(dir);
        ClassDashboardState s = ClassDashboardState.update(start(g), new Event.Tick(), 30 * S).state();
        s = ClassDashboardState.update(s, new Event.HostDone(1, true), 31 * S).state();
        s = ClassDashboardState.update(s, new Event.StudentDone(1), 32 * S).state();
        s = ClassDashboardState.update(s, new Event.Tick(), 32 * S + S / 2).state();
        for (Lang lang : Lang.values()) {
            List<String> rows = screen(s, lang);
            String all = String.join("\n", rows);
            assertEquals(24, rows.size());
            assertEquals(
                    " " + dev.labtutor.view.DisplayWidth
                            .fit("labtutor grade · " + g.course().title().in(lang) + " · 4 students", 78),
                    rows.get(0).stripTrailing(), "the title, cut to the screen's width:\n" + all);
            assertEquals(" grading… 1/4 students · 1 unreachable · 2.5 s", rows.get(1).stripTrailing(), all);
            assertEquals(" gradebook: " + dir.resolve("book").toAbsolutePath(), rows.get(2).stripTrailing(), all);
            String header =
                    rows.stream().filter(r -> r.contains(lang == Lang.ZH ? "总分" : "total")).findFirst().orElseThrow();
            assertTrue(header.startsWith(lang == Lang.ZH ? " id   姓名" : " id   name"), all);
            String s02 = rows.stream().filter(r -> r.contains("Li, \"Si\"")).findFirst().orElseThrow();
            assertTrue(s02.contains(" PASS") && s02.contains(" 5/8") && s02.stripTrailing().endsWith("18/21  85.7%"),
                    s02);
            assertTrue(rows.get(23).startsWith(" q quit · r re-grade now"), all);
        }
        try (VirtualScreen v = new VirtualScreen(80, 24)) {
            ClassDashboardView.draw(new Painter(v.screen.newTextGraphics(), true),
                    ClassDashboardView.rows(s, 80, 24, Lang.EN), 80);
            v.screen.refresh();
            int row = v.rows().indexOf(v.rows().stream().filter(r -> r.contains("张三")).findFirst().orElseThrow());
            int col = VirtualScreen.column(v.rows().get(row), "PASS");
            assertEquals(TextColor.ANSI.GREEN, v.terminal.getBufferCharacter(col, row).getBackgroundColor(),
                    "PASS cells are green");
        }
    }
}
