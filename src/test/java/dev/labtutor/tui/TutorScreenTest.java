package dev.labtutor.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import dev.labtutor.check.Evidence;
import dev.labtutor.check.HostVerdict;
import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Course;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.LabKey;
import dev.labtutor.progress.LessonProgress;
import dev.labtutor.progress.LessonState;
import dev.labtutor.progress.Progress;
import dev.labtutor.session.Fixtures;
import dev.labtutor.session.Intent;
import dev.labtutor.session.Session;
import dev.labtutor.session.SessionState;
import dev.labtutor.view.DisplayWidth;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tutor's screens drawn on a lanterna virtual terminal: no real terminal, no lab. */
class TutorScreenTest {

    static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");

    static SessionState state(Course course, Lang lang) {
        return SessionState.start(course, Optional.of(Fixtures.lab()), lang, Progress.empty(course.id(), LabKey.NONE),
                NOW);
    }

    static List<String> draw(SessionState s, Ui ui, int cols, int rows) throws Exception {
        try (VirtualScreen v = new VirtualScreen(cols, rows)) {
            TutorScreen view = new TutorScreen(true, ref -> Text.of("检查 " + ref.id(), "check " + ref.id()));
            view.draw(v.screen.newTextGraphics(), Layout.of(cols, rows), s, ui, Optional.empty(), "lab: /tmp/lab.yaml");
            v.screen.refresh();
            return v.rows();
        }
    }

    /** Every row fills the screen's width exactly, and the pane separator sits in one column on every body row. */
    static void assertAligned(List<String> rows, int cols, int listWidth) {
        for (int r = 0; r < rows.size(); r++) {
            assertEquals(cols, DisplayWidth.of(rows.get(r)),
                    "row " + r + " is " + cols + " columns: '" + rows.get(r) + "'");
        }
        for (int r = 1; r < rows.size() - 2; r++) {
            String row = rows.get(r);
            int col = 0;
            int i = 0;
            while (col < listWidth) {
                int cp = row.codePointAt(i);
                col += DisplayWidth.columns(cp);
                i += Character.charCount(cp);
            }
            assertEquals(listWidth, col,
                    "no wide character straddles the separator on row " + r + ":\n" + String.join("\n", rows));
            assertEquals('|', row.charAt(i), "separator on row " + r + ":\n" + String.join("\n", rows));
        }
    }

    @ParameterizedTest
    @CsvSource({"ZH,80,24", "EN,80,24", "ZH,160,50", "EN,160,50"})
    void theLessonScreenLinesUpInBothLanguagesAndSizes(Lang lang, int cols, int rows) throws Exception {
        SessionState s = state(Fixtures.course(), lang);
        List<String> screen = draw(s, Ui.start(), cols, rows);
        String all = String.join("\n", screen);
        assertAligned(screen, cols, Layout.of(cols, rows).listWidth());
        assertTrue(screen.get(0).startsWith(" labtutor  Keepalived"), all);
        assertTrue(screen.get(0).stripTrailing().endsWith("lab: /tmp/lab.yaml"), all);
        assertTrue(screen.get(2).startsWith(" *  1 install"), "lesson 1 is open: " + all);
        assertTrue(screen.get(3).startsWith(" -  2 master") && screen.get(4).startsWith(" -  3 backup"),
                "the rest are locked: " + all);
        String title = lang == Lang.ZH ? "第 1 课  安装 Keepalived 与 ipvsadm" : "Lesson 1  Install Keepalived and ipvsadm";
        assertTrue(all.contains(title), all);
        assertTrue(screen.get(rows - 1)
                .matches(lang == Lang.ZH ? " c 检查 +w 监视 +h 提示 .*q 退出 *" : " c check +w watch +h hint .*q quit *"), all);
        assertTrue(all.contains(lang == Lang.ZH ? "还没有检查" : "Not checked yet"), all);
    }

