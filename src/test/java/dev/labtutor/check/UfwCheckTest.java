package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.fact.FactParsers;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.yaml.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The {@code ufw-inactive} check of checks/system.yaml (the Debian firewall step) over the UFW probe as it ran against
 * Debian's ufw 0.36.2: off now and at boot, or absent, passes; otherwise the failure says which of the two is wrong and
 * names "ufw disable".
 */
class UfwCheckTest {

    private static final Path ROOT = Path.of(System.getProperty("labtutor.root", "."));
    private static final Probe UFW = Probe.of(Probe.Kind.UFW);

    private final Course course = CourseReader.readStrict(ROOT.resolve("lessons/keepalived-lvs"));
    private final CheckCatalog catalog = CheckCatalog.readStrict(ROOT.resolve("checks"));

    private Verdict check(String fixture) throws IOException {
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        hosts.put("lb01", new HostSpec("lb01", "10.9.0.11", 22, "root", Optional.empty(), Optional.empty(), false));
        LabFile lab = new LabFile(Path.of("lab.yaml"), Map.of("vip", "10.9.0.100"), hosts, Map.of(), Map.of(),
                Optional.empty());
        CheckRef ref = new CheckRef("ufw-inactive", "ufw-inactive", List.of("lb01"), Map.of(),
                catalog.get("ufw-inactive").orElseThrow().at());
        Problems p = new Problems();
        BoundCheck bound = new Binder(catalog).bind(ref, Bindings.of(course, Optional.of(lab)), p);
        assertTrue(p.isEmpty(), p.sorted().toString());
        HostFacts h = new HostFacts("lb01", "10.9.0.11", Map.of(UFW, FactParsers.parse(UFW, probe(fixture))),
                Optional.empty());
        return Evaluator.evaluate(bound, new RoundFacts(Map.of("lb01", h)));
    }

    @Test
    void offNowAndAtBootPasses() throws IOException {
        Verdict v = check("ufw-inactive");
        assertEquals(Status.PASS, v.status(), v.message().en());
        assertTrue(v.evidence().toString().contains("Status: inactive; /etc/ufw/ufw.conf: ENABLED=no"),
                v.evidence().toString());
        assertEquals(Status.PASS, check("ufw-disabled").status());
    }

    @Test
    void absentUfwPasses() throws IOException {
        Verdict v = check("ufw-absent");
        assertEquals(Status.PASS, v.status());
        assertTrue(v.message().en().contains("ufw is not installed"), v.message().en());
    }

    @Test
    void activeAndEnabledFailsNamingBothAndTheFix() throws IOException {
        Verdict v = check("ufw-active-enabled");
        assertEquals(Status.FAIL, v.status());
        assertEquals("ufw-active", v.cause());
        assertTrue(v.message().en().contains("ufw is active, and ENABLED=yes in /etc/ufw/ufw.conf starts it at boot"),
                v.message().en());
        assertTrue(v.message().en().contains("run \"ufw disable\""), v.message().en());
        assertTrue(v.message().zh().contains("运行 ufw disable"), v.message().zh());
        assertTrue(v.hint().orElseThrow().en().contains("ufw disable"));
    }

    @Test
    void activeNowOnlySaysTheBootSettingIsRight() throws IOException {
        Verdict v = check("ufw-active-boot-no");
        assertEquals(Status.FAIL, v.status());
        assertEquals("ufw-active", v.cause());
        assertTrue(v.message().en().contains(
                "ufw is active now (ENABLED=no in /etc/ufw/ufw.conf does not start it" + " at boot, which is right)"),
                v.message().en());
    }

    @Test
    void inactiveButEnabledAtBootFailsOnTheBootSetting() throws IOException {
        Verdict v = check("ufw-inactive-boot-yes");
        assertEquals(Status.FAIL, v.status());
        assertEquals("ufw-enabled-at-boot", v.cause());
        assertTrue(v.message().en().contains("inactive now (which is right), but ENABLED=yes"), v.message().en());
        assertTrue(v.message().zh().contains("重启后会启动"), v.message().zh());
        assertTrue(v.hint().orElseThrow().zh().contains("ENABLED=yes"), v.hint().orElseThrow().zh());
    }

    @Test
    void statusUnreadableIsErrorWithTheReason() throws IOException {
        Verdict v = check("ufw-nonroot");
        assertEquals(Status.ERROR, v.status());
        assertTrue(v.message().en().contains("You need to be root"), v.message().en());
    }

    private static ProbeOutput probe(String name) throws IOException {
        return new ProbeOutput(res(name + ".out"), res(name + ".err"), Integer.parseInt(res(name + ".rc").trim()),
                false, false);
    }

    private static String res(String file) throws IOException {
        try (InputStream in = UfwCheckTest.class.getResourceAsStream("/fixtures/probe/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
