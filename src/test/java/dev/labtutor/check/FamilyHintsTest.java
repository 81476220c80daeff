package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.fact.Fact;
import dev.labtutor.check.fact.OsRelease;
import dev.labtutor.check.fact.PackageState;
import dev.labtutor.check.fact.UnitState;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import dev.labtutor.yaml.Problems;
import java.util.HashMap;
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

    private final ShippedCourse shipped =
            new ShippedCourse(VIP, Map.of("lb01", "10.9.0.11", "lb02", "10.9.0.12"));

    private static final Distro OPENEULER = new Distro("openEuler", "24.03", "openEuler", "dnf",
            Optional.of("2.2.8"), Optional.of(Family.OPENEULER));
    private static final Distro ROCKY =
            new Distro("rocky", "9.4", "Rocky Linux", "dnf", Optional.of("2.2.8"), Optional.of(Family.RHEL));
    private static final Distro CENTOS7 = new Distro("centos", "7", "CentOS Linux", "yum", Optional.of("1.3.5"),
            Optional.of(Family.CENTOS7));
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
        RoundFacts round = new RoundFacts(Map.of("lb01", host("lb01", lb01, noKeepalived()), "lb02",
                host("lb02", lb02, noKeepalived())));
        Verdict v = Evaluator.evaluate(shipped.bind("install", "keepalived-installed"), round);
        assertEquals(Status.FAIL, v.status());
        return v.hint().orElseThrow();
    }

    @Test
    void lintRefusesAnUnknownFamilyKeyAndAnUnknownPlaceholderInAForm() {
        Problems p = new Problems();
        CourseLint.lint(List.of(ShippedCourse.ROOT.resolve("src/test/resources/lint/family-hints/course"),
                ShippedCourse.ROOT.resolve("src/test/resources/lint/family-hints/checks")), ShippedCourse.ROOT, p);
        String out = p.sorted().toString();
        assertTrue(out.contains("checks.yaml:14:11: unknown family 'suse' in 'family' of check pkg hint default"),
                out);
        assertTrue(out.contains("checks.yaml:15:19: check pkg hint default for debian: unknown variable ${nmae}"), out);
        assertTrue(!out.contains("for centos7"), out);
        assertEquals(2, p.sorted().size(), out);
    }
}
