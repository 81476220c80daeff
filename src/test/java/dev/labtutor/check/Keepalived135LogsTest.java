package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.fact.FactParsers;
import dev.labtutor.check.fact.LogLines;
import dev.labtutor.check.probe.Probe;
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
 * keepalived 1.3.5's log format on CentOS 7 (systemd 219), in the journal ({@code journalctl -o short}) and in
 * /var/log/messages: {@code Keepalived_vrrp[PID]: VRRP_Instance(VI_1) Entering MASTER STATE}, the checker's
 * {@code Keepalived_healthcheckers[PID]: Removing service [IP]:80 from VS [VIP]:80}. The master goes straight to
 * MASTER at start (no BACKUP first). Fixtures: {@code messages/centos7-keepalived135-*.txt} and
 * {@code journal/events-*-centos7*.out} (see the fixtures README).
 */
class Keepalived135LogsTest {

    private static final Path ROOT = Path.of(System.getProperty("labtutor.root", "."));
    private static final Probe EVENTS = LogEvidence.probe();
    private static final Probe LOG = Probe.of(Probe.Kind.LOG, "keepalived");
    private static final Map<String, String> ADDR = Map.of("lb01", "10.77.0.11", "lb02", "10.77.0.12", "web01",
            "10.77.0.21", "web02", "10.77.0.22", "nfs-server", "10.77.0.31");

    private final ShippedCourse shipped = new ShippedCourse("10.77.0.200", ADDR);

    private static String fixture(String name) throws IOException {
        return Files.readString(ROOT.resolve("src/test/resources/fixtures/" + name), StandardCharsets.UTF_8);
    }

    private static RoundFacts facts(Probe probe, Map<String, String> stdoutByRole) {
        Map<String, HostFacts> hosts = new LinkedHashMap<>();
        stdoutByRole.forEach((role, out) -> hosts.put(role, new HostFacts(role, ADDR.get(role),
                Map.of(probe, FactParsers.parse(probe, new ProbeOutput(out, "", 0, false, false))), Optional.empty())));
        return new RoundFacts(hosts);
    }

    @Test
    void failoversAreJudgedFrom135JournalAndMessagesAlike() throws IOException {
        for (String form : List.of("", "-messages")) {
            RoundFacts f = facts(EVENTS, Map.of("lb01", fixture("journal/events-lb01-centos7" + form + ".out"), "lb02",
                    fixture("journal/events-lb02-centos7" + form + ".out")));
            Verdict v = Evaluator.evaluate(shipped.bind("failover", "failover-observed"), f);
            assertEquals(Status.PASS, v.status(), form + ": " + v.message().en());
            assertEquals("from the logs: lb02 MASTER 10:31:06, back to lb01 10:31:12", v.message().en());
            for (String[] c : List.of(new String[]{"web-failover", "pages-follow-vip"},
                    new String[]{"lvs-test", "director-failover-keeps-service"},
                    new String[]{"lvs-test", "failed-server-left-out"})) {
                Verdict o = Evaluator.evaluate(shipped.bind(c[0], c[1]), f);
                assertEquals(Status.PASS, o.status(), form + " " + c[1] + ": " + o.message().en());
            }
            Verdict pool = Evaluator.evaluate(shipped.bind("lvs-test", "failed-server-left-out"), f);
            assertEquals("from the logs: lb01 took web01 (10.77.0.21) out of the pool at 10:47:04 and back at 10:47:40",
                    pool.message().en());
        }
    }

    @Test
    void theLogsLessonAcceptsLb01GoingStraightToMaster() throws IOException {
        // keepalived 1.3.5 without vrrp_strict starts the MASTER as MASTER: lb01's log has no BACKUP line at all.
        String lb01 = fixture("messages/centos7-keepalived135-lb01.txt");
        assertTrue(lb01.lines().noneMatch(l -> l.contains("Entering BACKUP STATE")), "the fixture is the 1.3.5 case");
        // The LOG probe on CentOS 7: journalctl -o short (systemd 219 prints its banner first) or /var/log/messages.
        Map<String, String> journal = Map.of("lb01", journalForm(lb01), "lb02",
                journalForm(fixture("messages/centos7-keepalived135-lb02.txt")));
        Map<String, String> messages = Map.of("lb01", "labtutor:source /var/log/messages\n" + lb01, "lb02",
                "labtutor:source /var/log/messages\n" + fixture("messages/centos7-keepalived135-lb02.txt"));
        for (Map<String, String> form : List.of(journal, messages)) {
            RoundFacts f = facts(LOG, form);
            for (String id : List.of("lb01-became-master", "lb02-took-over", "lb02-handed-back")) {
                Verdict v = Evaluator.evaluate(shipped.bind("logs", id), f);
                assertEquals(Status.PASS, v.status(), id + ": " + v.message().en());
            }
        }
        LogLines parsed = (LogLines) FactParsers.parse(LOG, new ProbeOutput(journal.get("lb01"), "", 0, false, false));
        assertTrue(
                parsed.lines().get(0).startsWith("Dec 07 10:29:58 lb01 Keepalived[1021]: Starting Keepalived v1.3.5"),
                "systemd 219's banner is not a log line: " + parsed.lines().get(0));
    }

    /** A messages fixture as {@code journalctl -u keepalived -o short} prints it on CentOS 7 (systemd 219). */
    private static String journalForm(String messages) {
        return "labtutor:source journal\n"
                + "-- Logs begin at Mon 2026-12-07 09:58:11 CST, end at Mon 2026-12-07 10:47:41 CST. --\n"
                + messages.replaceAll("(?m)^Dec  7 ", "Dec 07 ");
    }
}
