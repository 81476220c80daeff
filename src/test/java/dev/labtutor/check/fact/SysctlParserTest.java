package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SysctlParserTest {

    private static final Probe CONF = Probe.of(Probe.Kind.SYSCTL, "net.ipv4.conf");

    @Test
    void realNamespaceOutputBeforeAndAfterTheDrSettings() {
        Sysctls before = (Sysctls) FactParsers.parse(CONF, Fixtures.ok(Fixtures.text("sysctl/net.ipv4.conf.txt")));
        Sysctls after = (Sysctls) FactParsers.parse(CONF, Fixtures.ok(Fixtures.text("sysctl/net.ipv4.conf-dr.txt")));

        assertEquals(132, before.values().size());
        assertEquals(Optional.of("0"), before.get("net.ipv4.conf.lo.arp_ignore"));
        assertEquals(Optional.of(0), before.effectiveMax("arp_announce", "ens33"));
        assertEquals(Optional.of("1"), after.get("net.ipv4.conf.lo.arp_ignore"));
        assertEquals(Optional.of(2), after.effectiveMax("arp_announce", "ens33"));
        assertEquals(Optional.of(1), after.effectiveMax("arp_ignore", "lo"));
        assertTrue(after.get("net.ipv4.conf.ens33.arp_filter").isPresent());
    }

    @Test
    void singleKeyAndNoMatch() {
        Sysctls one = (Sysctls) FactParsers.parse(Probe.of(Probe.Kind.SYSCTL, "net.ipv4.ip_forward"),
                Fixtures.ok(Fixtures.text("sysctl/net.ipv4.ip_forward.txt")));
        assertEquals(Optional.of("0"), one.get("net.ipv4.ip_forward"));

        Sysctls none = (Sysctls) FactParsers.parse(CONF, new ProbeOutput("", "", 1, false, false));
        assertTrue(none.values().isEmpty());
    }

    @Test
    void missingSysctlOrOddLinesAreBroken() {
        assertInstanceOf(ProbeBroken.class,
                FactParsers.parse(CONF, new ProbeOutput("", "labtutor: sysctl not found\n", 127, false, false)));
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(CONF, Fixtures.ok("what is this\n")));
    }
}
