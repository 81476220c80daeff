package dev.labtutor.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.session.Fixtures;
import dev.labtutor.tui.FirstRun.Effect;
import dev.labtutor.tui.FirstRun.Event;
import dev.labtutor.tui.FirstRun.Mode;
import dev.labtutor.tui.FirstRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first-run screen's update without a terminal or a lab, and its view at 80x24 in both languages. */
class FirstRunTest {

    private static final Path TARGET = Path.of("/home/me/.config/labtutor/lab.yaml");

    @TempDir
    Path dir;

    private final List<Effect> effects = new ArrayList<>();

    private FirstRun.State send(FirstRun.State s, Event e) {
        FirstRun.Transition t = FirstRun.update(s, e);
        effects.addAll(t.effects());
        return t.state();
    }

    private FirstRun.State key(FirstRun.State s, KeyType k) {
        return send(s, new Event.Key(new KeyStroke(k)));
    }

    private FirstRun.State type(FirstRun.State s, String text) {
        for (char c : text.toCharArray()) {
            s = send(s, new Event.Key(new KeyStroke(c, false, false)));
        }
        return s;
    }

    /** The screen as it opens, once the look around found {@code key} and a sandbox that can start. */
    private FirstRun.State looked(Optional<String> key, Optional<Text> sandbox) {
        FirstRun.Transition t = FirstRun.start(Fixtures.course(), TARGET);
        assertEquals(List.of(new Effect.LookAround()), t.effects(),
                "the key and the sandbox are looked for off the screen");
        return send(t.state(), new Event.LookedAround(key, sandbox));
    }

    @Test
    void theKeyFoundFillsTheFormsAndAnUnavailableSandboxSaysWhy() {
        FirstRun.State before = FirstRun.start(Fixtures.course(), TARGET).state();
        assertEquals(before, type(before, "2"), "2 waits until it is known whether the sandbox can start");
        FirstRun.State s =
                looked(Optional.of("/home/me/.ssh/id_ed25519"), Optional.of(Text.of("需要 root", "needs root")));
        assertTrue(s.forms().values().stream().allMatch(f -> f.get(FirstRun.KEY).equals("/home/me/.ssh/id_ed25519")),
                s.forms().toString());
        s = type(s, "2");
        assertEquals(Mode.CHOOSE, s.mode());
        assertEquals(Optional.of(Text.of("需要 root", "needs root")), s.message());
        assertEquals(List.of(), effects, "nothing is started");
    }

    @Test
    void aLoginIsTriedOffTheScreenAndEscCancelsIt() {
        FirstRun.State s = type(looked(Optional.empty(), Optional.empty()), "1");
        s = type(s, "10.1.2.3");
        s = key(s, KeyType.Tab);
        s = key(s, KeyType.Tab);
        s = key(s, KeyType.Tab);
        s = type(s, "x0");
        assertEquals("220", s.forms().get("lb01").get(FirstRun.PORT), "a port takes digits only");
        s = key(s, KeyType.Enter);
        HostSpec lb01 = new HostSpec("lb01", "10.1.2.3", 220, "root", Optional.empty(), Optional.empty(), false);
        assertEquals(new Effect.TryLogin(1, lb01), effects.get(effects.size() - 1));
        assertTrue(s.working());
        assertEquals(s, type(s, "9"), "keys wait while a login is tried");
        s = key(s, KeyType.Escape);
        assertEquals(new Effect.Cancel(1), effects.get(effects.size() - 1));
        assertEquals(Optional.of(Text.of("已取消", "cancelled")), s.message());
        FirstRun.State after = send(s, new Event.LoginTried(1, "lb01", Optional.empty()));
        assertEquals(s, after, "the cancelled login's late answer is ignored");
        s = key(s, KeyType.Enter);
        assertEquals(new Effect.TryLogin(2, lb01), effects.get(effects.size() - 1));
        s = send(s, new Event.LoginTried(2, "lb01", Optional.of(Text.of("拒绝", "refused"))));
        assertEquals(Optional.of(Text.of("拒绝", "refused")), s.message());
        assertEquals(0, s.role(), "a failed login stays on the host");
        s = key(s, KeyType.Enter);
        s = send(s, new Event.LoginTried(3, "lb01", Optional.empty()));
        assertEquals(1, s.role(), "a login that worked goes on to the next host");
        assertEquals(Map.of("lb01", Optional.empty()), s.tested());
    }