    @Test
    void chineseResultRowsKeepTheirColumnsWhateverTheTitles() throws Exception {
        SessionState s = state(Fixtures.course(), Lang.ZH);
        s = new Session().update(s, new Intent.Check(), NOW).state();
        long run = s.running().orElseThrow().id();
        s = new Session().update(s,
                new Intent.LessonChecked(run, "install", Fixtures.verdicts(s.current(), "firewalld-stopped")), NOW)
                .state();
        s = new Session().update(s, new Intent.RunFinished(run), NOW).state();
        List<String> screen = draw(s, Ui.start().withResultsScroll(0), 160, 50);
        assertAligned(screen, 160, Layout.of(160, 50).listWidth());
        int header = 0;
        while (!screen.get(header).contains("检查结果")) {
            header++;
        }
        List<String> badges = screen.subList(header, screen.size()).stream()
                .filter(r -> r.matches(".*\\| +(PASS |FAIL ) .*")).toList();
        assertEquals(7, badges.size(),
                "a row per check, firewalld-stopped split into PASS lb01 and FAIL lb02:\n" + String.join("\n", screen));
        int titleCol = -1;
        for (String r : badges) {
            int at = VirtualScreen.column(r, "检查 ");
            assertTrue(at > 0, r);
            if (titleCol >= 0) {
                assertEquals(titleCol, at, "titles start in one column:\n" + String.join("\n", badges));
            }
            titleCol = at;
        }
    }

    @Test
    void theWatchStaysOnTheStatusLineThroughEveryRoundsMessage() throws Exception {
        Session session = new Session();
        SessionState s = state(Fixtures.course(), Lang.EN);
        s = session.update(s, new Intent.Watch(), NOW).state();
        long run = s.running().orElseThrow().id();
        s = session.update(s,
                new Intent.LessonChecked(run, "install", Fixtures.verdicts(s.current(), "firewalld-stopped")),
                NOW.plusSeconds(3)).state();
        s = session.update(s, new Intent.RunFinished(run), NOW.plusSeconds(3)).state();
        assertEquals(SessionState.Mode.WATCHING, s.mode());
        assertTrue(s.flash().isPresent(), "the round left its message");
        List<String> screen = draw(s, Ui.start(), 80, 24);
        String status = screen.get(Layout.of(80, 24).messageRow());
        assertTrue(status.contains("Watching (3.0 s; w or Esc stops) | 5 of 6 checks pass"), status);

        List<String> zh =
                draw(session.update(s, new Intent.SwitchLanguage(), NOW.plusSeconds(3)).state(), Ui.start(), 80, 24);
        assertTrue(zh.get(Layout.of(80, 24).messageRow()).contains("监视中（已 3.0 s，w 或 Esc 停止）"),
                zh.get(Layout.of(80, 24).messageRow()));
    }

    @Test
    void closingTheHelpLeavesNothingOfItsFrameInTheLessonList() throws Exception {
        SessionState s = state(Fixtures.course(), Lang.EN);
        try (VirtualScreen v = new VirtualScreen(80, 24)) {
            TutorScreen view = new TutorScreen(true, ref -> Text.of("检查 " + ref.id(), "check " + ref.id()));
            view.draw(v.screen.newTextGraphics(), Layout.of(80, 24), s, Ui.start().withHelp(true), Optional.empty(),
                    "lab");
            v.screen.refresh();
            view.draw(v.screen.newTextGraphics(), Layout.of(80, 24), s, Ui.start(), Optional.empty(), "lab");
            v.screen.refresh();
            List<String> rows = v.rows();
            for (int r = 2; r < rows.size() - 2; r++) {
                String left = rows.get(r).substring(0, Layout.of(80, 24).listWidth());
                assertFalse(left.contains("|") || left.contains("+"),
                        "row " + r + " of the list: '" + left + "'\n" + String.join("\n", rows));
            }
        }
    }

    @Test
    void aHelpLineTooLongFor80ColumnsWrapsUnderItsDescriptionNotItsKey() throws Exception {
        List<String> screen = draw(state(Fixtures.course(), Lang.EN), Ui.start().withHelp(true), 80, 24);
        int at = -1;
        for (int i = 0; i < screen.size(); i++) {
            if (screen.get(i).contains("c      check the current lesson once")) {
                at = i;
            }
        }
        assertTrue(at >= 0, String.join("\n", screen));
        String next = screen.get(at + 1);
        int key = screen.get(at).indexOf("c      check");
        int description = screen.get(at).indexOf("check the current");
        assertTrue(next.substring(key, description).isBlank() && !next.substring(description).isBlank(),
                "the continuation starts under the description:\n" + String.join("\n", screen));
    }

