package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.fact.Fact;
import dev.labtutor.check.fact.OsRelease;
import dev.labtutor.check.fact.PackageState;
import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.check.fact.SelinuxMode;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import dev.labtutor.lab.HostException;
import dev.labtutor.yaml.Problems;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A check reference with {@code family:} variants is judged host by host, each host by its own family's variant as the
 * OS probe of the same round tells it, still as one verdict per check id.
 */
class FamilySwitchTest {

    private final ShippedCourse shipped =
            new ShippedCourse("10.9.0.100", Map.of("lb01", "10.9.0.11", "lb02", "10.9.0.12"));

    private static final Distro CENTOS7 =
            new Distro("centos", "7", "CentOS Linux", "yum", Optional.of("1.3.5"), Optional.of(Family.CENTOS7));
    private static final Distro UBUNTU =
            new Distro("ubuntu", "24.04", "Ubuntu", "apt-get", Optional.empty(), Optional.of(Family.DEBIAN));
    private static final Distro OPENEULER =
            new Distro("openEuler", "24.03", "openEuler", "dnf", Optional.of("2.2.8"), Optional.of(Family.OPENEULER));

    private static Probe pkg(String name) {
        return Probe.of(Probe.Kind.PACKAGE, name);
    }

    private static HostFacts host(String role, Fact os, Map<Probe, Fact> more) {
        Map<Probe, Fact> facts = new HashMap<>(more);
        facts.put(HostFacts.OS, os);
        return new HostFacts(role, "10.9.0.1", facts, Optional.empty());
    }

    private static Map<Probe, Fact> packages(boolean httpd, boolean apache2) {
        return Map.of(pkg("httpd"), new PackageState("httpd", httpd, httpd ? "2.4.6" : "", "rpm"), pkg("apache2"),
                new PackageState("apache2", apache2, apache2 ? "2.4.58" : "", "dpkg"));
    }

    @Test
    void eachHostIsAskedForItsOwnFamilysPackageAndTheOsProbe() {
        BoundCheck c = shipped.bind("web-failover", "httpd-installed");
        Map<String, Set<Probe>> probes = Plan.of(List.of(c)).probes();
        for (String r : List.of("lb01", "lb02")) {
            assertTrue(probes.get(r).containsAll(Set.of(HostFacts.OS, pkg("httpd"), pkg("apache2"))),
                    probes.toString());
        }
    }

    @Test
    void aCentos7HostIsJudgedByHttpdAndAnUbuntuHostByApache2InTheSameCheck() {
        BoundCheck c = shipped.bind("web-failover", "httpd-installed");
        RoundFacts round = new RoundFacts(Map.of("lb01", host("lb01", new OsRelease(CENTOS7), packages(true, false)),
                "lb02", host("lb02", new OsRelease(UBUNTU), packages(false, true))));
        Verdict v = Evaluator.evaluate(c, round);
        assertEquals(Status.PASS, v.status(), v.toString());
        assertEquals("httpd-installed", v.check());
        assertEquals(List.of("lb01", "lb02"), v.perHost().stream().map(HostVerdict::role).toList());

        round = new RoundFacts(Map.of("lb01", host("lb01", new OsRelease(CENTOS7), packages(true, false)), "lb02",
                host("lb02", new OsRelease(UBUNTU), packages(true, false))));
        v = Evaluator.evaluate(c, round);
        assertEquals(Status.FAIL, v.status(), v.toString());
        assertEquals(Status.PASS, v.on("lb01").orElseThrow().status());
        HostVerdict lb02 = v.on("lb02").orElseThrow();
        assertEquals(Status.FAIL, lb02.status());
        assertTrue(lb02.message().en().contains("apache2"), lb02.toString());
        assertTrue(lb02.hint().orElseThrow().en().contains("apache2"), lb02.toString());
        assertEquals(lb02.hint(), v.hint(), "the verdict's hint is that of the host that failed");
        assertEquals("httpd is installed", v.title().en(), "hosts of two variants: the document's title");

        round = new RoundFacts(Map.of("lb01", host("lb01", new OsRelease(UBUNTU), packages(false, true)), "lb02",
                host("lb02", new OsRelease(UBUNTU), packages(false, true))));
        v = Evaluator.evaluate(c, round);
        assertEquals(Status.PASS, v.status(), v.toString());
        assertEquals("apache2 is installed", v.title().en(), "every host took one variant: its title");
    }

