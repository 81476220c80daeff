package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.probe.Probe;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The interface detected on a host goes into lesson text and commands: a made-up name is not taken. */
class HostileIfaceTest {

    private static Optional<String> detected(String name) {
        Addresses a = new Addresses(
                List.of(new Addresses.Iface(name, true, List.of(new Addresses.Inet("10.0.0.11", 24, name)))));
        return new HostFacts("lb01", "10.0.0.11", Map.of(Probe.of(Probe.Kind.ADDRESSES), a), Optional.empty())
                .primaryIface();
    }

    @Test
    void aRealInterfaceNameIsDetected() {
        assertEquals(Optional.of("eth1"), detected("eth1"));
        assertEquals(Optional.of("enp0s3.100"), detected("enp0s3.100"));
        assertEquals(Optional.of("veth-lb01@if5"), detected("veth-lb01@if5"));
    }

    @Test
    void aNameWithEscapesMarkupOrTooLongIsNot() {
        assertEquals(Optional.empty(), detected("eth1\u001b]0;PWNED\u0007"));
        assertEquals(Optional.empty(), detected("<script>x</script>"));
        assertEquals(Optional.empty(), detected("eth1\u202e"));
        assertEquals(Optional.empty(), detected("a-very-long-interface"));
    }
}
