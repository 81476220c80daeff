package dev.labtutor.grading;

import dev.labtutor.check.QuizVerdict;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.VarSpec;
import dev.labtutor.i18n.Text;
import dev.labtutor.yaml.Fields;
import dev.labtutor.yaml.Problem;
import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A class to grade, as {@code roster.yaml} describes it. What can only be judged against a course (lesson ids, check
 * ids in {@code points}, variable types, roles the lessons need) is checked by {@link #problemsWith}, once the course
 * is known; the {@code *At} maps keep where each entry was written so those problems name the line too.
 *
 * @param course the course id or directory the roster names, if any
 * @param lessons the lessons to grade when the command line does not say (empty: all)
 * @param points weight per check id (a check not listed weighs 1)
 * @param knownHosts the class known_hosts, when the roster names one
 */
public record Roster(Path source, Optional<String> course, Optional<YNode> courseAt, List<String> lessons,
        Map<String, YNode> lessonsAt, Map<String, Integer> points, Map<String, YNode> pointsAt, List<Student> students,
        Optional<Path> knownHosts) {

    /** The course variables that tell students' configurations apart (see {@link RosterVars}). */
    public static final List<String> DISTINCT_VARS = List.of("vip", "vrid", "auth-pass");

    public Roster {
        lessons = List.copyOf(lessons);
        lessonsAt = Map.copyOf(lessonsAt);
        points = Collections.unmodifiableMap(new LinkedHashMap<>(points));
        pointsAt = Map.copyOf(pointsAt);
        students = List.copyOf(students);
    }

    public int pointsOf(String checkId) {
        return points.getOrDefault(checkId, 1);
    }

    /**
     * The lessons to grade: {@code requested} (from the command line) when given, else the roster's, else every lesson
     * of the course. Unknown ids are problems.
     */
    public List<Lesson> select(Course course, List<String> requested, Problems problems) {
        List<String> ids = !requested.isEmpty() ? requested : lessons;
        if (ids.isEmpty()) {
            return course.lessons();
        }
        Set<String> known = new LinkedHashSet<>();
        course.lessons().forEach(l -> known.add(l.id()));
        List<Lesson> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            Optional<Lesson> l = course.lesson(id);
            if (l.isPresent()) {
                out.add(l.get());
                continue;
            }
            String message = "unknown lesson '" + id + "' in course " + course.id() + Fields.suggestion(id, known);
            YNode at = requested.isEmpty() ? lessonsAt.get(id) : null;
            problems.add(at != null ? new Problem(at.file(), at.line(), at.column(), message)
                    : new Problem(source, 1, 1, message + " (given with --lessons)"));
        }
        return out;
    }

    /**
     * What does not fit the course: check ids in {@code points} that no selected lesson has, students' variables the
     * course does not know or of the wrong type, hosts for roles the course does not have, and roles the selected
     * lessons need that a student has no host for.
     */
    public List<Problem> problemsWith(Course course, List<Lesson> selected) {
        Problems p = new Problems();
        Set<String> checkIds = new LinkedHashSet<>();
        Set<String> roles = new LinkedHashSet<>();
        for (Lesson l : selected) {
            for (CheckRef ref : l.checks()) {
                checkIds.add(ref.id());
                roles.addAll(ref.roles());
            }
        }
        pointsAt.forEach((id, at) -> {
            if (id.equals(QuizVerdict.CHECK_ID) && !checkIds.contains(id)) {
                p.add(at,
                        "'points' names 'quiz': a lesson's quiz is answered in the learner's tutor and cannot be seen "
                                + "on the hosts, so grade does not grade it");
            } else if (!checkIds.contains(id)) {
                p.add(at, "'points' names check '" + id + "', which no graded lesson has"
                        + Fields.suggestion(id, checkIds));
            }
        });
        for (Student s : students) {
            s.varNodes().forEach((name, at) -> {
                VarSpec spec = course.vars().get(name);
                if (spec == null) {
                    p.add(at, "student " + s.id() + ": unknown variable '" + name + "'"
                            + Fields.suggestion(name, course.vars().keySet()));
                } else if (!spec.type().accepts(at.text())) {
                    p.add(at, "student " + s.id() + ": variable '" + name + "' must be " + spec.type().describe()
                            + ", not '" + (name.contains("pass") ? "…" : at.text()) + "'");
                }
            });
            s.lab().hosts().keySet().stream().filter(r -> !course.roles().containsKey(r))
                    .forEach(r -> p.add(s.roleNodes().getOrDefault(r, s.at()), "student " + s.id() + ": unknown role '"
                            + r + "'" + Fields.suggestion(r, course.roles().keySet())));
            List<String> missing = roles.stream().filter(r -> !s.lab().hosts().containsKey(r)).toList();
            if (!missing.isEmpty()) {
                p.add(s.at(),
                        "student " + s.id() + " has no host for " + String.join(", ", missing)
                                + " (the graded lessons need " + String.join(", ", roles) + ")"
                                + s.labFile().map(f -> "; add it to " + f).orElse(""));
            }
        }
        return p.sorted();
    }

    /**
     * Pairs of students whose configurations would be interchangeable (same VIP, VRID or VRRP password, course defaults
     * included) and hosts two students share, among the roles the graded lessons use: worth a warning, since one
     * student's work could then be graded as another's. Each names where the later student is written.
     */
    public List<Text> warnings(Course course, List<Lesson> graded) {
        List<Text> out = new ArrayList<>();
        for (String var : DISTINCT_VARS) {
            if (!course.vars().containsKey(var)) {
                continue;
            }
            Map<String, String> firstWith = new LinkedHashMap<>();
            for (Student s : students) {
                String v = Bindings.of(course, Optional.of(s.lab())).lookup(var).orElse("");
                String other = firstWith.putIfAbsent(v, s.id());
                if (other != null) {
                    String shown = var.contains("pass") ? var : var + " " + v;
                    out.add(Text.of(
                            s.at().where() + "：学生 " + other + " 和 " + s.id() + " 的 " + shown
                                    + " 相同：他们的配置可以互换（'labtutor roster vars' 可给出各不相同的值）",
                            s.at().where() + ": students " + other + " and " + s.id() + " have the same " + shown
                                    + ": their configurations are interchangeable ('labtutor roster vars' prints distinct ones)"));
                }
            }
        }
        Set<String> roles = roles(graded);
        Map<String, String> hostOwner = new LinkedHashMap<>();
        for (Student s : students) {
            s.lab().hosts().forEach((role, h) -> {
                if (!roles.contains(role)) {
                    return;
                }
                String key = h.address() + ":" + h.port();
                String other = hostOwner.putIfAbsent(key, s.id() + "'s " + role);
                if (other != null && !other.startsWith(s.id() + "'s")) {
                    String[] o = other.split("'s ", 2);
                    out.add(Text.of(
                            s.at().where() + "：" + s.id() + " 的 " + role + "（" + key + "）也是 " + o[0] + " 的 " + o[1],
                            s.at().where() + ": " + s.id() + "'s " + role + " (" + key + ") is also " + other));
                }
            });
        }
        return out;
    }

    /**
     * The hosts the graded lessons reach, as {@code address:port}, each once however many students name it (hosts of
     * roles no graded lesson uses are not contacted, so not counted).
     */
    public Set<String> gradedHosts(List<Lesson> graded) {
        Set<String> roles = roles(graded);
        Set<String> out = new LinkedHashSet<>();
        for (Student s : students) {
            s.lab().hosts().forEach((role, h) -> {
                if (roles.contains(role)) {
                    out.add(h.address() + ":" + h.port());
                }
            });
        }
        return out;
    }

    /** Host entries of the roles the graded lessons use, one per student and role. */
    public int gradedHostEntries(List<Lesson> graded) {
        Set<String> roles = roles(graded);
        return students.stream().mapToInt(s -> (int) s.lab().hosts().keySet().stream().filter(roles::contains).count())
                .sum();
    }

    private static Set<String> roles(List<Lesson> graded) {
        Set<String> roles = new LinkedHashSet<>();
        graded.forEach(l -> l.checks().forEach(c -> roles.addAll(c.roles())));
        return roles;
    }
}
