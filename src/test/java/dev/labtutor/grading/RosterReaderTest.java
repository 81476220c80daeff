package dev.labtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFileReader;
import dev.labtutor.yaml.Problem;
import dev.labtutor.yaml.Problems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterReaderTest {

    @TempDir
    Path dir;

    private List<String> problems(String roster) throws Exception {
        Path f = dir.resolve("roster.yaml");
        Files.writeString(f, roster);
        Problems p = new Problems();
        new RosterReader(new LabFileReader(dir)).read(f, p);
        return p.sorted().stream()
                .map(x -> dir.relativize(x.file()) + ":" + x.line() + ":" + x.column() + ": " + x.message()).toList();
    }

    @Test
    void labFilesAreRelativeToTheRosterDefaultsFillInAndRosterVarsWin() throws Exception {
        Files.createDirectories(dir.resolve("labs"));
        Files.writeString(dir.resolve("labs/s01.yaml"), """
                vars: { vip: 10.9.0.100, vrid: "51" }
                hosts:
                  lb01: { address: 10.9.0.11, user: admin, sudo: true }
                  lb02: { address: 10.9.0.12 }
                """);
        Roster r = GradeFixture.roster(dir, """
                course: keepalived-lvs
                lessons: [install, master]
                points: { vip-only-on-master: 3, keepalived-installed: 0 }
                defaults: { user: root, identity: keys/class_key, port: 2222 }
                known-hosts: class/known_hosts
                students:
                  - id: s01
                    name: 张三
                    lab: labs/s01.yaml
                    vars: { vrid: "77" }
                  - id: s02
                    vars: { vip: 10.0.2.100, vrid: "62", auth-pass: "k2x9" }
                    hosts:
                      lb01: { address: 10.0.2.11, port: 22 }
                      lb02: { address: 10.0.2.12 }
                """);
        assertEquals(Optional.of("keepalived-lvs"), r.course());
        assertEquals(List.of("install", "master"), r.lessons());
        assertEquals(3, r.pointsOf("vip-only-on-master"));
        assertEquals(0, r.pointsOf("keepalived-installed"));
        assertEquals(1, r.pointsOf("anything-else"));
        assertEquals(Optional.of(dir.resolve("class/known_hosts")), r.knownHosts());

        Student s01 = r.students().get(0);
        assertEquals("张三", s01.name());
        assertEquals(Optional.of(dir.resolve("labs/s01.yaml")), s01.labFile());
        assertEquals("77", s01.lab().vars().get("vrid"), "the roster's vars win over the student's lab file");
        assertEquals("10.9.0.100", s01.lab().vars().get("vip"));
        HostSpec lb01 = s01.lab().hosts().get("lb01");
        assertEquals("admin", lb01.user(), "the student's own value wins over the defaults");
        assertEquals(2222, lb01.port());
        assertEquals(Optional.of(dir.resolve("keys/class_key")), lb01.identity(),
                "a default path is relative to the roster");
        assertTrue(lb01.sudo());

        Student s02 = r.students().get(1);
        assertEquals("s02", s02.name(), "the id stands in for a missing name");
        assertEquals(22, s02.lab().hosts().get("lb01").port());
        assertEquals(2222, s02.lab().hosts().get("lb02").port());
        assertEquals("k2x9", s02.lab().vars().get("auth-pass"));
        assertEquals(dir.resolve("roster.yaml") + ":11", s02.labSource());
    }

    @Test
    void mistakesAreReportedAtTheirLineWithSuggestions() throws Exception {
        Files.writeString(dir.resolve("bad-lab.yaml"), "hosts:\n  lb01: { adress: 10.0.0.1 }\n");
        List<String> p = problems("""
                course: keepalived-lvs
                point: { x: 1 }
                defaults: { address: 10.0.0.1, usr: root }
                students:
                  - id: s01
                    nmae: A
                    hosts: { lb01: { address: 10.0.1.11, pasword-env: X } }
                  - id: s01
                    hosts: { lb01: { address: 300.1.1.1 } }
                  - id: ../etc
                    lab: nowhere.yaml
                  - id: s04
                    lab: bad-lab.yaml
                  - id: s05
                    lab: bad-lab.yaml
                    hosts: {}
                  - id: s06
                    hosts: { lb01: { address: 10.0.6.11, password: hunter2 } }
                """);
        assertEquals(List.of("bad-lab.yaml:2:9: host lb01 is missing 'address'",
                "bad-lab.yaml:2:11: unknown key 'adress' in host lb01 (did you mean 'address'?)",
                "roster.yaml:2:1: unknown key 'point' in the roster (did you mean 'points'?)",
                "roster.yaml:3:13: unknown key 'address' in defaults (allowed: identity, password-env, port, sudo, user)",
                "roster.yaml:3:32: unknown key 'usr' in defaults (did you mean 'user'?)",
                "roster.yaml:6:5: unknown key 'nmae' in student (did you mean 'name'?)",
                "roster.yaml:8:9: student id 's01' is used twice (first at line 5)",
                "roster.yaml:9:31: host lb01: '300.1.1.1' is not an IPv4 address or host name",
                "roster.yaml:10:9: student id '../etc' must be letters, digits, '.', '_' or '-' (at most 64, it names the student's evidence folder)",
                "roster.yaml:11:10: student ../etc: lab file " + dir.resolve("nowhere.yaml") + " does not exist",
                "roster.yaml:16:12: student s05: give either 'lab: FILE' or 'hosts:', not both",
                "roster.yaml:18:42: host lb01: passwords are never stored in the lab file; use 'password-env: VAR' or answer the prompt"),
                p.stream().filter(x -> !x.contains("pasword-env")).toList());
        assertTrue(
                p.contains("roster.yaml:7:42: unknown key 'pasword-env' in host lb01 (did you mean 'password-env'?)"),
                p.toString());
    }

    @Test
    void whatOnlyTheCourseCanTellIsCheckedAgainstIt() throws Exception {
        Course course = GradeFixture.course();
        Roster r = GradeFixture.roster(dir, """
                lessons: [install, mastr]
                points: { vip-only-on-mastr: 2 }
                students:
                  - id: s01
                    vars: { vip: 10.0.1.300, vlan: "3", auth-pass: "bad pass" }
                    hosts: { lb01: { address: 10.0.1.11 }, web9: { address: 10.0.1.19 } }
                """);
        Problems p = new Problems();
        List<Lesson> lessons = r.select(course, List.of(), p);
        assertEquals(List.of("install"), lessons.stream().map(Lesson::id).toList());
        assertEquals("unknown lesson 'mastr' in course keepalived-lvs (did you mean 'master'?)",
                p.sorted().get(0).message());
        assertEquals(1, p.sorted().get(0).line());

        List<String> fit = r.problemsWith(course, course.lessons()).stream().map(Problem::toString)
                .map(s -> s.substring(dir.toString().length() + 1)).toList();
        assertEquals(List.of(
                "roster.yaml:2:11: 'points' names check 'vip-only-on-mastr', which no graded lesson has (did you mean 'vip-only-on-master'?)",
                "roster.yaml:4:5: student s01 has no host for lb02 (the graded lessons need lb01, lb02)",
                "roster.yaml:5:18: student s01: variable 'vip' must be an IPv4 address like 10.0.0.100, not '10.0.1.300'",
                "roster.yaml:5:36: student s01: unknown variable 'vlan' (allowed: auth-pass, iface, nfs-export, priority-backup, priority-master, vip, vrid)",
                "roster.yaml:5:52: student s01: variable 'auth-pass' must be letters, digits, '.', '_' or '-', not '…'",
                "roster.yaml:6:44: student s01: unknown role 'web9' (did you mean 'web01'?)"), fit);
    }

    @Test
    void aRoleWhoseAddressAGradedCheckNamesNeedsAHostToo() throws Exception {
        Course course =
                dev.labtutor.course.CourseReader.readStrict(GradeFixture.root().resolve("lessons/keepalived-lvs"));
        Roster r = GradeFixture.roster(dir, """
                students:
                  - id: s01
                    hosts: { lb01: { address: 10.0.1.11 }, lb02: { address: 10.0.1.12 } }
                """);
        Problems p = new Problems();
        List<Lesson> lessons = r.select(course, List.of("lvs-director-master"), p);
        assertEquals(List.of(), p.sorted());
        assertTrue(lessons.get(0).checks().stream().allMatch(c -> c.on().equals(List.of("lb01"))),
                "every check of the lesson runs on lb01 alone; the real servers' addresses are parameters");
        List<String> fit = r.problemsWith(course, lessons).stream().map(Problem::message).toList();
        assertEquals(List.of("student s01 has no host for web01, web02 (the graded lessons need lb01, web01, web02)"),
                fit, "without them the checks would judge the director against the course's default addresses");
    }

    @Test
    void sharedValuesAndSharedHostsAreWarnedAbout() throws Exception {
        Roster r = GradeFixture.roster(dir, """
                students:
                  - id: a
                    vars: { vip: 10.0.1.100, vrid: "61", auth-pass: "aaaa1111" }
                    hosts: { lb01: { address: 10.0.1.11 }, lb02: { address: 10.0.1.12 } }
                  - id: b
                    vars: { vip: 10.0.2.100, vrid: "61", auth-pass: "aaaa1111" }
                    hosts: { lb01: { address: 10.0.1.11 }, lb02: { address: 10.0.2.12 } }
                """);
        List<String> w =
                r.warnings(GradeFixture.course(), GradeFixture.course().lessons()).stream().map(t -> t.en()).toList();
        assertEquals(3, w.size(), w.toString());
        assertTrue(w.get(0).endsWith(
                "students a and b have the same vrid 61: their configurations are interchangeable ('labtutor roster vars' prints distinct ones)"),
                w.get(0));
        assertTrue(w.get(1).contains("students a and b have the same auth-pass:") && !w.get(1).contains("aaaa1111"),
                w.get(1));
        assertTrue(w.get(2).endsWith("b's lb01 (10.0.1.11:22) is also a's lb01"), w.get(2));
    }
}
