package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** UFW over the probe as it ran against Debian's ufw 0.36.2 (fixtures/probe/ufw-*, see the fixtures README). */
class UfwParserTest {

    private static final Probe UFW = Probe.of(Probe.Kind.UFW);

    private static UfwState parse(ProbeOutput out) {
        return assertInstanceOf(UfwState.class, FactParsers.parse(UFW, out));
    }

    /** Each captured state as (active now, started at boot). */
    @Test
    void eachCapturedStateIsReadAsNowAndAtBoot() {
        Map<String, List<Boolean>> expected = Map.of("ufw-inactive", List.of(false, false), "ufw-active-enabled",
                List.of(true, true), "ufw-active-boot-no", List.of(true, false), "ufw-inactive-boot-yes",
                List.of(false, true), "ufw-disabled", List.of(false, false), "ufw-absent", List.of(false, false));
        expected.forEach((name, want) -> {
            UfwState s = parse(Fixtures.probe(name));
            assertEquals(want, List.of(s.active(), s.enabledAtBoot()), name);
            assertEquals("", s.why(), name);
        });
        assertEquals(new UfwState(true, "inactive", true, "no", ""), parse(Fixtures.probe("ufw-inactive")));
        assertEquals(new UfwState(true, "inactive", true, "no", ""), parse(Fixtures.probe("ufw-disabled")));
        assertFalse(parse(Fixtures.probe("ufw-absent")).installed());
    }

    @Test
    void nonRootAnswerLeavesTheStateUnknownWithTheReason() {
        UfwState s = parse(Fixtures.probe("ufw-nonroot"));
        assertTrue(s.installed());
        assertFalse(s.statusKnown());
        assertTrue(s.why().startsWith("ufw status: ERROR: You need to be root to run this script"), s.why());
    }

    @Test
    void rawStatusOutputsReadAsTheProbeWrapsThem() {
        String active = "labtutor:ufw\n" + Fixtures.text("ufw/status-verbose-active.out") + "labtutor:ufw-rc 0\n";
        assertTrue(parse(Fixtures.ok(active)).active());
        String inactive = "labtutor:ufw\n" + Fixtures.text("ufw/status-inactive.out") + "labtutor:ufw-rc 0\n"
                + "labtutor:ufw-conf\n" + enabledLines(Fixtures.text("ufw/ufw.conf"));
        assertEquals(new UfwState(true, "inactive", true, "no", ""), parse(Fixtures.ok(inactive)));
    }

    @Test
    void enabledIsReadAsUfwInitSourcesIt() {
        assertEquals("yes", UfwParser.shellWord("\"yes\""));
        assertEquals("yes", UfwParser.shellWord("'yes' # on"));
        assertEquals("yes", UfwParser.shellWord("yes;"));
        String twice = "labtutor:ufw-missing\nlabtutor:ufw-conf\nENABLED=yes\n  ENABLED=no\n";
        assertEquals("no", parse(Fixtures.ok(twice)).enabledSetting());
        String quoted = "labtutor:ufw\nStatus: inactive\nlabtutor:ufw-rc 0\nlabtutor:ufw-conf\nENABLED=\"YES\"\n";
        assertTrue(parse(Fixtures.ok(quoted)).enabledAtBoot());
        String noConf = "labtutor:ufw\nStatus: inactive\nlabtutor:ufw-rc 0\n";
        assertFalse(parse(Fixtures.ok(noConf)).enabledAtBoot());
    }

    @Test
    void outputWithoutTagsIsBroken() {
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(UFW, Fixtures.ok("Status: inactive\n")));
    }

    @Test
    void theProbeTakesNoArguments() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> dev.labtutor.check.probe.ProbeCommands.shell(Probe.of(Probe.Kind.UFW, "x; reboot")));
    }

    /** The fragment reads the ENABLED lines as grep would, and never a device (a link to /dev/zero never ends). */
    @Test
    void confLinesAreReadWithBuiltinsAndOnlyFromARegularFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path conf = tmp.resolve("ufw.conf");
        java.nio.file.Files.writeString(conf, Fixtures.text("ufw/ufw.conf") + "  ENABLED=\"yes\"\nXENABLED=no");
        String fragment = dev.labtutor.check.probe.ProbeCommands.shell(Probe.of(Probe.Kind.UFW))
                .replace("command -v ufw", "command -v ufw-not-here").replace("/etc/ufw/ufw.conf", conf.toString());
        assertEquals("labtutor:ufw-missing\nlabtutor:ufw-conf\nENABLED=no\n  ENABLED=\"yes\"\n", sh(fragment));
        java.nio.file.Files.delete(conf);
        java.nio.file.Files.createSymbolicLink(conf, java.nio.file.Path.of("/dev/zero"));
        assertEquals("labtutor:ufw-missing\n", sh(fragment));
    }

    private static String sh(String script) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
        return out;
    }

    private static String enabledLines(String conf) {
        StringBuilder b = new StringBuilder();
        conf.lines().filter(l -> l.strip().startsWith("ENABLED=")).forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }
}
