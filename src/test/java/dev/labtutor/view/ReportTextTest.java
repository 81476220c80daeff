package dev.labtutor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.HostMark;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The text report: headers that say lesson and lab, every diagnostic, host problems once, columns that survive Chinese.
 */
class ReportTextTest {

    static final HostMark LB02_DOWN = new HostMark("lb02", "unreachable", "host-auth-failed",
            Text.of("lb02：登录被拒绝（试过 publickey）", "lb02: login refused (tried publickey)"),
            Optional.of(Text.of("检查 lab.yaml 中的用户和私钥", "check the user and key in lab.yaml")),
            List.of("lb02: auth failed"));

    static List<CheckMark> marks() {
        return List.of(
                new CheckMark("master-config-valid", Text.of("keepalived.conf 没有错误", "keepalived.conf has no errors"),
                        "fail",
                        List.of(new HostMark("lb01", "fail", "vrrp-garp",
                                Text.of("lb01 第 5 行：错误（另有 2 处）", "lb01 line 5: error (and 2 more)"),
                                Optional.of(Text.of("按 keepalived 的报错修改", "fix what keepalived reports")),
                                List.of("keepalived.conf:5: error: [a] first", "keepalived.conf:9: error: [b] second",
                                        "keepalived.conf:12: warning: [c] third"))),
                        List.of()),
                new CheckMark("instance",
                        Text.of("VRRP 实例为 MASTER，优先级 100，VIP 10.0.0.100，VRID 51", "the VRRP instance is MASTER"),
                        "unreachable",
                        List.of(new HostMark("lb01", "pass", "", Text.of("好", "fine"), Optional.empty(), List.of()),
                                LB02_DOWN),
                        List.of()),
                new CheckMark("running", Text.of("keepalived 服务正在运行", "keepalived is running"), "unreachable",
                        List.of(LB02_DOWN), List.of()),
                new CheckMark("enabled", Text.of("开机自启", "enabled"), "pass",
                        List.of(new HostMark("lb01", "pass", "", Text.of("好", "fine"), Optional.empty(), List.of())),
                        List.of(Text.of("提醒：vrrp_garp_interval 0", "note: vrrp_garp_interval 0"))));
    }

    @Test
    void chineseHeaderSaysLessonAndLabAndColumnsHold() {
        String r = ReportText.render(new ReportText.Header(2, "master", "配置主服务器", Optional.of("/home/l/lab.yaml"),
                List.of("lb01 root@10.0.0.11", "lb02 root@10.0.0.12")), marks(), Lang.ZH, false);
        List<String> lines = r.lines().toList();
        assertEquals("第 2 课 master  配置主服务器", lines.get(0));
        assertEquals("实验：/home/l/lab.yaml（检查了 lb01 root@10.0.0.11，lb02 root@10.0.0.12）", lines.get(1));
        List<String> rows = lines.stream().filter(l -> l.matches("  (PASS |FAIL |UNRCH|ERROR)  .*")).toList();
        assertEquals(6, rows.size(), r);
        for (String l : rows) {
            assertTrue(l.substring(0, 15).chars().allMatch(c -> c < 128), "only ASCII before the title: " + l);
            assertTrue(l.charAt(14) == ' ' && l.charAt(15) != ' ', "the title starts in column 15: " + l);
        }
        for (String l : lines.subList(2, lines.size() - 1)) {
            if (!rows.contains(l)) {
                assertTrue(l.startsWith(" ".repeat(15)) && l.charAt(15) != ' ',
                        "details start in the title's column: " + l);
            }
        }
        assertTrue(r.endsWith("1/4 项检查通过。\n"), r);
    }

    @Test
    void everyDiagnosticIsListedAndAHostProblemIsExplainedOnce() {
        String r = ReportText.render(
                new ReportText.Header(2, "master", "Configure the master", Optional.of("/l/lab.yaml"), List.of()),
                marks(), Lang.EN, false);
        assertTrue(r.contains("- keepalived.conf:5: error: [a] first\n"), r);
        assertTrue(r.contains("- keepalived.conf:9: error: [b] second\n"), r);
        assertTrue(r.contains("- keepalived.conf:12: warning: [c] third\n"), r);
        assertEquals(1, r.split("login refused", -1).length - 1, r);
        assertEquals(1, r.split("Check the user and key", -1).length - 1, r);
        assertTrue(r.contains(
                "  UNRCH  lb02  lb02: login refused (tried publickey)\n               Hint: Check the user and key in lab.yaml\n"),
                r);
        assertTrue(r.contains(
                "  UNRCH  lb02  keepalived is running\n  PASS   lb01  enabled\n               Note: Note: vrrp_garp_interval 0\n"),
                r);
        assertTrue(
                r.contains("  PASS   lb01  the VRRP instance is MASTER\n  UNRCH  lb02  the VRRP instance is MASTER\n"),
                r);
        assertTrue(r.endsWith("1/4 checks passed.\n"), r);
    }
}
