package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.fact.Fact;
import dev.labtutor.check.fact.FirewalldState;
import dev.labtutor.check.fact.OsRelease;
import dev.labtutor.check.fact.PackageState;
import dev.labtutor.check.fact.UfwState;
import dev.labtutor.check.fact.UnitState;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import dev.labtutor.yaml.Problems;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A failing check's hint is told in the failing host's own family's terms ({@code family:} forms of the hints in
 * checks/*.yaml), as the OS probe of the same round tells it; the document's (openEuler) text is unchanged.
 */
class FamilyHintsTest {

    private static final String VIP = "10.9.0.100";

    private final ShippedCourse shipped = new ShippedCourse(VIP, Map.of("lb01", "10.9.0.11", "lb02", "10.9.0.12"));

    private static final Distro OPENEULER =
            new Distro("openEuler", "24.03", "openEuler", "dnf", Optional.of("2.2.8"), Optional.of(Family.OPENEULER));
    private static final Distro ROCKY =
            new Distro("rocky", "9.4", "Rocky Linux", "dnf", Optional.of("2.2.8"), Optional.of(Family.RHEL));
    private static final Distro CENTOS7 =
            new Distro("centos", "7", "CentOS Linux", "yum", Optional.of("1.3.5"), Optional.of(Family.CENTOS7));
    private static final Distro UBUNTU =
            new Distro("ubuntu", "24.04", "Ubuntu", "apt-get", Optional.empty(), Optional.of(Family.DEBIAN));
    private static final Distro UNKNOWN = new Distro("", "", "", "", Optional.empty(), Optional.empty());

    /** package-installed's default hint as shipped before family forms existed (and still for openEuler). */
    private static final Text OPENEULER_INSTALL = Text.of(
            "用 dnf install -y keepalived 安装；如果 dnf 报错找不到软件包，检查软件源（/etc/yum.repos.d/）和网络。",
            "Install it with \"dnf install -y keepalived\"; if dnf cannot find the package, check the repositories"
                    + " (/etc/yum.repos.d/) and the network.");

    private static HostFacts host(String role, Distro d, Map<Probe, Fact> more) {
        Map<Probe, Fact> facts = new HashMap<>(more);
        facts.put(HostFacts.OS, new OsRelease(d));
        return new HostFacts(role, "10.9.0.1", facts, Optional.empty());
    }

    private static Map<Probe, Fact> noKeepalived() {
        return Map.of(Probe.of(Probe.Kind.PACKAGE, "keepalived"), new PackageState("keepalived", false, "", "rpm"),
                Probe.of(Probe.Kind.UNIT, "keepalived"),
                new UnitState("keepalived", "not-found", "inactive", "dead", "", "systemd"));
    }

    private Text notInstalled(Distro lb01, Distro lb02) {
        RoundFacts round = new RoundFacts(
                Map.of("lb01", host("lb01", lb01, noKeepalived()), "lb02", host("lb02", lb02, noKeepalived())));
        Verdict v = Evaluator.evaluate(shipped.bind("install", "keepalived-installed"), round);
        assertEquals(Status.FAIL, v.status());
        return v.hint().orElseThrow();
    }

    @Test
    void eachFamilyIsToldItsOwnInstallCommand() {
        Text ubuntu = notInstalled(UBUNTU, UBUNTU);
        assertTrue(ubuntu.en().contains("\"apt-get install -y keepalived\""), ubuntu.en());
        assertTrue(ubuntu.en().contains("/etc/apt/sources.list.d/"), ubuntu.en());
        assertTrue(ubuntu.zh().contains("apt-get install -y keepalived"), ubuntu.zh());
        assertTrue(!ubuntu.en().contains("dnf") && !ubuntu.en().contains("yum"), ubuntu.en());

        Text centos = notInstalled(CENTOS7, CENTOS7);
        assertTrue(centos.en().contains("\"yum install -y keepalived\""), centos.en());
        assertTrue(centos.zh().contains("yum install -y keepalived"), centos.zh());
        assertTrue(!centos.en().contains("dnf"), centos.en());

        assertTrue(notInstalled(ROCKY, ROCKY).en().contains("\"dnf install -y keepalived\""));
    }

