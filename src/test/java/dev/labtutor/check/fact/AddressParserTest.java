package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressParserTest {

    private static final Probe PROBE = Probe.of(Probe.Kind.ADDRESSES);

    @Test
    void jsonWithVipLabelAndSecondaryAddress() {
        Addresses a = (Addresses) FactParsers.parse(PROBE, Fixtures.ok(Fixtures.text("ip/ip-j-4-addr.json")));

        assertEquals(List.of("lo", "ens33"), a.interfaces().stream().map(Addresses.Iface::name).toList());
        Addresses.Iface ens33 = a.iface("ens33").orElseThrow();
        assertTrue(ens33.up());
        assertEquals(List.of(new Addresses.Inet("10.88.0.11", 24, "ens33"),
                new Addresses.Inet("10.88.0.100", 32, "ens33:0"), new Addresses.Inet("10.88.0.12", 24, "ens33")),
                ens33.addresses());
        assertEquals("lo", a.holder("10.88.0.200").orElseThrow().name());
        assertFalse(a.holds("10.88.0.99"));
    }

    @Test
    void jsonWithDownInterfaces() {
        Addresses a = (Addresses) FactParsers.parse(PROBE, Fixtures.ok(Fixtures.text("ip/ip-j-4-addr-down.json")));
        assertFalse(a.iface("eth1").orElseThrow().up());
        assertFalse(a.iface("lo").orElseThrow().up());
        assertTrue(a.holds("10.77.1.5"));
    }

    @Test
    void textFallbackMatchesTheJsonReading() {
        String text = "labtutor:ip-text\n" + Fixtures.text("ip/ip-4-o-addr.txt")
                + "labtutor:ip-link\n1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536\n"
                + "6: ens33@if5: <NO-CARRIER,BROADCAST,MULTICAST,UP> mtu 1500\n";
        Addresses fromText = (Addresses) FactParsers.parse(PROBE, Fixtures.ok(text));
        Addresses fromJson = (Addresses) FactParsers.parse(PROBE, Fixtures.ok(Fixtures.text("ip/ip-j-4-addr.json")));
        assertEquals(fromJson, fromText);
    }

    @Test
    void textFallbackWithRealLinkListing() {
        String text = "labtutor:ip-text\n" + Fixtures.text("ip/ip-4-o-addr-down.txt") + "labtutor:ip-link\n"
                + Fixtures.text("ip/ip-o-link-down.txt");
        Addresses a = (Addresses) FactParsers.parse(PROBE, Fixtures.ok(text));
        assertEquals(List.of(new Addresses.Inet("10.77.1.5", 24, "eth1")), a.iface("eth1").orElseThrow().addresses());
        assertFalse(a.iface("eth1").orElseThrow().up());
    }

    @Test
    void aPointToPointPeerLineIsAnAddressNotABrokenHost() {
        // issue 17: on the text path (CentOS 7's iproute2 has no -j) one "inet A peer P/N" line made the whole host
        // ERROR
        String text = "labtutor:ip-text\n" + Fixtures.text("ip/ip-4-o-addr-peer.txt") + "labtutor:ip-link\n"
                + Fixtures.text("ip/ip-o-link-peer.txt");
        Addresses a = (Addresses) FactParsers.parse(PROBE, Fixtures.ok(text));
        assertEquals(
                List.of(new Addresses.Inet("10.88.9.1", 32, "tun9"), new Addresses.Inet("10.88.7.5", 24, "tun9:web")),
                a.iface("tun9").orElseThrow().addresses());
    }

    @Test
    void garbageIsBrokenNotThrown() {
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(PROBE, Fixtures.ok("[{\"ifname\": ")));
        assertInstanceOf(ProbeBroken.class,
                FactParsers.parse(PROBE, new ProbeOutput("", "Object \"addr\" is unknown", 255, false, false)));
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(PROBE, Fixtures.ok("labtutor:ip-text\nnonsense\n")));
    }
}
