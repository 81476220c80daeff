package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxFaultTest {

    @Test
    void parsesEveryScenarioWithItsUsualVictim() {
        assertEquals(new SandboxFault.VrrpBlocked(SandboxRole.LB02),
                SandboxFault.parse("vrrp-blocked", Optional.empty()));
        assertEquals(new SandboxFault.VrrpBlocked(SandboxRole.LB01),
                SandboxFault.parse("split-brain", Optional.of(SandboxRole.LB01)));
        assertEquals(new SandboxFault.KeepalivedStopped(SandboxRole.LB01),
                SandboxFault.parse("keepalived-stopped", Optional.empty()));
        assertEquals(new SandboxFault.SshdStopped(SandboxRole.WEB02),
                SandboxFault.parse("sshd-stopped", Optional.of(SandboxRole.WEB02)));
        assertEquals(new SandboxFault.HostKeyChanged(SandboxRole.LB01),
                SandboxFault.parse("HOST-KEY-CHANGED", Optional.empty()));
        assertEquals(new SandboxFault.KeepalivedSetting(SandboxRole.LB02, SandboxFault.Keyword.VIRTUAL_ROUTER_ID, "52"),
                SandboxFault.parse("vrid=52", Optional.of(SandboxRole.LB02)));
        assertEquals(new SandboxFault.KeepalivedSetting(SandboxRole.LB01, SandboxFault.Keyword.AUTH_PASS, "2222"),
                SandboxFault.parse("auth-pass=2222", Optional.empty()));
    }

    @Test
    void scenarioNamesRoundTrip() {
        for (String s : new String[]{"vrrp-blocked", "keepalived-stopped", "priority=150", "vrid=7", "auth-pass=abc",
                "sshd-stopped", "host-key-changed"}) {
            assertEquals(s, SandboxFault.parse(s, Optional.empty()).scenario());
        }
    }

    @Test
    void rejectsUnknownScenariosAndUnsafeValues() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SandboxFault.parse("reboot", Optional.empty()));
        assertTrue(e.getMessage().contains("vrrp-blocked"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SandboxFault.parse("priority", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> SandboxFault.parse("auth-pass=a b;rm", Optional.empty()));
    }
}