    @Test
    void theHelpSaysWWatchesAnObservedLessonAndCJudgesItFromTheLogs() throws Exception {
        String help = String.join("\n", draw(state(Fixtures.course(), Lang.EN), Ui.start().withHelp(true), 120, 40));
        assertTrue(help.contains("c      check the current lesson once"), help);
        assertTrue(help.contains("observed lessons (a failover): press w first"), help);
        assertTrue(help.contains("keepalived's logs"), help);
    }

    @Test
    void resizingRedrawsForTheNewSizeAndTooSmallSaysSo() throws Exception {
        SessionState s = state(Fixtures.course(), Lang.EN);
        try (VirtualScreen v = new VirtualScreen(80, 24)) {
            TutorScreen view = new TutorScreen(true, ref -> Text.of(ref.id(), ref.id()));
            view.draw(v.screen.newTextGraphics(), Layout.of(80, 24), s, Ui.start(), Optional.empty(), "lab: x");
            v.screen.refresh();
            assertAligned(v.rows(), 80, 24);
            v.terminal.setTerminalSize(new TerminalSize(120, 40));
            TerminalSize now = v.screen.doResizeIfNecessary();
            assertEquals(new TerminalSize(120, 40), now);
            view.draw(v.screen.newTextGraphics(), Layout.of(120, 40), s, Ui.start(), Optional.empty(), "lab: x");
            v.screen.refresh();
            List<String> big = v.rows();
            assertEquals(40, big.size());
            assertAligned(big, 120, Layout.of(120, 40).listWidth());
            assertTrue(big.get(39).contains("q quit"), v.text());
            assertTrue(big.get(0).stripTrailing().endsWith("lab: x"), v.text());
            v.terminal.setTerminalSize(new TerminalSize(70, 20));
            v.screen.doResizeIfNecessary();
            view.draw(v.screen.newTextGraphics(), Layout.of(70, 20), s, Ui.start(), Optional.empty(), "lab: x");
            v.screen.refresh();
            String small = v.text();
            assertTrue(small.contains("Make the window at least 80x24"), small);
            assertTrue(small.contains("(70x20)"), small);
            assertFalse(small.contains("Lessons"), small);
        }
    }

