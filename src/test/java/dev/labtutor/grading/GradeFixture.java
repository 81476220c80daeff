package dev.labtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.labtutor.check.Evidence;
import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.LabFileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A class of four graded by hand, for the report writers: s01 (a Chinese name) passes everything, s02 (a name with a
 * comma and a quote) fails vip-only-on-master with a split-brain cause, s03 (a name a spreadsheet would take for a
 * formula) has no host that answered, s04's lb01 presented a changed host key (ERROR) and its lb02 did not answer: none
 * of s04's hosts could be judged either, though not all of them are UNREACHABLE.
 */
public final class GradeFixture {

    static final Instant T0 = Instant.parse("2024-05-06T07:08:09Z");

    private GradeFixture() {
    }

    public static Path root() {
        return Path.of(System.getProperty("labtutor.root", ".")).toAbsolutePath();
    }

    /** The shipped course with all its lessons. */
    public static Course fullCourse() {
        return CourseReader.readStrict(root().resolve("lessons/keepalived-lvs"));
    }

    public static Course course() {
        return threeLessons(CourseReader.readStrict(root().resolve("lessons/keepalived-lvs")));
    }

    /**
     * The shipped course cut to its three keepalived lessons (install, master, backup) with the course's own vars,
     * roles and texts: the tests of the tutor and of grading were written against them and stay independent of the
     * lessons added around them.
     */
    static Course threeLessons(Course c) {
        List<String> keep = List.of("install", "master", "backup");
        List<dev.labtutor.course.Lesson> lessons = c.lessons().stream().filter(l -> keep.contains(l.id())).toList();
        return new Course(c.id(), c.title(), c.dir(), c.roles(), c.vars(), c.defaultHosts(), c.notes(), lessons,
                c.gating());
    }

    public static Roster roster(Path dir, String text) throws IOException {
        Path f = dir.resolve("roster.yaml");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return new RosterReader(new LabFileReader(dir)).readStrict(f);
    }

    public static Roster classOfThree(Path dir) throws IOException {
        return roster(dir, """
                course: keepalived-lvs
                points: { vip-only-on-master: 3 }
                students:
                  - id: s01
                    name: 张三
                    vars: { vip: 10.1.1.200, vrid: "61", auth-pass: "pa551111" }
                    hosts: { lb01: { address: 10.1.1.11 }, lb02: { address: 10.1.1.12 } }
                  - id: s02
                    name: 'Li, "Si"'
                    vars: { vip: 10.1.2.200, vrid: "62", auth-pass: "pa552222" }
                    hosts: { lb01: { address: 10.1.2.11 }, lb02: { address: 10.1.2.12 } }
                  - id: s03
                    name: "=HYPERLINK(1)"
                    vars: { vip: 10.1.3.200, vrid: "63", auth-pass: "pa553333" }
                    hosts: { lb01: { address: 10.1.3.11 }, lb02: { address: 10.1.3.12 } }
                  - id: s04
                    name: 赵六
                    vars: { vip: 10.1.4.200, vrid: "64", auth-pass: "pa554444" }
                    hosts: { lb01: { address: 10.1.4.11 }, lb02: { address: 10.1.4.12 } }
                """);
    }

    public static ClassGrades grades(Path dir) throws IOException {
        return grades(dir, course());
    }

    /** The same class graded on every lesson of {@code course}. */
    public static ClassGrades grades(Path dir, Course course) throws IOException {
        Roster roster = classOfThree(dir);
        List<StudentGrade> students = new ArrayList<>();
        for (Student s : roster.students()) {
            boolean down = s.id().equals("s03") || s.id().equals("s04");
            List<LessonGrade> lessons = new ArrayList<>();
            for (Lesson l : course.lessons()) {
                List<CheckGrade> checks = new ArrayList<>();
                for (CheckRef ref : l.checks()) {
                    checks.add(new CheckGrade(l.id(), verdict(s.id(), ref), roster.pointsOf(ref.id())));
                }
                lessons.add(new LessonGrade(l, checks));
            }
            List<HostRecord> hosts = new ArrayList<>();
            for (String role : List.of("lb01", "lb02")) {
                var spec = s.lab().hosts().get(role);
                boolean changedKey = s.id().equals("s04") && role.equals("lb01");
                hosts.add(changedKey
                        ? new HostRecord(role, spec.address(), 22, "root", HostRecord.State.ERROR,
                                Optional.of(changedKey(spec.address())), Optional.of("ssh-ed25519 SHA256:new"), T0,
                                T0.plusMillis(40), Optional.empty(), Optional.empty(), List.of("ADDRESSES"))
                        : down ? new HostRecord(role, spec.address(), 22, "root", HostRecord.State.UNREACHABLE,
                                Optional.of(Text.of(role + " 连接超时",
                                        role + " (root@" + spec.address() + "): connection timed out")),
                                Optional.empty(), T0, T0.plusSeconds(5), Optional.empty(), Optional.empty(),
                                List.of("ADDRESSES"))
                                : new HostRecord(role, spec.address(), 22, "root", HostRecord.State.ANSWERED,
                                        Optional.empty(), Optional.of("ssh-ed25519 SHA256:abc" + role), T0,
                                        T0.plusMillis(300), Optional.of("export LC_ALL=C\nexit 0\n"),
                                        Optional.of(new ExecResult(0,
                                                "vrrp_instance VI_1 {\n  auth_pass " + Redactor.MASK + "\n}\n", "",
                                                false, false, Duration.ofMillis(250))),
                                        List.of("ADDRESSES", "UNIT(keepalived)")));
            }
            students.add(new StudentGrade(s, lessons, hosts));
        }
        return new ClassGrades(course, course.lessons(), dir.resolve("roster.yaml"), dir.resolve("known_hosts"),
                Duration.ofSeconds(5), 16, T0, T0.plusSeconds(6), students);
    }

