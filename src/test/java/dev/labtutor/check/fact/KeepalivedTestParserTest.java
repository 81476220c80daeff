package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Uses the real {@code keepalived -t} stderr captured in the shared corpus (read, not copied). */
class KeepalivedTestParserTest {

    private static final Probe TEST = Probe.of(Probe.Kind.KEEPALIVED_TEST, "/etc/keepalived/keepalived.conf");

    private static KeepalivedTest parse(String corpusFile, int rc) {
        String stderr = Fixtures.sharedText("corpus/keepalived-lab-configs/config-test/" + corpusFile);
        return (KeepalivedTest) FactParsers.parse(TEST, new ProbeOutput("", stderr, rc, false, false));
    }

    @Test
    void repeatedMessagesFromChildProcessesAreDeduplicatedInOrder() {
        String raw = Fixtures.sharedText("corpus/keepalived-lab-configs/config-test/grammar-case.conf.stderr");
        KeepalivedTest t = parse("grammar-case.conf.stderr", 5);
        assertEquals(44, raw.lines().count());
        assertEquals(22, t.messages().size());
        assertEquals(raw.lines().distinct().toList(), t.messages());
        assertTrue(t.messages().get(0).contains("Unknown keyword 'VRRP_INSTANCE'"), t.messages().get(0));
    }

    @Test
    void singleMessageAndCleanConfig() {
        KeepalivedTest lower = parse("neg-state-lowercase.conf.stderr", 5);
        assertEquals(List.of("(neg-state-lowercase.conf: Line 7) (VI_1) unknown state 'master', defaulting to BACKUP"),
                lower.messages());
        assertEquals(5, lower.exitCode());

        KeepalivedTest clean = parse("lvs-dr-master.conf.stderr", 0);
        assertTrue(clean.available());
        assertEquals(List.of(), clean.messages());
        assertEquals(0, clean.exitCode());
    }

    @Test
    void missingMainFileCapturedHere() {
        KeepalivedTest t = (KeepalivedTest) FactParsers.parse(TEST, Fixtures.probe("keepalived-test-missing-file"));
        assertEquals(List.of("Config files missing '/etc/keepalived/keepalived.conf'."), t.messages());
        assertEquals(0, t.exitCode(), "keepalived 2.2.7 exits 0 here; the message is the evidence");
    }

    @Test
    void keepalived135HasNoTestOption() {
        KeepalivedTest t = (KeepalivedTest) FactParsers.parse(TEST, Fixtures.probe("keepalived-test-135"));
        assertEquals(0, t.exitCode(), "1.3.5 exits 0 on an unknown option: it looks like a clean test");
        assertTrue(t.untested(), t.toString());
        assertFalse(t.testOption());

        // A build or stand-in that also prints the usage after the complaint is read the same way.
        KeepalivedTest withUsage = (KeepalivedTest) FactParsers.parse(TEST,
                new ProbeOutput("",
                        "/usr/sbin/keepalived: invalid option -- 't'\nUsage: /usr/sbin/keepalived [OPTION...]\n"
                                + "  -f, --use-file=FILE          Use the specified configuration file\n",
                        0, false, false));
        assertTrue(withUsage.untested(), withUsage.toString());

        KeepalivedTest two = (KeepalivedTest) FactParsers.parse(TEST, Fixtures.probe("keepalived-test-missing-file"));
        assertFalse(two.untested(), "2.2.7's -t tested the file");
    }

    @Test
    void keepalivedNotInstalled() {
        KeepalivedTest t = (KeepalivedTest) FactParsers.parse(TEST,
                new ProbeOutput("labtutor:keepalived-missing\n", "", 127, false, false));
        assertFalse(t.available());
    }
}
