package dev.labtutor.session;

import dev.labtutor.check.Evidence;
import dev.labtutor.check.HostVerdict;
import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Question;
import dev.labtutor.course.Step;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shipped course (and variants of it), a lab, and verdicts as the engine makes them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Course course() {
        return threeLessons(CourseReader
                .readStrict(Path.of(System.getProperty("labtutor.root", ".")).resolve("lessons/keepalived-lvs")));
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

    public static Question vipQuestion() {
        return new Question("vip", Text.of("VIP 是什么？", "What is the VIP?"),
                List.of(new Question.Choice("a", Text.of("主机的固定地址", "the host's own address"), false,
                        Optional.of(Text.of("固定地址不会漂移", "a host's own address never moves"))),
                        new Question.Choice("b", Text.of("在热备组内漂移的地址", "the address that moves within the group"), true,
                                Optional.empty())),
                Text.of("漂移地址", "the floating address"));
    }

    /** A quiz-only lesson in front of the shipped ones, as the course's first lesson will be. */
    public static Course withQuizFirst(boolean labChecksToo) {
        Course c = course();
        Lesson install = c.lessons().get(0);
        Step read = new Step("read", Text.of("读", "read"), Text.of("读一读", "read it"), List.of(), List.of());
        List<Step> steps = labChecksToo ? install.steps() : List.of(read);
        Lesson basics = new Lesson("basics", Text.of("基础", "basics"), Text.of("VRRP 基础", "VRRP basics"),
                install.roles(), steps, List.of(vipQuestion()), List.of(), install.file());
        List<Lesson> lessons = new ArrayList<>();
        lessons.add(basics);
        lessons.addAll(c.lessons());
        return new Course(c.id(), c.title(), c.dir(), c.roles(), c.vars(), c.defaultHosts(), c.notes(), lessons,
                c.gating());
    }

    public static Course free() {
        Course c = course();
        return new Course(c.id(), c.title(), c.dir(), c.roles(), c.vars(), c.defaultHosts(), c.notes(), c.lessons(),
                Course.Gating.FREE);
    }

    public static LabFile lab() {
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        for (String r : List.of("lb01", "lb02", "web01", "web02", "nfs-server")) {
            hosts.put(r, new HostSpec(r, "10.9.0." + (11 + hosts.size()), 22, "root", Optional.empty(),
                    Optional.empty(), false));
        }
        return new LabFile(Path.of("/tmp/lab.yaml"), Map.of(), hosts, Map.of(), Map.of(), Optional.empty());
    }

    public static Verdict failingOnLb02(String id, List<String> on) {
        Text msg = Text.of("lb02 上不对", "not right on lb02");
        Optional<Text> hint = Optional.of(Text.of("照第一步做", "do step one"));
        List<HostVerdict> per = on.stream()
                .map(h -> h.equals("lb02")
                        ? new HostVerdict(h, Status.FAIL, "not-right", msg, hint,
                                List.of(new Evidence(h, "seen: wrong")))
                        : new HostVerdict(h, Status.PASS, "", Text.of("好", "fine"), Optional.empty(), List.of()))
                .toList();
        return new Verdict(id, Text.of("检查 " + id, "check " + id), on, Status.FAIL, "not-right", msg, hint,
                List.of(new Evidence("lb02", "seen: wrong")), per, List.of());
    }

    /** A verdict per check of {@code lesson}: PASS, except {@code failing} which FAIL on lb02 with a hint. */
    public static List<Verdict> verdicts(Lesson lesson, String... failing) {
        List<String> bad = List.of(failing);
        return lesson.checks().stream()
                .map(ref -> bad.contains(ref.id()) ? failingOnLb02(ref.id(), ref.on())
                        : new Verdict(ref.id(), Text.of("检查 " + ref.id(), "check " + ref.id()), ref.on(), Status.PASS,
                                "", Text.of("好", "fine"), Optional.empty(), List.of()))
                .toList();
    }
}
