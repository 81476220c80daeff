package dev.labtutor.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;
import dev.labtutor.grading.CheckGrade;
import dev.labtutor.grading.ClassGrades;
import dev.labtutor.grading.GradeFixture;
import dev.labtutor.grading.Gradebook;
import dev.labtutor.grading.LessonGrade;
import dev.labtutor.grading.StudentGrade;
import dev.labtutor.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code grade --watch} dashboard on a lanterna virtual terminal: cells, refresh rounds, {@code q}. */
class ClassDashboardTest {

    @TempDir
    Path dir;

    private static String row(DefaultVirtualTerminal vt, int row) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < vt.getTerminalSize().getColumns(); c++) {
            sb.append(vt.getCharacter(c, row).getCharacterString());
        }
        return sb.toString();
    }

    private static int find(DefaultVirtualTerminal vt, String text) {
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) {
            if (row(vt, r).contains(text)) {
                return r;
            }
        }
        return -1;
    }

    private static void await(String what, BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (cond.getAsBoolean()) {
                return;
            }
            Thread.sleep(20);
        }
        fail("timed out waiting for " + what);
    }

    /** The same class after s02 fixed the split brain: every check passes. */
    private static ClassGrades fixed(ClassGrades g) {
        StudentGrade s02 = g.students().get(1);
        List<LessonGrade> lessons =
                s02.lessons().stream().map(l -> new LessonGrade(l.lesson(), l.checks().stream().map(c -> {
                    Verdict v = c.verdict();
                    return new CheckGrade(c.lesson(), new Verdict(v.check(), v.title(), v.hosts(), Status.PASS, "",
                            v.message(), java.util.Optional.empty(), v.evidence()), c.points());
                }).toList())).toList();
        List<StudentGrade> students = List.of(g.students().get(0),
                new StudentGrade(s02.student(), lessons, s02.hosts()), g.students().get(2));
        return new ClassGrades(g.course(), g.lessons(), g.roster(), g.knownHosts(), g.timeout(), g.parallel(),
                g.started(), g.finished(), students);
    }

    /** Draws one frame of the dashboard for {@code g} on a {@code cols}-wide virtual terminal. */
    private static DefaultVirtualTerminal frame(ClassGrades g, int cols, int lessonScroll) throws Exception {
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(cols, 20));
        TerminalScreen screen = new TerminalScreen(vt);
        screen.startScreen();
        ClassDashboardState state = ClassDashboardState.start(g, Path.of("book"), Duration.ofSeconds(60), 0);
        for (int i = 0; i < lessonScroll; i++) {
            state = ClassDashboardState.update(state,
                    new ClassDashboardState.Event.Key(new KeyStroke(com.googlecode.lanterna.input.KeyType.ArrowRight)),
                    0).state();
        }
        ClassDashboardView.draw(new Painter(screen.newTextGraphics(), true),
                ClassDashboardView.rows(state, cols, 20, Lang.EN), cols);
        screen.refresh();
        return vt;
    }

    @Test
    void thirteenLessonsKeepEveryTotalOnScreenAndScrollSideways() throws Exception {
        ClassGrades g = GradeFixture.grades(dir, GradeFixture.fullCourse());
        assertEquals(13, g.lessons().size());
        for (int cols : new int[]{110, 200}) {
            DefaultVirtualTerminal vt = frame(g, cols, 0);
            assertTrue(row(vt, find(vt, "张三")).stripTrailing().endsWith("100.0%"),
                    "the total is on screen at " + cols + ": " + row(vt, find(vt, "张三")));
            assertTrue(row(vt, find(vt, "=HYPERLINK")).stripTrailing().endsWith("NOT GRADED"),
                    row(vt, find(vt, "=HYPERLINK")));
            assertTrue(row(vt, find(vt, "赵六")).stripTrailing().endsWith("NOT GRADED"),
                    "no 0/81 for s04: " + row(vt, find(vt, "赵六")));
            String header = row(vt, find(vt, "total"));
            assertTrue(header.contains("#1 ") && header.contains("#2 ") && !header.contains("lvs-"),
                    "lesson ids that do not fit become lesson numbers: " + header);
            assertTrue(row(vt, 3).contains("#1 vrrp-basics  #2 install"), "with a legend: " + row(vt, 3));
            int s02 = find(vt, "Li, \"Si\"");
            assertTrue(row(vt, s02).contains(" PASS") && row(vt, s02).contains(" 5/8"), row(vt, s02));
        }
        DefaultVirtualTerminal narrow = frame(g, 110, 0);
        assertFalse(row(narrow, find(narrow, "total")).contains("#13"), "13 lessons do not fit in 110 columns");
        assertTrue(row(narrow, 19).contains("←→ lessons 1-"), row(narrow, 19));
        DefaultVirtualTerminal scrolled = frame(g, 110, 12);
        String header = row(scrolled, find(scrolled, "total"));
        assertTrue(header.contains("#13") && !header.contains("#1 "), "→ brings the last lessons in: " + header);
        assertTrue(row(scrolled, find(scrolled, "张三")).stripTrailing().endsWith("100.0%"));
        assertTrue(
                row(scrolled, 3).startsWith(" #5 failover  #6 web-failover")
                        && row(scrolled, 4).contains("#13 nfs-share"),
                "the legend names every lesson shown, on as many lines as it takes:\n" + row(scrolled, 3) + "\n"
                        + row(scrolled, 4));
        assertEquals(5, find(scrolled, "total"), "the table starts below the legend");
        DefaultVirtualTerminal wide = frame(g, 200, 0);
        assertTrue(row(wide, find(wide, "total")).contains("#13"),
                "all 13 fit in 200 columns: " + row(wide, find(wide, "total")));
        assertFalse(row(wide, 19).contains("←→"), row(wide, 19));
    }

    @Test
    void showsTheClassRefreshesAndQuitsLeavingTheLastGradebook() throws Exception {
        ClassGrades first = GradeFixture.grades(dir);
        ClassGrades second = fixed(first);
        Path book = dir.resolve("book");
        DefaultVirtualTerminal vt = new DefaultVirtualTerminal(new TerminalSize(110, 20));
        TerminalScreen screen = new TerminalScreen(vt);
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger written = new AtomicInteger();
        CompletableFuture<ClassGrades> done = CompletableFuture.supplyAsync(() -> {
            try {
                return ClassDashboard.run(screen, first, listener -> {
                    rounds.incrementAndGet();
                    return second;
                }, g -> {
                    try {
                        Gradebook.write(g, book, Lang.EN);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    written.incrementAndGet();
                }, book, Duration.ofMillis(400), Lang.EN);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        await("the first round on screen", () -> find(vt, "=HYPERLINK") >= 0 && row(vt, 19).contains("q quit"));
        int s02 = find(vt, "Li, \"Si\"");
        String line = row(vt, s02);
        assertTrue(line.contains(" PASS") && line.contains(" 5/8") && line.contains("18/21  85.7%"), line);
        int s03 = find(vt, "=HYPERLINK");
        assertTrue(row(vt, s03).contains("UNRCH") && row(vt, s03).contains("NOT GRADED"), row(vt, s03));
        int s01 = find(vt, "张三");
        assertTrue(row(vt, s01).contains("21/21  100.0%"), row(vt, s01));
        int passCol = row(vt, s01).indexOf("PASS");
        assertEquals(TextColor.ANSI.GREEN, vt.getCharacter(passCol, s01).getBackgroundColor(), "PASS cells are green");
        assertTrue(row(vt, 19).contains("q quit"), "the keys are always shown: " + row(vt, 19));

        await("a refresh round written and shown", () -> {
            int r = find(vt, "Li, \"Si\"");
            return written.get() >= 1 && r >= 0 && row(vt, r).contains("21/21  100.0%");
        });
        assertTrue(row(vt, find(vt, "Li, \"Si\"")).contains("21/21  100.0%"));
        assertTrue(find(vt, "gradebook: " + book) >= 0);

        vt.addInput(new KeyStroke('q', false, false));
        ClassGrades last = done.get(20, TimeUnit.SECONDS);
        assertSame(second, last);
        assertTrue(rounds.get() >= 1);
        GradeFixture.sha256sumCheck(book);
        String csv = Files.readString(book.resolve(Gradebook.CSV));
        assertTrue(csv.contains("s02,\"Li, \"\"Si\"\"\",6,8,7,21,21,100.0"), csv);
        assertFalse(csv.contains("FAIL"), csv);
    }
}
