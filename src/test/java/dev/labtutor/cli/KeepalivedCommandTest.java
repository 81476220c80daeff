package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeepalivedCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static final String CONF = """
            global_defs {
                router_id %s
            }
            vrrp_instance VI_1 {
                state %s
                interface ens33
                virtual_router_id 51
                priority %d
                virtual_ipaddress {
                    192.168.100.100/24
                }
            }
            """;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void cleanFileExitsZero() throws Exception {
        Path f = write("lb1.conf", CONF.formatted("LB1", "MASTER", 100));
        Run r = run("keepalived", "check", "--lang", "en", f.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("1 file(s) checked: 0 error(s), 0 warning(s)."), r.out());
    }

    @Test
    void keepalivedVersionChoosesTheGrammar() throws Exception {
        Path f = write("lb1.conf",
                "$PRIO=100\n" + CONF.formatted("LB1", "MASTER", 100).replace("priority 100", "priority $PRIO"));
        Run two = run("keepalived", "check", "--lang", "en", f.toString());
        assertEquals(0, two.code(), two.out() + two.err());
        Run old = run("keepalived", "check", "--lang", "en", "--keepalived-version", "1.3.5", f.toString());
        assertEquals(1, old.code(), old.out() + old.err());
        assertTrue(old.out().contains("Unknown keyword '$PRIO=100'"), old.out());
        assertTrue(old.out().contains("(keepalived 1.3.5 rules)"), old.out());
        assertTrue(old.out().contains("Read by keepalived 1.3.5 rules (keepalived 1.3.5 has no -t"), old.out());
        Run json = run("keepalived", "check", "--format", "json", "--keepalived-version", "1.3.5", f.toString());
        assertTrue(json.out().contains("\"rules\":\"1.3.5\""), json.out());
        Run bad = run("keepalived", "check", "--keepalived-version", "latest", f.toString());
        assertTrue(bad.err().contains("unknown --keepalived-version 'latest' (use 2.2 or 1.3.5)"), bad.err());
        assertTrue(run("keepalived", "check", "--help").out().contains("--keepalived-version"));
    }

    @Test
    void errorsExitOneAndAreFormattedWithFileAndLine() throws Exception {
        Path f = write("lb1.conf", CONF.formatted("LB1", "master", 100));
        Run r = run("keepalived", "check", "--lang", "en", f.toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains(f + ":5: error: [state-unknown] (VI_1) unknown state 'master'"), r.out());
        Run zh = run("keepalived", "check", "--lang", "zh", f.toString());
        assertTrue(zh.out().contains("未知的 state 'master'"), zh.out());
    }

    @Test
    void warningsAloneExitZero() throws Exception {
        Path f = write("lb1.conf", "global_defs {\n vrrp_strict\n}\n" + CONF.formatted("LB1", "BACKUP", 90));
        Run r = run("keepalived", "check", "--lang", "en", f.toString());
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("warning: [strict-no-accept]"), r.out());
    }

    @Test
    void unreadableFileExitsTwo() {
        Run r = run("keepalived", "check", dir.resolve("nope.conf").toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("cannot read"), r.err());
    }

    @Test
    void twoFilesGiveGroupFindingsNamingBothHosts() throws Exception {
        Path a = write("lb1.conf", CONF.formatted("LB1", "MASTER", 100));
        Path b = write("lb2.conf", CONF.formatted("LB2", "BACKUP", 100));
        Run r = run("keepalived", "check", "--lang", "en", a.toString(), b.toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("lb1 " + a + ":4 <-> lb2 " + b + ":4: error: [group-priority-equal]"), r.out());
        Path ok = write("lb3.conf", CONF.formatted("LB3", "BACKUP", 90));
        assertEquals(0, run("keepalived", "check", a.toString(), ok.toString()).code());
    }

    @Test
    void jsonOutput() throws Exception {
        Path a = write("lb1.conf", CONF.formatted("LB1", "MASTER", 100));
        Path b = write("lb2.conf", CONF.formatted("LB2", "BACKUP", 100).replace("priority 100", "priority 300"));
        Run r = run("keepalived", "check", "--format", "json", "--lang", "en", a.toString(), b.toString());
        assertEquals(1, r.code());
        String out = r.out().strip();
        assertTrue(
                out.startsWith("{\"ok\":false,\"files\":[{\"file\":\"" + a + "\",\"host\":\"lb1\",\"diagnostics\":[]}"),
                out);
        assertTrue(out.contains("\"line\":8,\"code\":\"priority-range\",\"severity\":\"error\""), out);
        assertTrue(out.contains("\"findings\":[{\"code\":\"group-priority-equal\""), out);
    }

    @Test
    void configIdOption() throws Exception {
        Path f = write("lb1.conf", CONF.formatted("LB1", "BACKUP", 90).replace("    state BACKUP",
                "    @nodeA state master\n    state BACKUP"));
        assertEquals(1, run("keepalived", "check", "--id", "nodeA", f.toString()).code());
        assertEquals(0, run("keepalived", "check", "--id", "nodeB", f.toString()).code());
    }

    @Test
    void badFormatIsBadInput() throws Exception {
        Path f = write("lb1.conf", CONF.formatted("LB1", "MASTER", 100));
        assertEquals(ExitCodes.BAD_INPUT, run("keepalived", "check", "--format", "xml", f.toString()).code());
    }
}
