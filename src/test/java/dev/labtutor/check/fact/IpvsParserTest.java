package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpvsParserTest {

    private static final Probe IPVS = Probe.of(Probe.Kind.IPVS);

    private static IpvsTable table(String fixture) {
        return (IpvsTable) FactParsers.parse(IPVS, Fixtures.ok(Fixtures.text("ipvsadm/" + fixture)));
    }

    @Test
    void directRoutingWithPersistence() {
        IpvsTable t = table("public-route-persistent.txt");
        IpvsTable.VirtualService vs = t.service("tcp", "172.16.10.30", 3128).orElseThrow();
        assertEquals("wrr", vs.scheduler());
        assertTrue(vs.persistent());
        assertEquals(List.of(new IpvsTable.RealServer("172.128.10.31", 3128, "Route", 1, 0, 0),
                new IpvsTable.RealServer("172.128.10.32", 3128, "Route", 1, 3, 0)), vs.realServers());
    }

    @Test
    void firewallMarkServicesWithLocalAndRoute() {
        IpvsTable t = table("public-fwm-local-route.txt");
        assertEquals(2, t.services().size());
        IpvsTable.VirtualService fwm7 = t.service("FWM", "7", 0).orElseThrow();
        assertFalse(fwm7.persistent());
        assertEquals(List.of("Local", "Route"),
                fwm7.realServers().stream().map(IpvsTable.RealServer::forward).toList());
    }

    @Test
    void masqueradeWithoutVersionLineAndEmptyTable() {
        IpvsTable t = table("public-masq.txt");
        assertEquals(3, t.service("TCP", "10.0.0.92", 80).orElseThrow().realServers().size());
        assertTrue(t.services().get(0).realServers().stream().allMatch(r -> r.forward().equals("Masq")));
        IpvsTable empty = table("public-empty.txt");
        assertTrue(empty.available());
        assertTrue(empty.services().isEmpty());
    }

    @Test
    void tunnelRealServerLine() throws Unparseable {
        assertEquals(new IpvsTable.RealServer("2.2.2.2", 80, "Tunnel", 11, 0, 0),
                IpvsParser.realServer(Fixtures.text("ipvsadm/public-tunnel-line.txt").stripTrailing()));
    }

    @Test
    void kernelWithoutIpVsAndMissingIpvsadm() {
        ProbeOutput noModule = new ProbeOutput(Fixtures.text("ipvsadm/no-ip_vs.out"),
                Fixtures.text("ipvsadm/no-ip_vs.err"), 2, false, false);
        IpvsTable t = (IpvsTable) FactParsers.parse(IPVS, noModule);
        assertFalse(t.available());
        assertEquals("Can't initialize ipvs: Protocol not available", t.unavailableReason());
        assertEquals(t, FactParsers.parse(IPVS, Fixtures.probe("ipvs-no-ip_vs")));

        assertEquals(IpvsTable.State.NO_KERNEL_IPVS, t.state());

        ProbeOutput noModule2 = new ProbeOutput(Fixtures.text("ipvsadm/no-ip_vs-no-module.out"),
                Fixtures.text("ipvsadm/no-ip_vs-no-module.err"), 2, false, false);
        IpvsTable modprobeFirst = (IpvsTable) FactParsers.parse(IPVS, noModule2);
        assertEquals(IpvsTable.State.NO_KERNEL_IPVS, modprobeFirst.state(),
                "modprobe's \"not found\" is about ip_vs, not ipvsadm");
        assertEquals("Can't initialize ipvs: Protocol not available", modprobeFirst.unavailableReason());

        IpvsTable missing = (IpvsTable) FactParsers.parse(IPVS,
                new ProbeOutput("labtutor:ipvsadm-missing\n", "", 127, false, false));
        assertFalse(missing.available());
        assertEquals("ipvsadm is not installed", missing.unavailableReason());
        assertEquals(IpvsTable.State.NO_IPVSADM, missing.state());
    }

    @Test
    void garbledTablesAreBroken() {
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(IPVS, Fixtures.ok("hello\n")));
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(IPVS,
                Fixtures.ok("Prot LocalAddress:Port Scheduler Flags\n  -> 1.2.3.4:80 Route 1 0 0\n")));
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(IPVS, Fixtures
                .ok("Prot LocalAddress:Port Scheduler Flags\nTCP  1.1.1.1:80 rr\n  -> 1.2.3.4:80 Route one 0 0\n")));
    }
}