    @Test
    void whenTheOsProbeCannotTellTheDocumentsCheckIsUsed() {
        BoundCheck c = shipped.bind("web-failover", "httpd-installed");
        RoundFacts round = new RoundFacts(
                Map.of("lb01", host("lb01", new ProbeBroken("os", "no /etc/os-release"), packages(true, false)), "lb02",
                        host("lb02", new OsRelease(new Distro("", "", "", "", Optional.empty(), Optional.empty())),
                                packages(false, true))));
        Verdict v = Evaluator.evaluate(c, round);
        assertEquals(Status.PASS, v.on("lb01").orElseThrow().status(), v.toString());
        assertEquals(Status.FAIL, v.on("lb02").orElseThrow().status(), "judged by httpd: " + v);
        assertTrue(v.on("lb02").orElseThrow().message().en().contains("httpd"), v.toString());
    }

    @Test
    void skipPassesThatHostAsNotApplyingAndTheOthersAreStillJudged() {
        BoundCheck c = shipped.bind("install", "selinux-not-enforcing");
        SelinuxMode enforcing = new SelinuxMode(true, "Enforcing", "enforcing");
        Probe selinux = Probe.of(Probe.Kind.SELINUX);
        RoundFacts round =
                new RoundFacts(Map.of("lb01", host("lb01", new OsRelease(OPENEULER), Map.of(selinux, enforcing)),
                        "lb02", host("lb02", new OsRelease(UBUNTU), Map.of())));
        Verdict v = Evaluator.evaluate(c, round);
        assertEquals(Status.FAIL, v.status(), v.toString());
        HostVerdict lb02 = v.on("lb02").orElseThrow();
        assertEquals(Status.PASS, lb02.status());
        assertEquals("does not apply on Ubuntu 24.04", lb02.message().en());
        assertEquals("不适用于 Ubuntu 24.04", lb02.message().zh());
        assertEquals(Status.FAIL, v.on("lb01").orElseThrow().status());
        assertTrue(v.hint().isPresent(), "the failing host's hint: " + v);

        round = new RoundFacts(Map.of("lb01", host("lb01", new OsRelease(UBUNTU), Map.of()), "lb02",
                HostFacts.failed("lb02", "10.9.0.12", new HostException(HostException.Kind.CONNECT_TIMEOUT, "lb02",
                        dev.labtutor.i18n.Text.of("超时", "timed out")))));
        v = Evaluator.evaluate(c, round);
        assertEquals(Status.PASS, v.on("lb01").orElseThrow().status());
        assertEquals(Status.UNREACHABLE, v.on("lb02").orElseThrow().status(), "a host not asked is not passed");
    }

    @Test
    void lintRejectsVariantsOnACheckThatJudgesHostsTogetherAndChecksVariantPlaceholders() {
        Problems p = new Problems();
        CourseLint.lintCourse(ShippedCourse.ROOT.resolve("src/test/resources/lint/family-course"), shipped.catalog, p);
        String out = p.sorted().toString();
        assertTrue(out.contains("l.yaml:16:9: check 'vip-single-holder' has family variants, but 'vip-single-holder'"
                + " judges its hosts together; variants are only for checks judged on each host alone"), out);
        assertTrue(out.contains("unknown variable ${nope}"), out);
        assertTrue(out.contains("unknown variable ${vipp}"), out);
        assertTrue(out.contains("l.yaml:25:35: unknown variable ${vip.x}"), out);
        assertFalse(out.contains("${vip}"), out);
    }
}
