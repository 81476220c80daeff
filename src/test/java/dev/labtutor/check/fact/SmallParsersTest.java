package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.Probe.Kind;
import dev.labtutor.check.probe.ProbeCommands;
import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.check.probe.ProbeScript;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SELINUX, FIREWALLD, HTTP, LOG, FILE, COMMAND and the rules every parser shares. */
class SmallParsersTest {

    @Test
    void selinuxDebianWithoutSelinuxfsAndPublicEnforcing() {
        Probe p = Probe.of(Kind.SELINUX);
        assertEquals(new SelinuxMode(true, "Disabled", ""), FactParsers.parse(p, Fixtures.probe("selinux-debian")));
        String enforcing = "labtutor:getenforce " + Fixtures.text("selinux/public-getenforce-enforcing.out")
                + "labtutor:config\nSELINUX=enforcing\n";
        assertEquals(new SelinuxMode(true, "Enforcing", "enforcing"), FactParsers.parse(p, Fixtures.ok(enforcing)));
        assertEquals(new SelinuxMode(false, "Disabled", ""),
                FactParsers.parse(p, Fixtures.ok("labtutor:getenforce-missing\n")));
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(p, Fixtures.ok("labtutor:getenforce oops\n")));
    }

    @Test
    void firewalld() {
        Probe p = Probe.of(Kind.FIREWALLD);
        assertEquals(new FirewalldState(false, false), FactParsers.parse(p, Fixtures.probe("firewalld-absent")));
        assertEquals(new FirewalldState(true, true), FactParsers.parse(p, Fixtures
                .ok("labtutor:via firewall-cmd\n" + Fixtures.text("firewalld/public-firewall-cmd-state-running.out"))));
        assertEquals(new FirewalldState(true, false),
                FactParsers.parse(p, Fixtures.ok("labtutor:via firewall-cmd\nnot running\n")));
        assertEquals(new FirewalldState(true, true),
                FactParsers.parse(p, Fixtures.ok("labtutor:via systemctl\nactive\n")));
        assertEquals(new FirewalldState(false, false), FactParsers.parse(p, Fixtures.ok("labtutor:via none\n")));
    }

    @Test
    void httpRepeatedOkBodiesWithoutNewlineAndRefused() {
        String url = "http://127.0.0.1:18765/";
        HttpResults ok =
                (HttpResults) FactParsers.parse(Probe.of(Kind.HTTP, url, "3"), Fixtures.probe("http-local-ok"));
        assertEquals(3, ok.responses().size());
        assertTrue(ok.responses().stream().allMatch(r -> r.equals(new HttpResults.Response(200, "RS1 web\n", ""))));

        HttpResults nonl = (HttpResults) FactParsers.parse(Probe.of(Kind.HTTP, url + "nonl.txt", "1"),
                Fixtures.probe("http-local-nonl"));
        assertEquals(List.of(new HttpResults.Response(200, "no newline", "")), nonl.responses());

        HttpResults refused = (HttpResults) FactParsers.parse(Probe.of(Kind.HTTP, "http://127.0.0.1:18764/", "2"),
                Fixtures.probe("http-refused"));
        assertEquals(
                List.of(new HttpResults.Response(0, "", "connection refused or host unreachable"),
                        new HttpResults.Response(0, "", "connection refused or host unreachable")),
                refused.responses());

        HttpResults notFound = (HttpResults) FactParsers.parse(Probe.of(Kind.HTTP, url + "missing", "1"),
                Fixtures.ok(Fixtures.text("curl/curl-w-404.out")));
        assertEquals(404, notFound.responses().get(0).status());
        assertTrue(notFound.responses().get(0).body().contains("404"));

        assertInstanceOf(ProbeBroken.class, FactParsers.parse(Probe.of(Kind.HTTP, url, "1"),
                new ProbeOutput("", "sh: curl: not found\n", 127, false, false)));
    }

    @Test
    void logsFromJournalFileOrNowhere() {
        Probe p = Probe.of(Kind.LOG, "keepalived");
        assertEquals(new LogLines("keepalived", "none", List.of()),
                FactParsers.parse(p, Fixtures.probe("log-no-journal")));

        String runtime = Fixtures.sharedText("corpus/keepalived-lab-configs/runtime/normal.A.log");
        LogLines file = (LogLines) FactParsers.parse(p, Fixtures.ok("labtutor:source /var/log/messages\n" + runtime));
        assertEquals("/var/log/messages", file.source());
        assertEquals(runtime.lines().filter(l -> !l.isBlank()).toList(), file.lines());

        String journal = "labtutor:source journal\n-- Logs begin at Mon 2026-11-23 10:00:00 CST. --\n"
                + Fixtures.text("messages/public-keepalived-syslog.txt");
        LogLines j = (LogLines) FactParsers.parse(p, Fixtures.ok(journal));
        assertEquals(3, j.lines().size());
        assertTrue(j.lines().get(0).contains("Keepalived_vrrp[12476]"));
    }

    @Test
    void fileStates() {
        Probe p = Probe.of(Kind.FILE, "/etc/hosts");
        assertEquals(new FileContent("/etc/hosts", false, false, "", false),
                FactParsers.parse(p, Fixtures.ok("labtutor:file missing\n")));
        assertEquals(new FileContent("/etc/hosts", true, false, "", false),
                FactParsers.parse(p, Fixtures.ok("labtutor:file unreadable\n")));
        assertEquals(new FileContent("/etc/hosts", true, true, "a\nb", false),
                FactParsers.parse(p, Fixtures.ok("labtutor:file ok 3\na\nb")));
        FileContent big = (FileContent) FactParsers.parse(p,
                Fixtures.ok("labtutor:file ok " + (ProbeCommands.FILE_CAP + 1) + "\nxyz"));
        assertTrue(big.truncated());
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(p, Fixtures.ok("labtutor:file ok many\nx")));
    }

    @Test
    void commandOutputPassesThrough() {
        assertEquals(new CommandOutput(3, "o\n", "e\n"),
                FactParsers.parse(Probe.of(Kind.COMMAND, "x"), new ProbeOutput("o\n", "e\n", 3, false, false)));
    }

    @Test
    void timedOutAndCutProbesAreBrokenForEveryKind() {
        ProbeOutput timedOut = new ProbeOutput("partial", "", 124, true, false);
        ProbeOutput cut = new ProbeOutput("", ProbeScript.CUT_MESSAGE, -1, false, false);
        for (Probe p : List.of(Probe.of(Kind.ADDRESSES), Probe.of(Kind.COMMAND, "sleep 9"),
                Probe.of(Kind.HTTP, "http://127.0.0.1/", "1"), Probe.of(Kind.IPVS))) {
            ProbeBroken b = (ProbeBroken) FactParsers.parse(p, timedOut);
            assertEquals(p.describe(), b.probe());
            assertTrue(b.reason().contains("timed out"));
            assertEquals(ProbeScript.CUT_MESSAGE, ((ProbeBroken) FactParsers.parse(p, cut)).reason());
        }
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(Probe.of(Kind.UNIT, "x"), null));
    }
}
