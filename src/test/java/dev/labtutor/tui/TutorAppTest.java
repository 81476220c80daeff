package dev.labtutor.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.labtutor.i18n.Lang;
import dev.labtutor.progress.LabKey;
import dev.labtutor.progress.LessonState;
import dev.labtutor.session.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole app loop on a lanterna virtual terminal: keys in, screens out, a fake lab behind. */
class TutorAppTest {

    @TempDir
    Path dir;

    private DefaultVirtualTerminal vt;
    private Thread app;
    private final Throwable[] crashed = new Throwable[1];

    private FakeWorld start(Optional<dev.labtutor.lab.LabFile> lab) {
        return start(lab, Fixtures.course());
    }

    private FakeWorld start(Optional<dev.labtutor.lab.LabFile> lab, dev.labtutor.course.Course course) {
        return start(lab, course, w -> {
        });
    }

    private FakeWorld start(Optional<dev.labtutor.lab.LabFile> lab, dev.labtutor.course.Course course,
            java.util.function.Consumer<FakeWorld> setUp) {
        return start(lab, Optional.empty(), course, setUp, Clock.systemUTC());
    }

    private FakeWorld start(Optional<dev.labtutor.lab.LabFile> lab, Optional<String> lesson,
            dev.labtutor.course.Course course, java.util.function.Consumer<FakeWorld> setUp, Clock clock) {
        FakeWorld world = new FakeWorld(course, dir);
        setUp.accept(world);
        vt = new DefaultVirtualTerminal(new TerminalSize(100, 30));
        app = new Thread(() -> {
            try {
                new TutorApp(world, world.course, vt,
                        new TutorApp.Options(lab, lesson, Lang.EN, true, Optional.empty()), clock).run();
            } catch (Throwable t) {
                crashed[0] = t;
            }
        });
        app.start();
        return world;
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null && app.isAlive()) {
            app.interrupt();
            vt.addInput(new KeyStroke(KeyType.EOF));
            app.join(5000);
        }
    }

    private String screen() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < vt.getTerminalSize().getRows(); r++) {
            for (int c = 0; c < vt.getTerminalSize().getColumns(); c++) {
                var ch = vt.getBufferCharacter(c, r);
                sb.append(ch == null ? " " : ch.getCharacterString());
                if (ch != null && ch.isDoubleWidth()) {
                    c++;
                }
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private String await(Predicate<String> what, String description) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String s = "";
        String before = null;
        int same = 0;
        while (System.nanoTime() < end) {
            if (crashed[0] != null) {
                fail("the app crashed", crashed[0]);
            }
            s = screen();
            same = s.equals(before) ? same + 1 : 0;
            before = s;
            String[] rows = s.split("\n");
            boolean drawn = rows.length > 0 && !rows[rows.length - 1].isBlank();
            if (drawn && same >= 2 && what.test(s)) {
                return s;
            }
            Thread.sleep(25);
        }
        fail("the screen never showed " + description + ":\n" + s);
        return s;
    }

    private String await(String text) throws InterruptedException {
        return await(s -> s.contains(text), "'" + text + "'");
    }

    private void key(char c) {
        vt.addInput(new KeyStroke(c, false, false));
    }

    private void key(KeyType t) {
        vt.addInput(new KeyStroke(t));
    }

    @Test
    void aCheckShowsEachHostsPhaseThenPassesAndUnlocksTheNextLesson() throws Exception {
        FakeWorld w = start(Optional.of(Fixtures.lab()));
        await("Not checked yet");
        key('c');
        String running = await(s -> s.contains("lb01      connecting") && s.contains("lb02      logging in"),
                "both hosts' phases");
        assertTrue(running.matches("(?s).*[|/\\\\-] Checking install .*Esc cancels.*"), running);
        w.answer.release();
        String passed = await("Lesson 1 passed!");
        assertTrue(
                passed.contains(" ✓  1 install") && passed.contains(" *  2 master") && passed.contains(" -  3 backup"),
                passed);
        assertTrue(passed.contains("6/6 pass"), passed);
        key('n');
        await("Lesson 2  Configure the master server");
        key('q');
        app.join(5000);
        assertFalse(app.isAlive(), "q quits when nothing runs");
        var saved = w.store.load(w.course.id(), new LabKey(Fixtures.lab().source().toString(), Map.of())).progress();
        assertEquals(LessonState.PASSED, saved.lesson("install").orElseThrow().state());
        assertEquals("master", saved.current());
    }

    @Test
    void theLessonNamedOnTheCommandLineIsSavedAsTheCurrentOne() throws Exception {
        start(Optional.of(Fixtures.lab()));
        await("Not checked yet");
        key('q');
        app.join(5000);
        // A clock that stands still: no time spent is added, so only the opening itself can save.
        FakeWorld w = start(Optional.of(Fixtures.lab()), Optional.of("master"), Fixtures.course(), x -> {
        }, Clock.fixed(java.time.Instant.now().plusSeconds(3600), java.time.ZoneOffset.UTC));
        await("Lesson 2  Configure the master server");
        LabKey key = new LabKey(Fixtures.lab().source().toString(), Map.of());
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!"master".equals(w.store.load(w.course.id(), key).progress().current()) && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        assertEquals("master", w.store.load(w.course.id(), key).progress().current(),
                "opening the lesson is saved at once, like any other move, not only when something else changes");
        key('q');
        app.join(5000);
        assertFalse(app.isAlive());
    }

    @Test
    void escCancelsARunningCheckForReal() throws Exception {
        FakeWorld w = start(Optional.of(Fixtures.lab()));
        await("Not checked yet");
        key('c');
        assertTrue(w.checking.await(10, TimeUnit.SECONDS));
        key(KeyType.Escape);
        await("Check cancelled");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!w.interrupted && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(w.interrupted, "the checking thread was interrupted");
        key('q');
        app.join(5000);
        assertFalse(app.isAlive());
    }

    @Test
    void quittingDuringACheckAsksFirst() throws Exception {
        FakeWorld w = start(Optional.of(Fixtures.lab()));
        await("Not checked yet");
        key('c');
        assertTrue(w.checking.await(10, TimeUnit.SECONDS));
        key('q');
        await("A check is running. Quit anyway?");
        key('n');
        await(s -> !s.contains("Quit anyway?"), "the question gone");
        assertTrue(app.isAlive());
        key('q');
        await("Quit anyway?");
        key('y');
        app.join(5000);
        assertFalse(app.isAlive());
        assertTrue(w.interrupted, "quitting cancelled the check");
    }

    @Test
    void aPasswordIsAskedInsideTheScreenMaskedAndNeverLogged() throws Exception {
        FakeWorld w = start(Optional.of(Fixtures.lab()));
        w.askPassword = true;
        w.blocking = false;
        await("Not checked yet");
        key('c');
        await("Password to log in to lb01 (root@10.9.0.11)");
        for (char c : "s3cr3t-pw".toCharArray()) {
            key(c);
        }
        String masked = await("*********_");
        assertFalse(masked.contains("s3cr3t"), masked);
        key(KeyType.Enter);
        await("Lesson 1 passed!");
        assertEquals("s3cr3t-pw", w.typedPassword);
        key('q');
        app.join(5000);
        String log = Files.readString(w.stateDir().resolve("labtutor.log"));
        assertFalse(log.contains("s3cr3t"), log);
    }

    @Test
    void aFailureGivesHintsOnHAndTheSolutionAfterAsking() throws Exception {
        FakeWorld w = start(Optional.of(Fixtures.lab()));
        w.blocking = false;
        w.failing = java.util.List.of("firewalld-stopped");
        await("Not checked yet");
        key('c');
        String failed = await("5 of 6 checks pass; press h for a hint");
        assertTrue(failed.matches("(?s).*FAIL   lb02 +check firewalld-stopped.*"), failed);
        assertTrue(failed.contains("Hint: Do step one"), failed);
        key('h');
        await("Hint 1/3");
        key('s');
        await("Show this lesson's solution?");
        key('y');
        await("Solution (recorded in your progress");
        key('q');
        app.join(5000);
        var saved = w.store.load(w.course.id(), new LabKey(Fixtures.lab().source().toString(), Map.of())).progress();
        assertTrue(saved.lesson("install").orElseThrow().solutionViewed().isPresent());
        assertEquals(1, saved.lesson("install").orElseThrow().hintLevel());
    }

    @Test
    void withoutALabFileTheFirstRunFormTestsTheLoginAndWritesTheLab() throws Exception {
        FakeWorld w = start(Optional.empty());
        String welcome = await("There are two ways on:");
        assertTrue(welcome.contains("not available here: not in tests"), welcome);
        key('1');
        await("Host 1 of 5: lb01");
        for (char c : "10.1.2.3".toCharArray()) {
            key(c);
        }
        key(KeyType.Enter);
        await("Host 2 of 5: lb02");
        for (char c : "10.1.2.4".toCharArray()) {
            key(c);
        }
        key(KeyType.Tab);
        for (int i = 0; i < 4; i++) {
            key(KeyType.Backspace);
        }
        for (char c : "admin".toCharArray()) {
            key(c);
        }
        key(KeyType.Enter);
        await("Host 3 of 5: web01");
        key(KeyType.PageDown);
        key(KeyType.PageDown);
        key(KeyType.PageDown);
        String vip = await("The course's addresses");
        assertTrue(vip.contains("> vip      10.1.2.254_"),
                "a free address in the hosts' subnet is offered, not the course's 192.168.10.100:\n" + vip);
        for (int i = 0; i < 3; i++) {
            key(KeyType.Backspace);
        }
        key('2');
        key('.');
        key(KeyType.Enter);
        await("vip must be an IPv4 address, e.g. 10.1.2.254");
        for (int i = 0; i < 15; i++) {
            key(KeyType.Backspace);
        }
        for (char c : "192.168.10.100".toCharArray()) {
            key(c);
        }
        String outside = await("192.168.10.100 is outside your hosts' subnet 10.1.2.0/24");
        assertTrue(outside.contains("> vip      192.168.10.100_"), outside);
        for (int i = 0; i < 15; i++) {
            key(KeyType.Backspace);
        }
        for (char c : "10.1.2.200".toCharArray()) {
            key(c);
        }
        key(KeyType.Enter);
        String summary = await("About to write");
        assertTrue(summary.contains("vip        10.1.2.200"), summary);
        assertTrue(summary.contains("lb01       root@10.1.2.3:22  OK"), summary);
        assertTrue(summary.contains("web01      (skipped)"), summary);
        key(KeyType.Enter);
        await("Not checked yet");
        assertEquals(java.util.List.of("lb01=root@10.1.2.3:22", "lb02=admin@10.1.2.4:22"), w.logins);
        assertTrue(Files.readString(w.labTarget()).contains("lb02: { address: 10.1.2.4 }"));
        assertTrue(Files.readString(w.labTarget()).startsWith("vars:\n  vip: 10.1.2.200\n"),
                Files.readString(w.labTarget()));
        key('q');
        app.join(5000);
    }

    @Test
    void aQuizIsAnsweredFromTheKeyboard() throws Exception {
        start(Optional.empty(), Fixtures.withQuizFirst(false));
        await("There are two ways on:");
        key(KeyType.Escape);
        String lesson = await("Quiz (press a to answer)");
        assertTrue(lesson.contains(" a quiz "), "the key line names the quiz key:\n" + lesson);
        key('a');
        await("Quiz 1/1");
        key('a');
        String wrong = await(" X  a) the host's own address");
        assertTrue(wrong.contains("a host's own address never moves"), wrong);
        key('b');
        String right = await("Lesson 1 passed!");
        assertTrue(right.contains(" OK b) the address that moves within the group"), right);
        key(KeyType.Escape);
        await(s -> s.contains(" ✓  1 basics") && s.contains(" *  2 install"), "basics passed and install open");
        key('q');
        app.join(5000);
        assertFalse(app.isAlive());
    }

    @Test
    void aSandboxLabIsNamedOnTheFirstScreenAndAVipOutsideTheHostsSubnetIsWarnedAbout() throws Exception {
        dev.labtutor.i18n.Text nt = dev.labtutor.i18n.Text.of("沙箱 nt（由 root 启动）", "sandbox nt (started by root)");
        start(Optional.of(Fixtures.lab()), Fixtures.course(), w -> w.origin = Optional.of(nt));
        String first = await("The course variable vip is 192.168.10.100 (the course default), outside");
        assertTrue(first.split("\n")[0].stripTrailing().endsWith("lab: sandbox nt (started by root)"), first);
        key('q');
        app.join(5000);
    }

    @Test
    void aSandboxLabWhoseVipFitsIsNamedOnTheStatusLine() throws Exception {
        dev.labtutor.lab.LabFile fits = new dev.labtutor.lab.LabFile(Fixtures.lab().source(),
                Map.of("vip", "10.9.0.200"), Fixtures.lab().hosts(), Map.of(), Map.of(), Optional.empty());
        start(Optional.of(fits), Fixtures.course(),
                w -> w.origin = Optional.of(dev.labtutor.i18n.Text.of("沙箱 nt", "sandbox nt (started by root)")));
        String first = await("Lab: sandbox nt (started by root), /tmp/lab.yaml");
        assertFalse(first.contains("vip is"), first);
    }

    private static final java.util.regex.Pattern POSITION =
            java.util.regex.Pattern.compile("(?:Lesson|课程内容)  (\\d+)-(\\d+)/(\\d+)");

    /** The lesson pane's position: first and last row shown, and how many there are. */
    private static int[] position(String screen) {
        java.util.regex.Matcher m = POSITION.matcher(screen);
        assertTrue(m.find(), screen);
        return new int[]{Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    @Test
    void theLessonPaneStaysScrolledWithinItsTextWhenTheTextGetsShorter() throws Exception {
        start(Optional.of(Fixtures.lab()));
        await("Not checked yet");
        key(KeyType.End);
        String end = await(s -> position(s)[0] > 1, "the lesson scrolled to its end");
        int[] at = position(end);
        int page = at[1] - at[0] + 1;
        assertEquals(at[2], at[1], "End shows the last row:\n" + end);
        vt.setTerminalSize(new TerminalSize(140, 30));
        String wide =
                await(s -> s.split("\n")[0].length() >= 140 && POSITION.matcher(s).find() && position(s)[2] < at[2],
                        "the wider screen, where the text takes fewer rows");
        int[] now = position(wide);
        assertEquals(Math.min(page, now[2]), now[1] - now[0] + 1, "the last page is full, no blank rows:\n" + wide);
        key('l');
        String zh = await(s -> s.contains("课程内容"), "Chinese");
        int[] z = position(zh);
        assertEquals(z[2], z[1], zh);
        assertEquals(Math.min(page, z[2]), z[1] - z[0] + 1, "after l the last page is full:\n" + zh);
        key('q');
        app.join(5000);
    }
}