    @Test
    void theResultsPaneShowsPassFailWithItsHintUnreachableAndErrorApart() throws Exception {
        SessionState s = state(Fixtures.course(), Lang.EN);
        Session session = new Session();
        s = session.update(s, new Intent.Check(), NOW).state();
        long run = s.running().orElseThrow().id();
        Text down = Text.of("lb02 (root@10.9.0.12)：连接超时", "lb02 (root@10.9.0.12): connection timed out after 10 s");
        Optional<Text> downHint = Optional.of(Text.of("确认虚拟机已开机", "make sure the VM is running"));
        HostVerdict lb02Down =
                new HostVerdict("lb02", Status.UNREACHABLE, "host-connect-timeout", down, downHint, List.of());
        List<Verdict> verdicts = List.of(
                new Verdict("keepalived-installed", Text.of("已安装 keepalived", "keepalived is installed"),
                        List.of("lb01", "lb02"), Status.UNREACHABLE, "host-connect-timeout", down, downHint, List.of(),
                        List.of(new HostVerdict("lb01", Status.PASS, "", Text.of("好", "installed"), Optional.empty(),
                                List.of()), lb02Down),
                        List.of()),
                new Verdict("firewalld-stopped", Text.of("firewalld 已停止", "firewalld is stopped"),
                        List.of("lb01", "lb02"), Status.FAIL, "firewalld-running",
                        Text.of("lb01 上 firewalld 正在运行", "firewalld is running on lb01"),
                        Optional.of(Text.of("systemctl stop firewalld", "run systemctl stop firewalld and disable it")),
                        List.of(),
                        List.of(new HostVerdict("lb01", Status.FAIL, "firewalld-running",
                                Text.of("lb01 上 firewalld 正在运行", "firewalld is running on lb01"),
                                Optional.of(Text.of("停止它", "run systemctl stop firewalld and disable it")),
                                List.of(new Evidence("lb01", "systemctl is-active firewalld: active"))), lb02Down),
                        List.of()),
                new Verdict("selinux-not-enforcing", Text.of("SELinux 不是强制模式", "SELinux is not enforcing"),
                        List.of("lb01"), Status.ERROR, "probe-broken",
                        Text.of("探测出错", "the probe getenforce on lb01 broke: exit 127"), Optional.empty(), List.of()),
                new Verdict("ipvsadm-installed", Text.of("已安装 ipvsadm", "ipvsadm is installed"), List.of("lb01"),
                        Status.PASS, "", Text.of("好", "installed"), Optional.empty(), List.of())
                        .withNotes(List.of(Text.of("提醒", "note: an advisory finding"))));
        s = session.update(s, new Intent.LessonChecked(run, "install", verdicts), NOW).state();
        s = session.update(s, new Intent.RunFinished(run), NOW).state();
        List<String> screen = draw(s, Ui.start(), 160, 50);
        String all = String.join("\n", screen);
        assertAligned(screen, 160, Layout.of(160, 50).listWidth());
        assertTrue(all.contains("UNRCH  lb02  lb02 (root@10.9.0.12): connection timed out"), all);
        assertEquals(1, all.split("Make sure the VM is running", -1).length - 1,
                "the host problem is explained once:\n" + all);
        assertTrue(all.contains("PASS   lb01  keepalived is installed"), all);
        assertTrue(all.contains("UNRCH  lb02  keepalived is installed"), all);
        assertTrue(all.contains("FAIL   lb01  firewalld is stopped"), all);
        assertTrue(all.contains("Firewalld is running on lb01"), all);
        assertTrue(all.contains("Hint: Run systemctl stop firewalld and disable it"), all);
        assertTrue(all.contains("- systemctl is-active firewalld: active"), all);
        assertTrue(all.contains("ERROR  lb01  SELinux is not enforcing"), all);
        assertTrue(all.contains("The probe getenforce on lb01 broke"), all);
        assertTrue(all.contains("PASS   lb01  ipvsadm is installed"), all);
        assertTrue(all.contains("Note: Note: an advisory finding"), all);
        assertTrue(all.contains("1/4 pass"), all);
    }

    @Test
    void noColorDrawsWithoutColoursButKeepsTheWords() throws Exception {
        SessionState s = state(Fixtures.course(), Lang.EN);
        for (boolean color : new boolean[]{true, false}) {
            try (VirtualScreen v = new VirtualScreen(100, 30)) {
                new TutorScreen(color, ref -> Text.of(ref.id(), ref.id())).draw(v.screen.newTextGraphics(),
                        Layout.of(100, 30), s, Ui.start(), Optional.empty(), "lab: x");
                v.screen.refresh();
                boolean coloured = false;
                boolean reversed = false;
                for (int r = 0; r < 30; r++) {
                    for (int c = 0; c < 100; c++) {
                        var ch = v.terminal.getBufferCharacter(c, r);
                        coloured |= ch.getForegroundColor() != com.googlecode.lanterna.TextColor.ANSI.DEFAULT
                                || ch.getBackgroundColor() != com.googlecode.lanterna.TextColor.ANSI.DEFAULT;
                        reversed |= ch.isReversed();
                    }
                }
                assertEquals(color, coloured, "colours only without NO_COLOR");
                assertTrue(reversed, "the bars stand out in reverse video either way");
                assertTrue(v.text().contains("Lesson 1  Install Keepalived"), v.text());
            }
        }
    }

    @Test
    void aMessageTooLongForTheScreenEndsInAnEllipsisInBothLanguages() throws Exception {
        for (Lang lang : Lang.values()) {
            SessionState s = state(Fixtures.course(), lang);
            s = new Session().update(s, new Intent.Notice(Text.of(
                    "lb01 上的 keepalived.conf 有 3 处错误：vrrp_instance VI_1 的 virtual_router_id 与 lb02 不同，auth_pass 也不同，"
                            + "按 h 查看提示",
                    "keepalived.conf on lb01 has 3 errors: its virtual_router_id differs from lb02's, so does auth_pass; "
                            + "press h for a hint"),
                    false), NOW).state();
            List<String> screen = draw(s, Ui.start(), 80, 24);
            assertAligned(screen, 80, Layout.of(80, 24).listWidth());
            String message = screen.get(22).stripTrailing();
            assertTrue(message.endsWith("\u2026"), "the cut message says it is cut: '" + message + "'");
            assertTrue(DisplayWidth.of(message) <= 80, message);
        }
    }

