package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import org.junit.jupiter.api.Test;

class UnitParserTest {

    private static final Probe KEEPALIVED = Probe.of(Probe.Kind.UNIT, "keepalived");

    @Test
    void noSystemdFallsBackToPidofAndReadsUnitFilesWithIsEnabled() {
        UnitState stopped = (UnitState) FactParsers.parse(KEEPALIVED, Fixtures.probe("unit-no-systemd"));
        assertEquals(new UnitState("keepalived", "loaded", "inactive", "dead", "enabled", "pid", ""), stopped);
        assertFalse(stopped.active());
        assertTrue(stopped.enabled() && stopped.enabledKnown(),
                "is-enabled answers from the unit files without systemd");

        UnitState running = (UnitState) FactParsers.parse(Probe.of(Probe.Kind.UNIT, "sleep"),
                Fixtures.probe("unit-no-systemd-running"));
        assertTrue(running.active());
        assertEquals("pid", running.source());
        assertFalse(running.exists(), "no sleep.service unit file");

        UnitState missing = (UnitState) FactParsers.parse(Probe.of(Probe.Kind.UNIT, "nosuchunit"),
                Fixtures.probe("unit-no-systemd-missing"));
        assertFalse(missing.exists());
    }

    @Test
    void withoutSystemctlWhetherItStartsAtBootIsUnknownAndSaysWhy() {
        UnitState u = (UnitState) FactParsers.parse(KEEPALIVED, Fixtures.probe("unit-no-systemctl"));
        assertFalse(u.enabledKnown());
        assertEquals("unknown", u.loadState());
        assertTrue(u.why().contains("systemctl is not installed"), u.why());
        assertTrue(u.why().contains("systemctl: not found"), u.why());

        UnitState noSystemd = (UnitState) FactParsers.parse(KEEPALIVED, new dev.labtutor.check.probe.ProbeOutput(
                "labtutor:pidof\nlabtutor:pidof-rc 0\n", Fixtures.text("probe/unit-no-systemd.err"), 0, false, false));
        assertEquals("systemctl show: System has not been booted with systemd as init system (PID 1). Can't operate; "
                + "systemctl is not installed", noSystemd.why());
    }

    @Test
    void systemdProperties() {
        // systemctl prints the asked properties in its own order, not the -p order.
        String out =
                "UnitFileState=enabled\n" + Fixtures.text("systemctl/public-show-running.out") + "LoadState=loaded\n";
        UnitState u = (UnitState) FactParsers.parse(KEEPALIVED, Fixtures.ok(out));
        assertEquals(new UnitState("keepalived", "loaded", "active", "running", "enabled", "systemd"), u);
        assertTrue(u.enabled() && u.active() && u.exists());
    }

    @Test
    void unknownUnitIsNotFound() {
        // `systemctl show` exits 0 for unknown units and says LoadState=not-found (systemd issue #1105).
        UnitState u = (UnitState) FactParsers.parse(KEEPALIVED,
                Fixtures.ok("LoadState=not-found\nActiveState=inactive\nSubState=dead\nUnitFileState=\n"));
        assertFalse(u.exists());
        assertEquals("", u.unitFileState());
    }

    @Test
    void outputWithoutStateIsBroken() {
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(KEEPALIVED, Fixtures.ok("SubState=running\n")));
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(KEEPALIVED, Fixtures.ok("labtutor:pidof\n")));
    }
}
