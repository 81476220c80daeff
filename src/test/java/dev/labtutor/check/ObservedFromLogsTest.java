package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.fact.Fact;
import dev.labtutor.check.fact.FactParsers;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeCommands;
import dev.labtutor.check.probe.ProbeOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The observed lessons judged in one round from keepalived's logs (grading, re-check, a check without --wait), on the
 * course's own check definitions. Fixtures: {@code journal/events-*} (the LOG_EVENTS probe run on a sandbox lab that
 * did the whole course, keepalived 2.2.7), and keepalived 1.3.5's real state lines (shared corpus, config-1.3.5) in
 * syslog form.
 */
class ObservedFromLogsTest {

    private static final Path ROOT = Path.of(System.getProperty("labtutor.root", "."));
    private static final Probe EVENTS = LogEvidence.probe();
    private static final Map<String, String> ADDR = Map.of("lb01", "10.77.0.11", "lb02", "10.77.0.12", "web01",
            "10.77.0.21", "web02", "10.77.0.22", "nfs-server", "10.77.0.31");

    private final ShippedCourse shipped = new ShippedCourse("10.77.0.200", ADDR);

    private BoundCheck bind(String lessonId, String checkId) {
        return shipped.bind(lessonId, checkId);
    }

    private static String fixture(String name) throws IOException {
        return Files.readString(ROOT.resolve("src/test/resources/fixtures/journal/" + name), StandardCharsets.UTF_8);
    }

    private static Fact events(String stdout) {
        return FactParsers.parse(EVENTS, new ProbeOutput(stdout, "", 0, false, false));
    }

    private static RoundFacts facts(Map<String, String> logs) {
        Map<String, HostFacts> hosts = new LinkedHashMap<>();
        logs.forEach((role, out) -> hosts.put(role,
                new HostFacts(role, ADDR.get(role), Map.of(EVENTS, events(out)), Optional.empty())));
        return new RoundFacts(hosts);
    }

    /** The first {@code n} lines of a fixture (its source line included): the log as it was earlier in the lab. */
    private static String head(String text, int n) {
        return String.join("\n", text.lines().limit(n).toList()) + "\n";
    }

    @Test
    void theCourseDefinesHowEachObservedCheckIsJudgedFromLogs() {
        for (String[] c : List.of(new String[]{"failover", "failover-observed"},
                new String[]{"web-failover", "pages-follow-vip"},
                new String[]{"lvs-test", "director-failover-keeps-service"},
                new String[]{"lvs-test", "failed-server-left-out"})) {
            TimelineCheck t = (TimelineCheck) bind(c[0], c[1]).primitive().orElseThrow();
            assertTrue(t.fromLogs().isPresent(), c[1] + " has no way to be judged in one round");
        }
        TimelineCheck pool = (TimelineCheck) bind("lvs-test", "failed-server-left-out").primitive().orElseThrow();
        assertEquals(new LogEvidence.Pool(List.of("lb01", "lb02"), "web01", "10.77.0.21"), pool.fromLogs().get());
        assertEquals(Map.of("lb01", java.util.Set.of(EVENTS), "lb02", java.util.Set.of(EVENTS)),
                pool.probes(List.of("web01", "web02")), "the evidence is in the directors' logs");
    }

    @Test
    void aFinishedLabPassesItsFailoverFromTheLogsWithTheTimes() throws IOException {
        RoundFacts f =
                facts(Map.of("lb01", fixture("events-lb01-sandbox.out"), "lb02", fixture("events-lb02-sandbox.out")));
        Verdict v = Evaluator.evaluate(bind("failover", "failover-observed"), f);
        assertEquals(Status.PASS, v.status(), v.message().en());
        assertEquals("from the logs: lb02 MASTER 22:01:50, back to lb01 22:01:59", v.message().en());
        assertEquals(List.of(v.message()), v.notes(), "shown under the PASS in every report");
        assertTrue(v.evidence().stream()
                .anyMatch(e -> e.host().equals("lb02") && e.detail().contains("Entering MASTER STATE")));
        Verdict pool = Evaluator.evaluate(bind("lvs-test", "failed-server-left-out"), f);
        assertEquals(Status.PASS, pool.status(), pool.message().en());
        assertEquals("from the logs: lb01 took web01 (10.77.0.21) out of the pool at 21:58:48 and back at 21:58:55",
                pool.message().en());
    }

    @Test
    void beforeTheFailoverLessonTheLogsSayItWasNotPerformed() throws IOException {
        // lb02 started while lb01 held the VIP: BACKUP only; lb01 was never stopped.
        String lb02 = head(fixture("events-lb02-sandbox.out"), 3);
        String lb01 = head(fixture("events-lb01-sandbox.out"), 4);
        Verdict v =
                Evaluator.evaluate(bind("failover", "failover-observed"), facts(Map.of("lb01", lb01, "lb02", lb02)));
        assertEquals(Status.FAIL, v.status());
        assertEquals(LogEvidence.NOT_PERFORMED, v.cause());
        assertTrue(v.message().en().contains("the failover has not been performed"), v.message().en());
        assertTrue(v.hint().orElseThrow().en().contains("Press w"), v.hint().toString());
        Verdict pool = Evaluator.evaluate(bind("lvs-test", "failed-server-left-out"),
                facts(Map.of("lb01", lb01, "lb02", lb02)));
        assertEquals(LogEvidence.NOT_PERFORMED, pool.cause());
        assertTrue(pool.message().en().contains("never show web01 (10.77.0.21) taken out of the pool"),
                pool.message().en());
    }