    @Test
    void aResultRowNamesAllItsHostsWhereTheColumnIsTooNarrow() throws Exception {
        SessionState s = state(Fixtures.course(), Lang.EN);
        Session session = new Session();
        s = session.update(s, new Intent.Check(), NOW).state();
        long run = s.running().orElseThrow().id();
        List<String> five = List.of("lb01", "lb02", "web01", "web02", "nfs-server");
        List<HostVerdict> hosts = five.stream()
                .map(h -> new HostVerdict(h, Status.FAIL, "firewalld-running",
                        Text.of("firewalld 正在运行", "firewalld is running"), Optional.empty(), List.<Evidence>of()))
                .toList();
        Verdict v = new Verdict("firewalld-stopped", Text.of("firewalld 已停止", "firewalld is stopped"), five,
                Status.FAIL, "firewalld-running", Text.of("firewalld 正在运行", "firewalld is running"), Optional.empty(),
                List.of(), hosts, List.of());
        s = session.update(s, new Intent.LessonChecked(run, "install", List.of(v)), NOW).state();
        s = session.update(s, new Intent.RunFinished(run), NOW).state();
        List<String> screen = draw(s, Ui.start(), 80, 24);
        String all = String.join("\n", screen);
        assertAligned(screen, 80, Layout.of(80, 24).listWidth());
        for (String h : five) {
            assertTrue(all.contains(h), h + " is named on the row that judges it:\n" + all);
        }
    }

    @Test
    void messagesAndHintsReadAsSentencesButNamesKeepTheirCase() throws Exception {
        SessionState s = state(Fixtures.course(), Lang.EN);
        Session session = new Session();
        s = session.update(s, new Intent.Check(), NOW).state();
        long run = s.running().orElseThrow().id();
        Verdict v = new Verdict("master-config-valid", Text.of("keepalived.conf 没有错误", "keepalived.conf has no errors"),
                List.of("lb01"), Status.FAIL, "state-lower-case",
                Text.of("state 是小写的 master", "keepalived.conf line 9: state master is read as BACKUP"),
                Optional.of(Text.of("写成大写 MASTER", "the config has \"state master\" in lower case; write MASTER")),
                List.of());
        s = session.update(s, new Intent.LessonChecked(run, "install", List.of(v)), NOW).state();
        s = session.update(s, new Intent.RunFinished(run), NOW).state();
        s = session.update(s, new Intent.Notice(Text.of("提示", "watch out: lb02 is slow"), false), NOW).state();
        String all = String.join("\n", draw(s, Ui.start(), 160, 50));
        assertTrue(all.contains("Hint: The config has \"state master\" in lower case"), all);
        assertTrue(all.contains("keepalived.conf line 9: state master is read as BACKUP"),
                "a file name keeps its case:\n" + all);
        assertTrue(all.contains(" Watch out: lb02 is slow"), all);
    }