    @Test
    void openEulerAndUndetectedHostsReadTheDocumentsTextUnchanged() {
        assertEquals(OPENEULER_INSTALL, notInstalled(OPENEULER, OPENEULER));
        assertEquals(OPENEULER_INSTALL, notInstalled(UNKNOWN, UNKNOWN));
        assertEquals(OPENEULER_INSTALL, notInstalled(OPENEULER, UNKNOWN));
    }

    @Test
    void hostsOfDifferentFamiliesAreEachToldTheirOwnForm() {
        Text mixed = notInstalled(OPENEULER, CENTOS7);
        assertEquals("lb01: " + OPENEULER_INSTALL.en() + " lb02 (CentOS 7): Install it with \"yum install -y"
                + " keepalived\"; if yum cannot find the package, check the repositories (/etc/yum.repos.d/) and the"
                + " network.", mixed.en());
        assertEquals("lb01：" + OPENEULER_INSTALL.zh() + "lb02（CentOS 7）：用 yum install -y keepalived 安装；如果 yum"
                + " 报错找不到软件包，检查软件源（/etc/yum.repos.d/）和网络。", mixed.zh());
    }

    @Test
    void aHintNamingItsHostsNamesEachFamilysOwn() {
        RoundFacts round = new RoundFacts(
                Map.of("lb01", host("lb01", UBUNTU, noKeepalived()), "lb02", host("lb02", CENTOS7, noKeepalived())));
        Verdict v = Evaluator.evaluate(shipped.bind("failover", "keepalived-running-again"), round);
        assertEquals("not-installed", v.cause());
        assertEquals("lb01 (Debian/Ubuntu): keepalived is not installed on lb01 yet; do the install lesson first"
                + " (\"apt-get update\", then \"apt-get install -y keepalived ipvsadm\"). lb02 (CentOS 7): keepalived"
                + " is not installed on lb02 yet; do the install lesson first (\"yum install -y keepalived ipvsadm\").",
                v.hint().orElseThrow().en());
        assertEquals(
                "keepalived is not installed on lb02 yet; do the install lesson first"
                        + " (\"yum install -y keepalived ipvsadm\").",
                v.on("lb02").orElseThrow().hint().orElseThrow().en());
    }

    @Test
    void aCheckWithFamilyVariantsSaysEachFailingHostsOwnHint() {
        ShippedCourse web = new ShippedCourse(VIP, Map.of("web01", "10.9.0.13", "web02", "10.9.0.14"));
        Map<Probe, Fact> none =
                Map.of(Probe.of(Probe.Kind.PACKAGE, "httpd"), new PackageState("httpd", false, "", "rpm"),
                        Probe.of(Probe.Kind.PACKAGE, "apache2"), new PackageState("apache2", false, "", "dpkg"));
        RoundFacts round =
                new RoundFacts(Map.of("web01", host("web01", CENTOS7, none), "web02", host("web02", UBUNTU, none)));
        Verdict v = Evaluator.evaluate(web.bind("lvs-prepare", "web-httpd-installed"), round);
        assertEquals(Status.FAIL, v.status());
        assertEquals("web01 (CentOS 7): Install it with \"yum install -y httpd\"; if yum cannot find the package,"
                + " check the repositories (/etc/yum.repos.d/) and the network. web02 (Debian/Ubuntu): Run"
                + " \"apt-get update\", then install it with \"apt-get install -y apache2\"; if apt-get cannot find"
                + " the package (\"Unable to locate package\"), check the repositories (/etc/apt/sources.list and"
                + " /etc/apt/sources.list.d/) and the network.", v.hint().orElseThrow().en());
    }

