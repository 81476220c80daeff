package dev.labtutor.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one way a host is written for people: the port only when it is not 22, the jump hosts when there are any. */
class HostSpecTest {

    private static HostSpec host(int port, List<HostSpec.Jump> jumps) {
        return new HostSpec("lb01", "10.0.0.11", port, "admin", Optional.empty(), Optional.empty(), false, List.of(),
                jumps, Optional.empty());
    }

    @Test
    void thePortIsShownOnlyWhenItIsNot22() {
        assertEquals("admin@10.0.0.11", host(22, List.of()).target());
        assertEquals("admin@10.0.0.11:2222", host(2222, List.of()).target());
        assertEquals("lb01 admin@10.0.0.11:2222", host(2222, List.of()).listed());
        assertEquals("lb01 (admin@10.0.0.11:2222)", host(2222, List.of()).display());
    }

    @Test
    void messagesNameTheJumpHostsAndJumpHostsUseTheSameForm() {
        HostSpec.Jump bastion = new HostSpec.Jump("bastion", "192.0.2.1", 2200, "ops", List.of(Path.of("/k")));
        assertEquals("lb01 (admin@10.0.0.11 via bastion)", host(22, List.of(bastion)).display());
        assertEquals("ops@192.0.2.1:2200", bastion.display());
    }
}
