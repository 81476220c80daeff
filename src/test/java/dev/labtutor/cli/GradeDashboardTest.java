package dev.labtutor.cli;

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
class GradeDashboardTest {

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
        List<LessonGrade> lessons = s02.lessons().stream().map(l -> new LessonGrade(l.lesson(), l.checks().stream()
                .map(c -> {
                    Verdict v = c.verdict();
                    return new CheckGrade(c.lesson(), new Verdict(v.check(), v.title(), v.hosts(), Status.PASS, "", v.message(),
                            java.util.Optional.empty(), v.evidence()), c.points());
                }).toList())).toList();
        List<StudentGrade> students = List.of(g.students().get(0), new StudentGrade(s02.student(), lessons, s02.hosts()),
                g.students().get(2));
        return new ClassGrades(g.course(), g.lessons(), g.roster(), g.knownHosts(), g.timeout(), g.parallel(), g.started(),
                g.finished(), students);
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
                return GradeDashboard.run(screen, first, listener -> {
                    rounds.incrementAndGet();
                    return second;
                }, g -> {
                    GradeCommand.write(g, book, Lang.EN);
                    written.incrementAndGet();
                }, book, Duration.ofMillis(400), Lang.EN);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        await("the first round on screen", () -> find(vt, "=HYPERLINK") >= 0);
        int s02 = find(vt, "Li, \"Si\"");
        String line = row(vt, s02);
        assertTrue(line.contains(" PASS") && line.contains(" 5/8") && line.contains("18/21  85.7%"), line);
        int s03 = find(vt, "=HYPERLINK");
        assertTrue(row(vt, s03).contains("UNRCH") && row(vt, s03).contains("UNREACHABLE"), row(vt, s03));
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