    @Test
    void aCheckWithFamilyHintsAsksForTheOsOfItsHosts() {
        BoundCheck c = shipped.bind("install", "keepalived-installed");
        Map<String, java.util.Set<Probe>> probes = Plan.of(List.of(c)).probes();
        assertTrue(probes.get("lb01").contains(HostFacts.OS), probes.toString());
        assertTrue(probes.get("lb02").contains(HostFacts.OS), probes.toString());
    }

    @Test
    void aWatchThatSawNothingTellsAnUbuntuLearnerApache2() {
        ShippedCourse web = new ShippedCourse(VIP, Map.of("web01", "10.9.0.13", "web02", "10.9.0.14"));
        BoundCheck c = web.bind("lvs-test", "failed-server-left-out");
        Outcome unseen = Outcome.fail("not-observed", Text.of("没有看到", "not seen"), List.of());
        RoundFacts ubuntu = new RoundFacts(
                Map.of("web01", host("web01", UBUNTU, Map.of()), "web02", host("web02", UBUNTU, Map.of())));
        String told = Evaluator.judged(c, unseen, ubuntu).hint().orElseThrow().en();
        assertTrue(told.contains("keepalived or apache2"), told);
        String document = Evaluator.judged(c, unseen).hint().orElseThrow().en();
        assertTrue(document.contains("keepalived or httpd"), document);
    }

    @Test
    void ufwOnAnUbuntuDirectorExplainsTheSplitBrain() {
        Map<String, HostFacts> hosts = new LinkedHashMap<>();
        for (String r : List.of("lb01", "lb02")) {
            String a = r.equals("lb01") ? "10.9.0.11" : "10.9.0.12";
            Map<Probe, Fact> f = new HashMap<>();
            f.put(Probe.of(Probe.Kind.ADDRESSES), new Addresses(List.of(new Addresses.Iface("eth1", true,
                    List.of(new Addresses.Inet(a, 24, "eth1"), new Addresses.Inet(VIP, 32, "eth1"))))));
            f.put(Probe.of(Probe.Kind.UNIT, "keepalived"),
                    new UnitState("keepalived", "loaded", "active", "running", "enabled", "systemd"));
            f.put(Probe.of(Probe.Kind.FIREWALLD), new FirewalldState(false, false));
            f.put(Probe.of(Probe.Kind.UFW), r.equals("lb02") ? new UfwState(true, "active", true, "yes", "")
                    : new UfwState(true, "inactive", true, "no", ""));
            hosts.put(r, host(r, UBUNTU, f));
        }
        Verdict v = Evaluator.evaluate(shipped.bind("backup", "backup-without-vip"), new RoundFacts(hosts));
        assertEquals(Status.FAIL, v.status());
        assertEquals("ufw", v.cause());
        assertTrue(v.hint().orElseThrow().en().contains("ufw is active on lb02"), v.hint().toString());
        assertTrue(v.hint().orElseThrow().en().contains("\"ufw disable\""), v.hint().toString());
    }

    @Test
    void lintRefusesAnUnknownFamilyKeyAndAnUnknownPlaceholderInAForm() {
        Problems p = new Problems();
        CourseLint.lint(
                List.of(ShippedCourse.ROOT.resolve("src/test/resources/lint/family-hints/course"),
                        ShippedCourse.ROOT.resolve("src/test/resources/lint/family-hints/checks")),
                ShippedCourse.ROOT, p);
        String out = p.sorted().toString();
        assertTrue(out.contains("checks.yaml:14:11: unknown family 'suse' in 'family' of check pkg hint default"), out);
        assertTrue(out.contains("checks.yaml:15:19: check pkg hint default for debian: unknown variable ${nmae}"), out);
        assertTrue(!out.contains("for centos7"), out);
        assertEquals(2, p.sorted().size(), out);
    }
}
