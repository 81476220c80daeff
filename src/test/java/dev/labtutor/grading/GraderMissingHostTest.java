package dev.labtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.HostVerdict;
import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;
import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.course.Course;
import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.RemoteShell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A roster the command line would refuse (a student without a host for a role the graded lessons check) handed to the
 * grader directly: the missing host is an ERROR that says what is missing, its checks are ERROR and never FAIL, nothing
 * is contacted for it, and the rest of the class is graded as usual.
 */
class GraderMissingHostTest {

    @TempDir
    Path dir;

    /** A host that answers: the probe script runs in this machine's own {@code sh -s}. */
    private static RemoteShell localSh(HostSpec host) {
        return dev.labtutor.lab.LocalSh.of(host);
    }

    @Test
    void aStudentWithoutAHostTheLessonsNeedGetsThatHostAsAnErrorNotAFailAndNotACrash() throws Exception {
        Roster roster = GradeFixture.roster(dir, """
                course: keepalived-lvs
                students:
                  - id: s01
                    name: 张三
                    vars: { vip: 10.1.1.200, vrid: "61", auth-pass: "pa551111" }
                    hosts: { lb01: { address: 127.0.0.1 } }
                  - id: s02
                    name: 李四
                    vars: { vip: 10.1.2.200, vrid: "62", auth-pass: "pa552222" }
                    hosts: { lb01: { address: 127.0.0.1 }, lb02: { address: 127.0.0.1 } }
                """);
        Course course = GradeFixture.course();
        assertTrue(
                roster.problemsWith(course, course.lessons()).stream()
                        .anyMatch(p -> p.message()
                                .equals("student s01 has no host for lb02 (the graded lessons need lb01, lb02)")),
                "the command line refuses this roster; the grader meets it only when called directly");
        CheckCatalog catalog = CheckCatalog.readStrict(GradeFixture.root().resolve("checks"));
        List<String> contacted = new CopyOnWriteArrayList<>();
        ClassGrades grades;
        try (Grader grader = new Grader(course, catalog, spec -> {
            contacted.add(spec.role());
            return localSh(spec);
        }, p -> new ProbeBroken(p.describe(), "no local probes here"), Duration.ofSeconds(20), 4, new Redactor())) {
            grades = grader.grade(roster, course.lessons(), dir.resolve("known_hosts"), Grader.Listener.none());
        }
        assertEquals(List.of("lb01", "lb01", "lb02"), contacted.stream().sorted().toList(),
                "nothing is contacted for s01's lb02");

        StudentGrade s01 = grades.students().get(0);
        HostRecord lb02 = s01.hosts().stream().filter(h -> h.role().equals("lb02")).findFirst().orElseThrow();
        assertEquals(HostRecord.State.ERROR, lb02.state());
        String problem = lb02.problem().orElseThrow().en();
        assertTrue(
                problem.startsWith("student s01 has no host for lb02 (needed by install, master, backup); add it to ")
                        && problem.endsWith("roster.yaml:3"),
                problem);
        assertEquals(List.of("lb02"), s01.errorHosts());
        int onLb02 = 0;
        for (LessonGrade l : s01.lessons()) {
            for (CheckGrade c : l.checks()) {
                Verdict v = c.verdict();
                assertNotEquals(Status.FAIL, v.on("lb02").map(HostVerdict::status).orElse(Status.PASS),
                        "a host that is not there never makes a FAIL: " + v);
                if (v.hosts().contains("lb02")) {
                    onLb02++;
                    assertEquals(Status.ERROR, v.on("lb02").orElseThrow().status(), v.toString());
                    if (v.hosts().equals(List.of("lb02"))) {
                        assertEquals(Status.ERROR, v.status(), v.toString());
                        assertEquals("host-not-in-lab", v.cause(), v.toString());
                    }
                } else {
                    assertNotEquals("host-not-in-lab", v.cause(), "lb01's own checks are judged: " + v);
                }
            }
        }
        assertTrue(onLb02 > 10, "install, master and backup check lb02 often: " + onLb02);
        String remarks = s01.remarks(Lang.EN);
        assertTrue(remarks.contains("; ERROR lb02;"), remarks);
        String details = String.join("\n", Remarks.details(s01, Lang.EN));
        assertTrue(details.startsWith("ERROR student s01 has no host for lb02"), details);
        assertEquals(1, details.split("has no host for lb02", -1).length - 1,
                "the missing host is named once, not under every check: " + details);

        StudentGrade s02 = grades.students().get(1);
        assertEquals(List.of(), s02.errorHosts(), "the rest of the class is graded as usual");
        assertTrue(s02.hosts().stream().allMatch(h -> h.state() == HostRecord.State.ANSWERED), s02.hosts().toString());

        Path book = dir.resolve("book");
        Gradebook.write(grades, book, Lang.EN);
        GradeFixture.crosscheck(book);
        String ev = Files.readString(book.resolve("evidence/s01/lb02.txt"));
        assertTrue(ev.contains("host:      lb02 (no host for lb02)")
                && ev.contains("state:     error: student s01 has no host for lb02"), ev);
        assertTrue(Files.readString(book.resolve(Gradebook.HTML)).contains("(no host for lb02)"));
    }
}
