package dev.labtutor.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.course.Bindings;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Solution;
import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A lesson is told in the terms of each host's distribution family: CentOS 7 hosts read yum, no .sample copy and
 * 1.3.5's log lines; Ubuntu hosts apt, ufw and apache2; openEuler hosts the document's text, unchanged; a lab whose
 * hosts differ shows each host's commands and each family's text under its hosts.
 */
class FamilyRenderTest {

    private static final Path ROOT = Path.of(System.getProperty("labtutor.root", "."));
    private final Course course = CourseReader.readStrict(ROOT.resolve("lessons/keepalived-lvs"));

    static final Distro OPENEULER =
            new Distro("openEuler", "24.03", "openEuler", "dnf", Optional.of("2.2.8"), Optional.of(Family.OPENEULER));
    static final Distro ROCKY =
            new Distro("rocky", "9.4", "Rocky Linux", "dnf", Optional.of("2.2.8"), Optional.of(Family.RHEL));
    static final Distro CENTOS7 =
            new Distro("centos", "7", "CentOS Linux", "yum", Optional.of("1.3.5"), Optional.of(Family.CENTOS7));
    static final Distro UBUNTU =
            new Distro("ubuntu", "24.04", "Ubuntu", "apt-get", Optional.of("2.2.8"), Optional.of(Family.DEBIAN));

    private Bindings all(Distro d) {
        Map<String, Distro> m = new HashMap<>();
        course.roles().keySet().forEach(r -> m.put(r, d));
        return Bindings.of(course, Optional.empty()).withDistros(m);
    }

    private String render(String lesson, Bindings b, Lang lang) {
        return LessonText.render(course.lesson(lesson).orElseThrow(), b, lang, r -> r.id());
    }

    /** The commands a lesson shows (the lines LessonText prefixes with the host's prompt). */
    private static List<String> commands(String text) {
        return text.lines().map(String::strip).filter(l -> l.matches("\\[[a-z0-9-]+\\]# .*")).toList();
    }

    private String solve(String lesson, Bindings b) {
        return Solution.render(course.lesson(lesson).orElseThrow(), b).stream()
                .map(s -> "[" + s.role() + "] " + s.script()).collect(Collectors.joining("\n"));
    }

    @Test
    void centos7HostsReadYumNoSampleCopyAndKeepalived135sLogLines() {
        Bindings b = all(CENTOS7);
        String install = render("install", b, Lang.EN);
        assertTrue(commands(install).contains("[lb01]# yum install -y keepalived ipvsadm"), install);
        assertTrue(commands(install).stream().noneMatch(c -> c.contains("dnf")), install);
        String master = render("master", b, Lang.EN);
        assertFalse(master.contains("cp keepalived.conf.sample"), master);
        assertTrue(commands(master).contains("[lb01]# cp keepalived.conf keepalived.conf.orig"), master);
        assertTrue(master.contains("has no \"keepalived -t\""), master);
        assertTrue(render("master", b, Lang.ZH).contains("没有 keepalived -t"));
        String logs = render("logs", b, Lang.EN);
        assertTrue(logs.contains("VRRP_Instance(VI_1) Entering MASTER STATE"), logs);
        assertTrue(logs.contains("VRRP_Instance(VI_1) Entering BACKUP STATE"), logs);
        assertFalse(logs.contains("entered BACKUP first"), "1.3.5 goes straight to MASTER: " + logs);
        String web = render("web-failover", b, Lang.EN);
        assertTrue(commands(web).containsAll(List.of("[lb01]# yum install -y httpd", "[lb01]# systemctl start httpd",
                "[lb01]# systemctl enable httpd")), web);
        assertTrue(commands(web).stream().noneMatch(c -> c.contains("--now")), "systemd 219 has no enable --now");
    }

    @Test
    void ubuntuHostsReadAptUfwAndApache2() {
        Bindings b = all(UBUNTU);
        String install = render("install", b, Lang.EN);
        assertTrue(commands(install)
                .containsAll(List.of("[lb01]# apt-get install -y keepalived ipvsadm", "[lb02]# ufw disable")), install);
        assertTrue(commands(install).stream().noneMatch(c -> c.matches(".*(dnf|firewalld|setenforce|selinux).*")),
                install);
        assertTrue(install.contains("AppArmor"), install);
        assertTrue(render("install", b, Lang.ZH).contains("关闭防火墙 ufw"));
        String checked = LessonText.render(course.lesson("install").orElseThrow(), b, Lang.EN, r -> r.use());
        assertTrue(checked.contains("- ufw-inactive (lb01, lb02)"), "the check its hosts are judged by: " + checked);
        String mixed = LessonText.render(course.lesson("install").orElseThrow(),
                Bindings.of(course, Optional.empty()).withDistros(Map.of("lb01", UBUNTU)), Lang.EN, r -> r.use());
        assertTrue(mixed.contains("- firewalld-stopped (lb01, lb02)"), "hosts judged differently: the reference's");
        String master = render("master", b, Lang.EN);
        assertFalse(master.contains("cp keepalived.conf"), master);
        String web = render("web-failover", b, Lang.EN);
        assertTrue(commands(web)
                .containsAll(List.of("[lb01]# apt-get install -y apache2", "[lb02]# systemctl restart apache2")), web);
        assertTrue(commands(web).stream().noneMatch(c -> c.contains("httpd")), web);
        String logs = render("logs", b, Lang.EN);
        assertTrue(commands(logs).stream().allMatch(c -> c.contains("journalctl -u keepalived")), logs);
        String nfs = render("nfs-share", b, Lang.EN);
        assertTrue(commands(nfs).contains("[web01]# apt-get install -y nfs-common"), nfs);
    }

