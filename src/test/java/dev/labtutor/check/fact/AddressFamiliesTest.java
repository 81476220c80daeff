package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ADDRESSES over the real outputs of three iproute2 generations for one and the same state (fixtures/ip/iproute2-*,
 * probe/addresses-iproute2-*): 3.10.0 (CentOS 7's base, no {@code -j}) and 4.11.0 (RHEL/CentOS 7.5 and later, no
 * {@code -j} either) built from the upstream tags, and this machine's 6.1 (JSON). The state has every form a lab host
 * shows: a DHCP address ({@code dynamic}, {@code noprefixroute}), keepalived's /32 VIP, a {@code secondary}, an
 * ifconfig-style label {@code ens33:0}, {@code lo:0}, the point-to-point {@code peer} form and an interface that is
 * down.
 */
class AddressFamiliesTest {

    private static final Probe ADDRESSES = Probe.of(Probe.Kind.ADDRESSES);

    private static Addresses parse(String probe) {
        return assertInstanceOf(Addresses.class, FactParsers.parse(ADDRESSES, Fixtures.probe(probe)));
    }

    @Test
    void textOf310And411GivesWhatJsonOf61Gives() {
        Addresses json = parse("addresses-iproute2-6.1");
        assertEquals(json, parse("addresses-iproute2-3.10"));
        assertEquals(json, parse("addresses-iproute2-4.11"));
    }

    @Test
    void everyFormIsRead() {
        Addresses a = parse("addresses-iproute2-3.10");
        assertEquals(List.of(new Addresses.Inet("10.88.0.11", 24, "ens33"),
                new Addresses.Inet("10.88.0.100", 32, "ens33"), new Addresses.Inet("10.88.0.12", 24, "ens33"),
                new Addresses.Inet("10.88.0.101", 24, "ens33:0")), a.iface("ens33").orElseThrow().addresses());
        assertEquals(List.of(new Addresses.Inet("10.88.9.1", 32, "tun9")), a.iface("tun9").orElseThrow().addresses());
        assertEquals("lo:0", a.iface("lo").orElseThrow().addresses().get(1).label());
        assertTrue(a.iface("ens33").orElseThrow().up());
        assertFalse(a.iface("eth2").orElseThrow().up());
        assertFalse(a.holds("10.88.9.2"), "the peer's address is not this host's");
    }

    @Test
    void rawTextOutputsParseLikeTheProbeSaysThem() throws Unparseable {
        for (String v : List.of("3.10", "4.11", "6.1")) {
            String text = "labtutor:ip-text\n" + Fixtures.text("ip/iproute2-" + v + "-4-o-addr.txt")
                    + "labtutor:ip-link\n" + Fixtures.text("ip/iproute2-" + v + "-o-link.txt");
            assertEquals(parse("addresses-iproute2-6.1"), AddressParser.text(text), v);
        }
        assertEquals(parse("addresses-iproute2-6.1"),
                AddressParser.json(Fixtures.text("ip/iproute2-6.1-j-4-addr.json")));
    }

    @Test
    void centos7NoprefixrouteDynamicLinePublished() throws Unparseable {
        Addresses a = AddressParser.text("labtutor:ip-text\n"
                + Fixtures.text("ip/public-centos7-o-addr-noprefixroute.txt") + "labtutor:ip-link\n");
        assertEquals(List.of(new Addresses.Inet("10.0.0.158", 24, "eth0")), a.iface("eth0").orElseThrow().addresses());
    }

    @Test
    void oldIpRefusesJsonSoTheProbeFallsBack() {
        assertTrue(Fixtures.text("ip/iproute2-3.10-j-4-addr.err").startsWith("Option \"-j\" is unknown"));
        assertTrue(Fixtures.text("ip/iproute2-4.11-j-4-addr.err").startsWith("Option \"-j\" is unknown"));
        assertTrue(Fixtures.probe("addresses-iproute2-3.10").stdout().startsWith("labtutor:ip-text\n"));
    }
}