    /** The changed-key sentence of the SSH adapter, as grade gets it for a class known_hosts. */
    static Text changedKey(String address) {
        String forget = "labtutor hosts forget --known-hosts /srv/class/known_hosts " + address + ":22";
        return Text.of("lb01 (root@" + address + ")：主机 " + address + " 的主机密钥已改变！如果这台虚拟机重装过，请运行 `" + forget + "` 后重试。",
                "lb01 (root@" + address + "): the host key of " + address
                        + " has CHANGED: stored ssh-ed25519 SHA256:old, offered "
                        + "ssh-ed25519 SHA256:new. If the VM was reinstalled, run `" + forget
                        + "` and try again; otherwise someone " + "may be impersonating it.");
    }

    private static Verdict verdict(String student, CheckRef ref) {
        Text title = Text.of("检查 " + ref.id(), "check " + ref.id());
        if (student.equals("s04")) {
            boolean onLb01 = ref.on().contains("lb01");
            return new Verdict(ref.id(), title, ref.on(), onLb01 ? Status.ERROR : Status.UNREACHABLE,
                    onLb01 ? "host-host-key-changed" : "host-connect-timeout",
                    onLb01 ? changedKey("10.1.4.11") : Text.of("lb02 连接超时", "lb02: connection timed out"),
                    Optional.empty(), List.of());
        }
        if (student.equals("s03")) {
            return new Verdict(ref.id(), title, ref.on(), Status.UNREACHABLE, "host-connect-timeout",
                    Text.of("lb01 连接超时", "lb01: connection timed out"), Optional.of(Text.of("开机", "Start the VM")),
                    List.of(new Evidence("lb01", "connection timed out")));
        }
        if (student.equals("s02") && ref.id().equals("vip-only-on-master")) {
            return new Verdict(ref.id(), title, ref.on(), Status.FAIL, "vrrp-blocked",
                    Text.of("VIP 同时在 lb01 和 lb02 上（脑裂）", "the VIP is on both lb01 and lb02 (split brain)"),
                    Optional.of(Text.of("lb02 上的防火墙丢弃了 VRRP <protocol 112> & more",
                            "a firewall rule on lb02 drops VRRP <protocol 112> & more")),
                    List.of(new Evidence("lb01", "eth1 10.1.2.11/24, 10.1.2.200/32"),
                            new Evidence("lb02", "eth1 10.1.2.12/24, 10.1.2.200/32")));
        }
        return new Verdict(ref.id(), title, ref.on(), Status.PASS, "", Text.of("通过", "as expected"), Optional.empty(),
                List.of(new Evidence(ref.on().get(0), "seen")));
    }

    /** Runs crosscheck.py (independent csv/json/xml/html parsers) on a gradebook; its JSON summary. */
    public static String crosscheck(Path gradebook) throws IOException, InterruptedException {
        Path script = root().resolve("src/test/resources/grading/crosscheck.py");
        Process p = new ProcessBuilder("python3", script.toString(), gradebook.toString()).redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0) {
            fail("the gradebook's files disagree: " + out);
        }
        return out;
    }

    /** {@code sha256sum -c SHA256SUMS} in the gradebook; fails the test unless every file verifies. */
    public static String sha256sumCheck(Path gradebook) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sha256sum", "--strict", "-c", Gradebook.SUMS).directory(gradebook.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