    @Test
    void lb02StillMasterSaysToStartKeepalivedOnLb01() throws IOException {
        String lb02 = head(fixture("events-lb02-sandbox.out"), 4);
        Verdict v = Evaluator.evaluate(bind("failover", "failover-observed"),
                facts(Map.of("lb01", head(fixture("events-lb01-sandbox.out"), 7), "lb02", lb02)));
        assertEquals(Status.FAIL, v.status());
        assertTrue(
                v.message().en().contains("lb02 took over as MASTER at 21:57:07, but lb01 has not taken the VIP back"),
                v.message().en());
    }

    @Test
    void aRotatedOrClearedLogIsAnErrorNotAFail() {
        Verdict v = Evaluator.evaluate(bind("failover", "failover-observed"),
                facts(Map.of("lb01", "labtutor:source journal\n", "lb02", "labtutor:source /var/log/messages\n")));
        assertEquals(Status.ERROR, v.status());
        assertEquals(LogEvidence.LOGS_MISSING, v.cause());
        assertTrue(v.message().en().contains("rotated or cleared"), v.message().en());
        Verdict none = Evaluator.evaluate(bind("failover", "failover-observed"),
                facts(Map.of("lb01", "labtutor:source none\n", "lb02", "labtutor:source none\n")));
        assertEquals(Status.ERROR, none.status());
    }

    @Test
    void keepalived135StateLinesAreReadToo() {
        // keepalived 1.3.5 (CentOS 7) names its instance VRRP_Instance(VI_1); its real lines, in syslog form.
        String lb02 = """
                labtutor:source /var/log/messages
                Dec  6 10:30:01 lb02 Keepalived_vrrp[1200]: VRRP_Instance(VI_1) Entering BACKUP STATE
                Dec  6 10:31:05 lb02 Keepalived_vrrp[1200]: VRRP_Instance(VI_1) Transition to MASTER STATE
                Dec  6 10:31:06 lb02 Keepalived_vrrp[1200]: VRRP_Instance(VI_1) Entering MASTER STATE
                Dec  6 10:31:12 lb02 Keepalived_vrrp[1200]: VRRP_Instance(VI_1) Entering BACKUP STATE
                """;
        String lb01 = """
                labtutor:source /var/log/messages
                Dec  6 10:30:00 lb01 Keepalived_vrrp[900]: VRRP_Instance(VI_1) Entering MASTER STATE
                Dec  6 10:31:04 lb01 Keepalived[898]: Stopping
                Dec  6 10:31:11 lb01 Keepalived_vrrp[1300]: VRRP_Instance(VI_1) Entering MASTER STATE
                """;
        Verdict v =
                Evaluator.evaluate(bind("failover", "failover-observed"), facts(Map.of("lb01", lb01, "lb02", lb02)));
        assertEquals(Status.PASS, v.status(), v.message().en());
        assertEquals("from the logs: lb02 MASTER 10:31:06, back to lb01 10:31:11", v.message().en());
        String pool =
                """
                        labtutor:source /var/log/messages
                        Dec  6 10:40:01 lb01 Keepalived_healthcheckers[901]: TCP connection to [10.77.0.21]:80 failed.
                        Dec  6 10:40:01 lb01 Keepalived_healthcheckers[901]: Removing service [10.77.0.21]:80 from VS [10.77.0.200]:80
                        Dec  6 10:40:30 lb01 Keepalived_healthcheckers[901]: Adding service [10.77.0.21]:80 to VS [10.77.0.200]:80
                        """;
        Verdict p = Evaluator.evaluate(bind("lvs-test", "failed-server-left-out"),
                facts(Map.of("lb01", pool, "lb02", lb02)));
        assertEquals(Status.PASS, p.status(), p.message().en());
    }

    @Test
    void theProbeKeepsOnlyEventsOfTheWholeLogAndNamesItsSource() throws Exception {
        Path dir = Files.createTempDirectory("labtutor-events");
        try {
            Path bin = Files.createDirectories(dir.resolve("bin"));
            // A journalctl that has the unit: -n 1 answers one line, without -n the whole (long) log.
            Path jc = bin.resolve("journalctl");
            Files.writeString(jc,
                    "#!/bin/sh\ncase \"$*\" in *'-n 1'*) echo 'Dec  6 10:00:00 lb01 Keepalived[1]: Startup complete'; exit 0;; esac\n"
                            + "i=0; while [ $i -lt 3000 ]; do echo \"Dec  6 10:00:00 lb01 Keepalived_vrrp[2]: noise $i\"; i=$((i+1)); done\n"
                            + "echo 'Dec  6 10:00:01 lb01 Keepalived_vrrp[2]: (VI_1) Entering MASTER STATE'\n");
            jc.toFile().setExecutable(true);
            ProcessBuilder pb = new ProcessBuilder("sh", "-c", ProbeCommands.shell(EVENTS));
            pb.environment().put("PATH", bin + ":/usr/bin:/bin");
            pb.environment().put("LC_ALL", "C");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor());
            assertEquals(
                    "labtutor:source journal\nDec  6 10:00:01 lb01 Keepalived_vrrp[2]: (VI_1) Entering MASTER STATE\n",
                    out);
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
            }
        }
    }
}
