package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.yaml.Problem;
import dev.labtutor.yaml.Problems;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CourseLintTest {

    private static final Path ROOT = Path.of(System.getProperty("labtutor.root", "."));
    private static final Path FIX = ROOT.resolve("src/test/resources/lint");

    @Test
    void shippedCourseAndChecksAreClean() {
        List<Problem> ps = CourseLint.lint(List.of(ROOT.resolve("lessons"), ROOT.resolve("checks")),
                ROOT.resolve("checks"), new Problems());
        assertEquals(List.of(), ps);
    }

    @Test
    void brokenFixturesGiveTheExpectedLocatedProblems() {
        List<Problem> ps = CourseLint.lint(List.of(FIX.resolve("broken-course"), FIX.resolve("broken-checks")),
                ROOT.resolve("checks"), new Problems());
        List<String> got = ps.stream()
                .map(p -> FIX.relativize(p.file()) + ":" + p.line() + ":" + p.column() + ": " + p.message()).toList();
        List<String> expected = List.of(
                "broken-checks/checks.yaml:10:5: duplicate check id 'ok-check' (first defined at "
                        + FIX.resolve("broken-checks/checks.yaml") + ":2:5)",
                "broken-checks/checks.yaml:17:12: check title has no English text (en)",
                "broken-checks/checks.yaml:19:7: unknown primitive 'adress' (address, address-holders, command, file, firewalld, host-address, http, ipvs, keepalived-config, keepalived-group, keepalived-instance, keepalived-virtual-server, log, mount, nfs-export, package, selinux, showmount, sysctl, sysctl-persisted, timeline, ufw, unit)",
                "broken-checks/checks.yaml:21:7: check bad-primitive needs a 'default' hint",
                "broken-checks/checks.yaml:27:7: check bad-param: unknown variable ${somewhere} (not a parameter of the check)",
                "broken-checks/checks.yaml:35:23: check shell-injection: command 'run' uses ${what}, a free-text value that would reach the shell unvalidated; give it a stricter type",
                "broken-course/course.yaml:7:21: lesson 'one' is listed twice",
                "broken-course/course.yaml:13:13: note names unknown lesson 'onw' (did you mean 'one'?)",
                "broken-course/course.yaml:17:11: note names unknown step 'z' of lesson 'one' (did you mean 'a'?)",
                "broken-course/course.yaml:20:5: note is missing 'lesson'",
                "broken-course/course.yaml:23:12: unknown variable ${nonote} (course vars, or ROLE.address/.iface/.user/.port)",
                "broken-course/one.yaml:4:1: unknown key 'stesp' in lesson (did you mean 'steps'?)",
                "broken-course/one.yaml:8:38: unknown variable ${nosuch} (course vars, or ROLE.address/.iface/.user/.port)",
                "broken-course/one.yaml:13:9: unknown check 'not-a-check' (not defined in checks/)",
                "broken-course/one.yaml:15:9: duplicate check id 'ok-check' in this lesson (give one an 'id:')",
                "broken-course/one.yaml:16:13: check 'ok-check' runs on role 'lb09' that the lesson's 'roles' does not list",
                "broken-course/one.yaml:17:26: parameter 'address' of check 'ok-check' must be an IPv4 address like 10.0.0.100, not 'not-an-ip'",
                "broken-course/one.yaml:17:47: check 'ok-check' has no parameter 'colour' (it has: address)",
                "broken-course/one.yaml:18:9: duplicate step id 'a'",
                "broken-course/one.yaml:19:12: step title has no English text (en)",
                "broken-course/one.yaml:26:22: unknown variable ${noquiz} (course vars, or ROLE.address/.iface/.user/.port)",
                "broken-course/two.yaml:1:1: the lesson has no 'solve' section (the actions that complete it)",
                "broken-course/two.yaml:1:5: lesson id 'three' does not match its file name (two.yaml)");
        assertEquals(expected, got);
    }

    @Test
    void everyShippedCheckHasBilingualTitleAndDefaultHint() {
        CheckCatalog c = CheckCatalog.readStrict(ROOT.resolve("checks"));
        assertTrue(c.checks().size() >= 10, "the catalogue ships the course's checks");
        c.checks().values().forEach(d -> {
            assertTrue(!d.title().zh().isBlank() && !d.title().en().isBlank(), d.id());
            assertTrue(d.hints().containsKey("default"), d.id());
        });
    }
}
