package dev.labtutor.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.view.DisplayWidth;
import java.util.List;
import org.junit.jupiter.api.Test;

class WrapTest {

    @Test
    void aParagraphsHardBreaksAreJoined() {
        assertEquals("However reliable a server is, it will fail one day.",
                Wrap.reflow("However reliable a server is,\nit will fail one day."));
    }

    @Test
    void aListItemsContinuationLinesJoinTheItemInBothLanguages() {
        String en =
                "Intro line\none address:\n- The VIP: 10.0.0.200 here. It belongs to no single\n  machine; it floats.\n- MASTER and BACKUP.";
        assertEquals(
                "Intro line one address:\n- The VIP: 10.0.0.200 here. It belongs to no single machine; it floats.\n- MASTER and BACKUP.",
                Wrap.reflow(en));
        String zh = "- 漂移地址（VIP）：它不属于某一台机器，Keepalived 把它加到\n  当前主服务器的网卡上。\n- 优先级";
        assertEquals("- 漂移地址（VIP）：它不属于某一台机器，Keepalived 把它加到当前主服务器的网卡上。\n- 优先级", Wrap.reflow(zh));
    }

    @Test
    void chineseMeetingALatinWordOrPathAcrossALineBreakKeepsItsSpace() {
        assertEquals("所以还要把 /etc/selinux/config 中的 SELINUX=enforcing 改掉。",
                Wrap.reflow("所以还要把\n/etc/selinux/config 中的 SELINUX=enforcing 改掉。"));
        assertEquals("keepalived 在备用调度器上同样会建立 IPVS 规则", Wrap.reflow("keepalived\n在备用调度器上同样会建立\nIPVS 规则"));
        assertEquals("网卡（eth1）上。它不属于某台机器，“脑裂”", Wrap.reflow("网卡（eth1）\n上。它不属于某台机器，\n“脑裂”"),
                "full-width punctuation carries its own spacing");
    }

    @Test
    void blankLinesCommandsAndNumberedItemsStartNewParagraphs() {
        String text = "Run this:\n    systemctl restart keepalived\n    ip addr\n\n1. first\n   still first\n2. second";
        assertEquals("Run this:\n    systemctl restart keepalived\n    ip addr\n\n1. first still first\n2. second",
                Wrap.reflow(text));
    }

    @Test
    void wrappedLinesFitTheWidthByColumns() {
        for (String l : Wrap.lines(Wrap.reflow("- 漂移地址（VIP）：它不属于某一台机器，Keepalived 把它加到\n  当前主服务器的网卡上，主服务器变了它就跟着漂移。"),
                30)) {
            assertEquals(true, dev.labtutor.view.DisplayWidth.of(l) <= 30, l);
        }
    }

    @Test
    void aLongCommandBreaksAtASpaceWithTheShellsContinuationSoItPastesAsOne() {
        String sed = "sed -i 's/^SELINUX=enforcing/SELINUX=disabled/' /etc/selinux/config";
        List<String> parts = Wrap.command(sed, 43, 51);
        assertEquals(List.of("sed -i \\", "  's/^SELINUX=enforcing/SELINUX=disabled/' \\", "  /etc/selinux/config"),
                parts);
        assertEquals(List.of("echo \"web test page\" > \\", "  /var/www/html/index.html"),
                Wrap.command("echo \"web test page\" > /var/www/html/index.html", 30, 30), "never inside the quotes");
        assertEquals(List.of("ip a"), Wrap.command("ip a", 30, 30));
    }

    @Test
    void whereNoContinuationCanBreakALineItIsMarkedBrokenNotContinued() {
        List<String> parts = Wrap
                .command("echo \"shared web page from nfs-server (10.77.31.15)\" > /opt/wwwroot/index.html", 37, 37);
        for (String p : parts) {
            assertTrue(DisplayWidth.of(p) <= 37, p);
        }
        assertEquals("echo \\", parts.get(0));
        assertTrue(parts.get(1).endsWith("\u21b5"), "a break inside the quotes is marked as one: " + parts);
        assertEquals(List.of("mount -a \\", "  # mounts everything in", "  # /etc/fstab"),
                Wrap.command("mount -a # mounts everything in /etc/fstab", 33, 33),
                "a backslash inside the comment would not continue it: the comment goes on as comments");
        for (String p : Wrap.command("# LVS-DR real server: never answer or announce ARP for the VIP on lo", 30, 30)) {
            assertTrue(p.startsWith("#") && DisplayWidth.of(p) <= 30, p);
        }
    }
}
