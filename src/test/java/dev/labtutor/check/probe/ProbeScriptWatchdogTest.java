package dev.labtutor.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe.Kind;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A batch whose probes end at once ends at once, whatever its deadline: the watchdog is stopped as soon as the last
 * probe is in. It used to be stopped with TERM, which the forked watchdog could lose before its own trap was set (about
 * one batch in two when the probes took milliseconds), and the batch then lasted its whole per-probe deadline.
 */
class ProbeScriptWatchdogTest {

    @Test
    void aBatchOfInstantProbesNeverWaitsForItsDeadline() throws Exception {
        Probe p = Probe.of(Kind.FILE, "/nonexistent/labtutor-watchdog");
        for (int i = 0; i < 8; i++) {
            ProbeScript s = ProbeScript.build(List.of(p), Duration.ofSeconds(40));
            long t0 = System.nanoTime();
            String out = LocalSh.run(s.text());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals("labtutor:file missing\n", s.parse(out).get(p).stdout());
            assertTrue(ms < 10_000, "batch " + i + " took " + ms + " ms");
        }
    }
}