    @Test
    void aCommandTooWideForThePaneGoesOnWithTheShellsContinuationAndHereDocumentsAreNotContinued() {
        Session session = new Session();
        SessionState s = state(Fixtures.course(), Lang.EN);
        int width = Layout.of(80, 24).rightWidth() - 1;
        List<String> lesson =
                LessonPane.of(s, ref -> Text.of(ref.id(), ref.id()), width).lines().stream().map(Line::text).toList();
        int at = 0;
        while (!lesson.get(at).contains("]# sed -i")) {
            at++;
        }
        StringBuilder pasted = new StringBuilder(lesson.get(at).substring(lesson.get(at).indexOf("# ") + 2));
        while (pasted.toString().endsWith(" \\")) {
            at++;
            assertTrue(lesson.get(at).startsWith("     ") && !lesson.get(at).startsWith("      "),
                    "the continuation is indented from where the prompt starts: " + lesson.get(at));
            pasted.setLength(pasted.length() - 1);
            pasted.append(lesson.get(at).strip());
        }
        assertEquals("sed -i 's/^SELINUX=enforcing/SELINUX=disabled/' /etc/selinux/config",
                pasted.toString().replaceAll(" +", " "), String.join("\n", lesson));
        Course course = Fixtures.course();
        Progress installed =
                Progress.empty(course.id(), LabKey.NONE).with("install", LessonProgress.fresh(LessonState.PASSED));
        s = SessionState.start(course, Optional.of(Fixtures.lab()), Lang.EN, installed, NOW);
        s = session.update(s, new Intent.Open("master"), NOW).state();
        s = session.update(s, new Intent.Solution(), NOW).state();
        s = session.update(s, new Intent.Confirm(true), NOW).state();
        List<String> solution =
                LessonPane.of(s, ref -> Text.of(ref.id(), ref.id()), width).lines().stream().map(Line::text).toList();
        String all = String.join("\n", solution);
        assertTrue(all.contains("! Configuration File for keepalived"), all);
        boolean inFile = false;
        for (String l : solution) {
            inFile = inFile ? !l.strip().endsWith("LABTUTOR_EOF") : l.contains("<<'LABTUTOR_EOF'");
            assertTrue(DisplayWidth.of(l) <= width, l);
            if (inFile && !l.contains("<<'LABTUTOR_EOF'")) {
                assertFalse(l.endsWith(" \\"), "a line of the file written is not a command to continue: " + l);
                assertFalse(l.contains("]# "), "nor is it typed at a prompt: " + l);
            }
        }
        assertTrue(all.contains("\u21b5"), "a file line too long for the pane is marked as broken:\n" + all);
    }

    @Test
    void theFocusedPaneIsMarkedInItsTitleWithoutColours() throws Exception {
        for (Lang lang : Lang.values()) {
            SessionState s = state(Fixtures.course(), lang);
            String lessons = lang == Lang.ZH ? "课程 " : "Lessons ";
            String lesson = lang == Lang.ZH ? "课程内容  " : "Lesson  ";
            String results = lang == Lang.ZH ? "检查结果 " : "Results ";
            for (Ui.Focus f : Ui.Focus.values()) {
                try (VirtualScreen v = new VirtualScreen(80, 24)) {
                    new TutorScreen(false, ref -> Text.of(ref.id(), ref.id())).draw(v.screen.newTextGraphics(),
                            Layout.of(80, 24), s, Ui.start().withFocus(f), Optional.empty(), "lab: x");
                    v.screen.refresh();
                    String all = v.text();
                    assertAligned(v.rows(), 80, Layout.of(80, 24).listWidth());
                    assertEquals(1, all.split("\u25b6", -1).length - 1, "one pane is marked:\n" + all);
                    String marked = switch (f) {
                        case LIST -> lessons;
                        case LESSON -> lesson;
                        case RESULTS -> results;
                    };
                    assertTrue(all.contains("\u25b6 " + marked), f + " is marked:\n" + all);
                }
            }
        }
    }

    @Test
    void atEightyColumnsTheTitleBarKeepsTheLabLabelAndTheEndOfItsPath() throws Exception {
        String path = "/var/lib/labtutor/sandbox/lab/lab.yaml";
        for (Lang lang : Lang.values()) {
            String label = lang == Lang.ZH ? "实验：" : "lab: ";
            try (VirtualScreen v = new VirtualScreen(80, 24)) {
                new TutorScreen(true, ref -> Text.of(ref.id(), ref.id())).draw(v.screen.newTextGraphics(),
                        Layout.of(80, 24), state(Fixtures.course(), lang), Ui.start(), Optional.empty(), label + path);
                v.screen.refresh();
                String bar = v.rows().get(0);
                assertAligned(v.rows(), 80, Layout.of(80, 24).listWidth());
                assertTrue(bar.contains(label + "\u2026/"), "the label stays, the path is cut at a '/': " + bar);
                assertTrue(bar.stripTrailing().endsWith("/sandbox/lab/lab.yaml"), bar);
                assertTrue(bar.startsWith(" labtutor  Keepalived"), bar);
            }
        }
        assertEquals("lab: /tmp/lab.yaml", TutorScreen.labTitle("lab: /tmp/lab.yaml", 38));
        assertEquals("lab: \u2026/lab.yaml", TutorScreen.labTitle("lab: /home/someone/labs/lab.yaml", 15));
    }
}