    @Test
    void theSummaryWritesTheLabAsAnEffectAndEndsWithIt() {
        FirstRun.State s = type(looked(Optional.empty(), Optional.empty()), "1");
        s = type(s, "10.1.2.3");
        s = key(s, KeyType.Enter);
        s = send(s, new Event.LoginTried(1, "lb01", Optional.empty()));
        for (int i = 1; i < s.roles().size(); i++) {
            s = key(s, KeyType.PageDown);
        }
        assertEquals(Mode.ADDRESSES, s.mode());
        assertEquals("10.1.2.254", s.addresses().get("vip"), "a free address of the hosts' subnet is offered");
        s = key(s, KeyType.Enter);
        assertEquals(Mode.SUMMARY, s.mode());
        s = key(s, KeyType.Enter);
        HostSpec lb01 = new HostSpec("lb01", "10.1.2.3", 22, "root", Optional.empty(), Optional.empty(), false);
        assertEquals(new Effect.WriteLab(2, Map.of("lb01", lb01), Map.of("vip", "10.1.2.254")),
                effects.get(effects.size() - 1));
        assertTrue(s.result().isEmpty());
        FirstRun.State failed = send(s, new Event.Failed(2, Text.of("已存在", "exists already")));
        assertEquals(Optional.of(Text.of("已存在", "exists already")), failed.message());
        s = send(s, new Event.LabReady(2, Fixtures.lab()));
        assertEquals(Optional.of(new Result.Lab(Fixtures.lab())), s.result());
    }

    @Test
    void theSandboxStartsAsAnEffectWhoseLinesComeBack() {
        FirstRun.State s = type(looked(Optional.empty(), Optional.empty()), "2");
        assertEquals(Mode.SANDBOX, s.mode());
        assertEquals(new Effect.StartSandbox(1), effects.get(effects.size() - 1));
        assertEquals(s, key(s, KeyType.Escape), "Esc does not stop the sandbox half way");
        for (int i = 1; i <= 20; i++) {
            s = send(s, new Event.SandboxLine(1, "line " + i));
        }
        assertEquals(FirstRun.SANDBOX_LINES, s.log().size());
        assertEquals("line 20", s.log().get(s.log().size() - 1));
        FirstRun.State failed = send(s, new Event.Failed(1, Text.of("失败", "nft failed")));
        assertEquals(Optional.of(Text.of("失败", "nft failed")), failed.message());
        assertEquals(Mode.CHOOSE, key(failed, KeyType.Escape).mode());
        assertEquals(Optional.of(new Result.Lab(Fixtures.lab())),
                send(s, new Event.LabReady(1, Fixtures.lab())).result());
        assertEquals(Optional.of(new Result.Quit()), key(s, KeyType.EOF).result(),
                "the terminal closing quits, even while busy");
    }

    @Test
    void theKeyLookedForIsTheFirstReadableOfTheUsualThree() throws Exception {
        assertEquals(Optional.empty(), FirstRunEffects.defaultKey(dir));
        Files.createDirectories(dir.resolve(".ssh"));
        Files.writeString(dir.resolve(".ssh/id_rsa"), "k");
        Files.writeString(dir.resolve(".ssh/id_ecdsa"), "k");
        assertEquals(Optional.of(dir.resolve(".ssh/id_ecdsa").toString()), FirstRunEffects.defaultKey(dir));
    }

    private static String screen(FirstRun.State s, Lang lang) throws Exception {
        try (VirtualScreen v = new VirtualScreen(80, 24)) {
            FirstRunView.draw(new Painter(v.screen.newTextGraphics(), true), Layout.of(80, 24), s, lang, "|",
                    Optional.empty());
            v.screen.refresh();
            return v.text();
        }
    }

    @Test
    void theViewAt80x24InEnglishAndChinese() throws Exception {
        FirstRun.State choose = looked(Optional.empty(), Optional.of(Text.of("需要 root", "needs root")));
        String en = screen(choose, Lang.EN);
        assertTrue(en.contains("There are two ways on:") && en.contains("not available here: needs root"), en);
        assertTrue(en.contains(TARGET.toString()), en);
        assertTrue(en.split("\n")[23].startsWith(" 1 describe your hosts  2 start the sandbox  Esc read first  q quit"),
                en);
        String zh = screen(choose, Lang.ZH);
        assertTrue(zh.contains("有两种方式开始：") && zh.contains("现在不可用：需要 root"), zh);
        assertTrue(zh.split("\n")[23].startsWith(" 1 填写主机  2 启动沙箱  Esc 先看课程  q 退出"), zh);
        FirstRun.State form = key(type(type(choose, "1"), "10.1.2.3"), KeyType.Enter);
        String trying = screen(form, Lang.EN);
        assertTrue(trying.contains("Host 1 of 5: lb01") && trying.contains("> address  10.1.2.3_"), trying);
        assertTrue(trying.contains("| trying to log in to lb01..."),
                "the busy mark spins beside the message:\n" + trying);
        String zhForm = screen(form, Lang.ZH);
        assertTrue(zhForm.contains("主机 1/5：lb01") && zhForm.contains("| 正在尝试登录 lb01..."), zhForm);
    }
}
