package dev.labtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.HostVerdict;
import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.course.Course;
import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.Family;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LocalSh;
import dev.labtutor.lab.RemoteShell;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The grading round asks every host its distribution and keeps it in the host's record and the gradebook (issue 17).
 * lb01 is this machine (scripts run with {@code sh -s}: Debian 12); lb02 runs them too, but its OS answer comes back
 * garbled: it is "unknown", and no verdict is an ERROR because of it.
 */
class GraderDistroTest {

    @TempDir
    Path dir;

    /** lb01 answers as this machine does; lb02 too, its OS sections' markers lost on the way. */
    private static RemoteShell local(HostSpec host) {
        return LocalSh.of(host, out -> host.role().equals("lb02") ? out.replace("labtutor:os-release\n", "")
                .replace("labtutor:pm\n", "").replace("labtutor:keepalived\n", "") : out);
    }

    @Test
    void eachHostsRecordKeepsItsDistributionAndAnUnreadableOneIsUnknownNotAnError() throws Exception {
        Roster roster = GradeFixture.roster(dir, """
                course: keepalived-lvs
                students:
                  - id: s01
                    name: 张三
                    hosts: { lb01: { address: 127.0.0.1 }, lb02: { address: 127.0.0.2 } }
                """);
        Course course = GradeFixture.course();
        CheckCatalog catalog = CheckCatalog.readStrict(GradeFixture.root().resolve("checks"));
        ClassGrades grades;
        try (Grader grader = new Grader(course, catalog, GraderDistroTest::local,
                p -> new ProbeBroken(p.describe(), "no local probes here"), Duration.ofSeconds(60), 4,
                new Redactor())) {
            grades = grader.grade(roster, course.lessons(), dir.resolve("kh"), Grader.Listener.none());
        }
        StudentGrade s = grades.students().get(0);
        HostRecord lb01 = s.hosts().stream().filter(h -> h.role().equals("lb01")).findFirst().orElseThrow();
        HostRecord lb02 = s.hosts().stream().filter(h -> h.role().equals("lb02")).findFirst().orElseThrow();
        assertTrue(lb01.probes().contains("OS"), lb01.probes().toString());
        assertEquals(Family.DEBIAN, lb01.distro().orElseThrow().familyOrDefault());
        assertTrue(lb01.os().startsWith("Debian GNU/Linux 12"), lb01.os());
        assertEquals(HostRecord.State.ANSWERED, lb02.state());
        assertEquals("unknown", lb02.os());
        // Both hosts are this machine: every check judges lb02 as it judges lb01, the unreadable OS answer aside,
        // except the checks with a Debian variant: lb01 is judged in Debian terms, lb02 (unknown) in the document's.
        java.util.Set<String> debianVariants = new java.util.HashSet<>();
        course.lessons()
                .forEach(l -> l.checks().stream()
                        .filter(ref -> dev.labtutor.course.Variants.lookup(ref.family(), Family.DEBIAN).isPresent())
                        .forEach(ref -> debianVariants.add(ref.id())));
        assertTrue(debianVariants.contains("selinux-config-disabled"), debianVariants.toString());
        for (LessonGrade l : s.lessons()) {
            for (CheckGrade c : l.checks()) {
                if (debianVariants.contains(c.verdict().check())) {
                    continue;
                }
                var one = c.verdict().on("lb01").map(HostVerdict::status);
                var two = c.verdict().on("lb02").map(HostVerdict::status);
                if (one.isPresent() && two.isPresent()) {
                    assertEquals(one, two, c.verdict().check() + ": " + c.verdict().perHost());
                }
            }
        }

        String json = ResultsJson.render(grades, Lang.EN);
        assertTrue(json.contains("\"os\": \"Debian GNU/Linux 12"), json);
        assertTrue(json.contains("\"os\": \"unknown\",\n          \"distro\": null"), json);
        assertTrue(json.contains("\"family\": \"debian\""), json);
        String html = HtmlReport.render(grades, Lang.EN);
        assertTrue(html.contains("root@127.0.0.1:22 · Debian GNU/Linux 12"), html);
        assertTrue(html.contains("root@127.0.0.2:22 · unknown"), html);
        assertTrue(EvidenceFile.render(grades, s, lb01).contains("\nos:        Debian GNU/Linux 12"));
        assertTrue(EvidenceFile.render(grades, s, lb02).contains("\nos:        unknown\n"));
    }
}
