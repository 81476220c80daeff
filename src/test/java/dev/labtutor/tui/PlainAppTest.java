package dev.labtutor.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Lang;
import dev.labtutor.progress.LabKey;
import dev.labtutor.progress.LessonState;
import dev.labtutor.session.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain mode driven by a script on stdin, as a screen reader user or a log would see it. */
class PlainAppTest {

    @TempDir
    Path dir;

    private String run(FakeWorld w, String script, Lang lang) throws Exception {
        StringWriter out = new StringWriter();
        new PlainApp(w, w.course, new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), lang, false).run(Optional.of(Fixtures.lab()), Optional.empty());
        return out.toString();
    }

    @Test
    void aScriptedSessionChecksGetsAHintPassesAndMovesOn() throws Exception {
        FakeWorld w = new FakeWorld(Fixtures.course(), dir);
        w.blocking = false;
        w.failing = List.of("firewalld-stopped");
        w.failingRounds = 1;
        String out = run(w, "check\nhint\nhint\nc\nnext\nlessons\nquit\n", Lang.EN);
        assertTrue(out.contains(" 1. install  [open]"), out);
        assertTrue(out.contains("labtutor [1 install]> check"), "commands are echoed for the log:\n" + out);
        assertTrue(out.contains("  lb01: connecting") && out.contains("  lb02: logging in"), out);
        assertTrue(out.contains("Lesson 1 install  Install Keepalived"), out);
        assertTrue(out.matches("(?s).*  FAIL   lb02 +check firewalld-stopped\n.*Hint: Do step one.*"), out);
        assertTrue(out.contains("5/6 checks passed."), out);
        assertTrue(out.contains("Hint 1/3:") && out.contains("Hint 2/3:"), out);
        assertTrue(out.contains("This is step 2, \"Turn off the firewall and SELinux (now and after a reboot)\""), out);
        assertTrue(out.contains("All 6 checks passed."), out);
        assertTrue(
                out.contains(
                        "Lesson 1 passed! Press n for lesson 2, now open: \"Configure the master server (MASTER)\""),
                out);
        assertTrue(out.contains("labtutor [2 master]> lessons"), out);
        assertTrue(out.contains(" 1. install  [passed]") && out.contains("> 2. master  [open]")
                && out.contains(" 3. backup  [locked]"), out);
        var p = w.store.load(w.course.id(), new LabKey(Fixtures.lab().source().toString(), Map.of())).progress();
        assertEquals(LessonState.PASSED, p.lesson("install").orElseThrow().state());
        assertEquals(2, p.lesson("install").orElseThrow().attempts());
        assertEquals(2, p.lesson("install").orElseThrow().hintLevel());
    }

    @Test
    void chineseAndTheEndOfInputQuit() throws Exception {
        FakeWorld w = new FakeWorld(Fixtures.course(), dir);
        String out = run(w, "show\nfoo\n", Lang.ZH);
        assertTrue(out.contains("第 1 课（进行中）"), out);
        assertTrue(out.contains("1. 安装软件包"), out);
        assertTrue(out.contains("不认识的命令：foo"), out);
    }

    @Test
    void theQuizShowsTheLearnersValuesNotPlaceholders() throws Exception {
        var shipped = dev.labtutor.course.CourseReader
                .readStrict(Path.of(System.getProperty("labtutor.root", ".")).resolve("lessons/keepalived-lvs"));
        var c = Fixtures.course();
        List<dev.labtutor.course.Lesson> lessons = new java.util.ArrayList<>();
        lessons.add(shipped.lesson("vrrp-basics").orElseThrow());
        lessons.addAll(c.lessons());
        var course = new dev.labtutor.course.Course(c.id(), c.title(), c.dir(), c.roles(), c.vars(), c.defaultHosts(),
                c.notes(), lessons, c.gating());
        FakeWorld w = new FakeWorld(course, dir);
        String out = run(w, "quiz\nanswer 2 b\nquit\n", Lang.EN);
        assertTrue(out.contains("lb01 has priority 100, lb02 99, and both run normally"), out);
        assertTrue(!out.contains("${"), "no placeholder reaches the learner:\n" + out);
        String zh = run(new FakeWorld(course, dir.resolve("zh")), "quiz\nquit\n", Lang.ZH);
        assertTrue(zh.contains("lb01 的 priority 是 100，lb02 是 99"), zh);
    }

    @Test
    void helpTellsTheObservedLessonsStoryWatchObservesCheckJudgesTheLogs() throws Exception {
        FakeWorld w = new FakeWorld(Fixtures.course(), dir);
        String out = run(w, "help\nquit\n", Lang.EN);
        assertTrue(out
                .contains("Observed lessons (a failover): type watch first, then act in another terminal; each round\n"
                        + "watches up to 120 s. check checks once, judging a failover already done from keepalived's logs."),
                out);
    }

    @Test
    void theLabIsNamedWhenItIsASandboxsAndAVipOutsideTheHostsSubnetIsWarnedAbout() throws Exception {
        FakeWorld w = new FakeWorld(Fixtures.course(), dir);
        w.origin = Optional.of(dev.labtutor.i18n.Text.of("沙箱 nt（由 root 启动）", "sandbox nt (started by root)"));
        String out = run(w, "quit\n", Lang.EN);
        assertTrue(out.contains("Lab: sandbox nt (started by root), /tmp/lab.yaml\n"), out);
        assertTrue(out.contains(
                "labtutor: The course variable vip is 192.168.10.100 (the course default), outside your hosts' subnet 10.9.0.0/24: nothing on the "
                        + "lab network reaches it. Write vars: { vip: 10.9.0.254 } in /tmp/lab.yaml (a free address in that subnet).\n"),
                out);
    }

    @Test
    void theLessonListsCheckTitlesAsTheScreenDoesNotTheirIds() throws Exception {
        FakeWorld w = new FakeWorld(Fixtures.course(), dir);
        // the check definitions load in the background and take a moment, as they do for the real world
        w.titles = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String out = run(w, "quit\n", Lang.EN);
        for (var ref : w.course.lessons().get(0).checks()) {
            assertTrue(out.contains("   - check " + ref.id() + " ("), "the title of " + ref.id() + ":\n" + out);
        }
    }
}
