package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.fact.ConfigFiles;
import dev.labtutor.check.fact.Fact;
import dev.labtutor.check.fact.KeepalivedTest;
import dev.labtutor.check.fact.OsRelease;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The keepalived config check on a host running keepalived 1.3.5 (CentOS 7): the grammar follows the detected
 * version, and the verdict says which rules applied and why.
 */
class Keepalived135CheckTest {

    private static final String CONF = "/etc/keepalived/keepalived.conf";
    private static final Distro CENTOS7 =
            new Distro("centos", "7", "CentOS Linux", "yum", Optional.of("1.3.5"), Optional.of(Family.CENTOS7));
    private static final Distro OPENEULER =
            new Distro("openEuler", "24.03", "openEuler", "dnf", Optional.of("2.2.8"), Optional.of(Family.OPENEULER));

    /** A clean config in 2.2 that 1.3.5 cannot read: a $definition. */
    private static final String WITH_DEFINITION = """
            $PRIO=100
            vrrp_instance VI_1 {
                state MASTER
                interface eth1
                virtual_router_id 51
                priority $PRIO
                virtual_ipaddress {
                    10.9.0.100/24
                }
            }
            """;

    private static HostFacts host(String conf, Optional<Distro> distro, Optional<KeepalivedTest> test) {
        Map<Probe, Fact> f = new HashMap<>();
        f.put(Probe.of(Probe.Kind.ADDRESSES), new Addresses(
                List.of(new Addresses.Iface("eth1", true, List.of(new Addresses.Inet("10.9.0.11", 24, "eth1"))))));
        f.put(Probe.of(Probe.Kind.KEEPALIVED_CONFIG, CONF), new ConfigFiles(CONF, true, Map.of(CONF, conf), List.of()));
        distro.ifPresent(d -> f.put(HostFacts.OS, new OsRelease(d)));
        test.ifPresent(t -> f.put(Probe.of(Probe.Kind.KEEPALIVED_TEST, CONF), t));
        return new HostFacts("lb01", "10.9.0.11", f, Optional.empty());
    }

    private static Outcome judge(HostFacts h) {
        return new KeepalivedConfigCheck(CONF, Set.of(), Set.of()).evaluateHost(h);
    }

    @Test
    void theCheckAsksForTheDistribution() {
        assertTrue(new KeepalivedConfigCheck(CONF, Set.of(), Set.of()).hostProbes().contains(HostFacts.OS));
    }

    @Test
    void onCentos7TheConfigIsReadBy135sRules() {
        Outcome two = judge(host(WITH_DEFINITION, Optional.of(OPENEULER), Optional.empty()));
        assertEquals(Status.PASS, two.status(), two.message().en());
        assertEquals("lb01: " + CONF + " has no errors", two.message().en());

        Outcome old = judge(host(WITH_DEFINITION, Optional.of(CENTOS7), Optional.empty()));
        assertEquals(Status.FAIL, old.status());
        assertEquals("unknown-keyword", old.cause());
        assertTrue(old.message().en().contains("Unknown keyword '$PRIO=100'"), old.message().en());
        assertTrue(old.message().en().contains("(keepalived 1.3.5 rules)"), old.message().en());
        assertTrue(old.notes().get(0).en().contains("this host runs keepalived 1.3.5, which has no keepalived -t"),
                old.notes().toString());
        assertTrue(old.notes().get(0).zh().contains("按 keepalived 1.3.5 的规则"), old.notes().toString());
    }

    @Test
    void aPassUnder135SaysSo() {
        String plain = WITH_DEFINITION.replace("$PRIO=100\n", "").replace("$PRIO", "100");
        Outcome o = judge(host(plain, Optional.of(CENTOS7), Optional.empty()));
        assertEquals(Status.PASS, o.status(), o.message().en());
        assertEquals("lb01: " + CONF + " has no errors (keepalived 1.3.5 rules: this host runs keepalived 1.3.5,"
                + " which has no keepalived -t, so labtutor checked it)", o.message().en());
        assertTrue(
                o.message().zh()
                        .endsWith("（按 keepalived 1.3.5 的规则：这台主机运行 keepalived 1.3.5，它没有 keepalived -t，由 labtutor 检查）"),
                o.message().zh());
    }

    @Test
    void strictWithUnicastFailsOnCentos7WithItsOwnHint() {
        String conf = "global_defs {\n    vrrp_strict\n}\n" + WITH_DEFINITION.replace("$PRIO=100\n", "")
                .replace("priority $PRIO", "priority 255\n    accept\n    unicast_peer {\n        10.9.0.12\n    }");
        Map<String, HostFacts> hosts = Map.of("lb01", host(conf, Optional.of(CENTOS7), Optional.empty()));
        BoundCheck check = new ShippedCourse("10.9.0.100", Map.of("lb01", "10.9.0.11", "lb02", "10.9.0.12", "web01",
                "10.9.0.21", "web02", "10.9.0.22", "nfs-server", "10.9.0.31")).bind("master", "master-config-valid");
        Verdict v = Evaluator.evaluate(check, new RoundFacts(hosts));
        assertEquals(Status.FAIL, v.status(), v.message().en());
        assertEquals("strict-unicast", v.cause());
        assertTrue(v.hint().orElseThrow().en().contains("does not allow unicast_peer in strict mode"),
                v.hint().get().en());

        Map<String, HostFacts> two = Map.of("lb01", host(conf, Optional.of(OPENEULER), Optional.empty()));
        assertEquals(Status.PASS, Evaluator.evaluate(check, new RoundFacts(two)).status(),
                "keepalived 2.2 runs strict mode with unicast peers");
    }

    @Test
    void keepalivedWithoutTestOptionChooses135EvenWithoutTheOsProbe() {
        KeepalivedTest noT = new KeepalivedTest(true, 0, List.of("keepalived: invalid option -- 't'"), false);
        Outcome o = judge(host(WITH_DEFINITION, Optional.empty(), Optional.of(noT)));
        assertEquals(Status.FAIL, o.status());
        assertTrue(o.notes().get(0).en().contains("keepalived -t only answers invalid option"), o.notes().toString());

        Outcome clean =
                judge(host(WITH_DEFINITION, Optional.empty(), Optional.of(new KeepalivedTest(true, 0, List.of()))));
        assertEquals(Status.PASS, clean.status(), "a keepalived that has -t: 2.2's rules");
    }
}