    @Test
    void rockyHostsBackUpTheShippedConfigInsteadOfCopyingASample() {
        String master = render("master", all(ROCKY), Lang.EN);
        assertTrue(commands(master).contains("[lb01]# cp keepalived.conf keepalived.conf.orig"), master);
        assertFalse(master.contains("keepalived.conf.sample keepalived.conf"), master);
        assertTrue(
                commands(render("install", all(ROCKY), Lang.EN)).contains("[lb01]# dnf install -y keepalived ipvsadm"));
    }

    /**
     * {@code openeuler-en.txt} / {@code openeuler-zh.txt} are every lesson as the document's text rendered them before
     * the family variants were added (and, in English, every lesson's solution).
     */
    @Test
    void openEulerHostsAndUndetectedHostsReadTheDocumentsTextByteForByte() throws Exception {
        for (Bindings b : List.of(Bindings.of(course, Optional.empty()), all(OPENEULER))) {
            for (Lang lang : Lang.values()) {
                StringBuilder sb = new StringBuilder();
                for (Lesson l : course.lessons()) {
                    sb.append(LessonText.render(l, b, lang, r -> r.id()));
                    if (lang == Lang.EN) {
                        Solution.render(l, b).forEach(st -> sb.append("[" + st.role() + "] " + st.script() + "\n"));
                    }
                }
                String golden = Files.readString(ROOT.resolve("src/test/resources/family/openeuler-"
                        + lang.name().toLowerCase(java.util.Locale.ROOT) + ".txt"));
                assertEquals(golden, sb.toString());
            }
        }
    }

    @Test
    void aLabWhoseHostsDifferShowsEachHostsCommandsAndEachFamilysTextUnderItsHosts() {
        Bindings b = Bindings.of(course, Optional.empty())
                .withDistros(Map.of("lb01", OPENEULER, "lb02", CENTOS7, "web01", UBUNTU, "web02", ROCKY));
        String install = render("install", b, Lang.EN);
        List<String> cmds = commands(install);
        assertTrue(cmds.containsAll(
                List.of("[lb01]# dnf install -y keepalived ipvsadm", "[lb02]# yum install -y keepalived ipvsadm")),
                install);
        int oe = install.indexOf("On lb01 (openEuler):");
        int c7 = install.indexOf("On lb02 (CentOS 7):");
        assertTrue(oe > 0 && c7 > oe, install);
        assertTrue(install.indexOf("install keepalived and ipvsadm with dnf", oe) > oe, install);
        assertTrue(install.indexOf("with yum", c7) > c7, install);
        assertTrue(render("install", b, Lang.ZH).contains("在 lb02 上（CentOS 7）："));
        assertEquals(1, install.split("On lb01 \\(openEuler\\)", -1).length - 1,
                "the firewall step's text is the same for both: shown once, without a heading: " + install);

        String prepare = render("lvs-prepare", b, Lang.EN);
        assertTrue(commands(prepare).containsAll(List.of("[web01]# apt-get install -y apache2",
                "[web02]# dnf install -y httpd", "[web01]# ufw disable", "[web02]# setenforce 0")), prepare);
        assertTrue(prepare.contains("On web01 (Debian/Ubuntu):"), prepare);

        String solved = solve("lvs-prepare", b);
        assertTrue(solved.contains("[web01] ufw disable"), solved);
        assertTrue(solved.contains("[web02] systemctl stop firewalld"), solved);
        assertTrue(solved.contains("[nfs-server] dnf install -y nfs-utils rpcbind"), "undetected: the document's");
    }

    @Test
    void theSolutionRunsEachHostsFamilysCommands() {
        assertTrue(solve("install", all(CENTOS7)).contains("[lb01] yum install -y keepalived ipvsadm"));
        assertTrue(solve("master", all(CENTOS7))
                .contains("[lb01] cd /etc/keepalived\ncp keepalived.conf keepalived.conf.orig"));
        String ubuntu = solve("install", all(UBUNTU));
        assertTrue(ubuntu.contains("[lb02] apt-get update\napt-get install -y keepalived ipvsadm"), ubuntu);
        assertTrue(ubuntu.contains("[lb02] ufw disable"), ubuntu);
        assertFalse(ubuntu.contains("setenforce"), ubuntu);
        String nfs = solve("nfs-share", all(UBUNTU));
        assertTrue(nfs.contains("[web02] apt-get install -y nfs-common"), nfs);
        assertTrue(solve("nfs-share", all(CENTOS7)).contains("systemctl start rpcbind nfs-server"));
        assertTrue(solve("lvs-test", all(UBUNTU)).contains("[web01] systemctl stop apache2"));
    }
}
