package dev.labtutor.grading;

import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.LabFileReader;
import dev.labtutor.yaml.DataFileException;
import dev.labtutor.yaml.Fields;
import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import dev.labtutor.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads {@code roster.yaml}. Every problem is reported as file:line:col, in the roster or in the student's lab file
 * where it was written; unknown keys get a suggestion. A student's lab is either their own lab file ({@code lab:},
 * relative to the roster, exactly as the learner uses it) or written inline ({@code hosts:}); {@code vars:} in the
 * roster override the lab file's (the instructor assigns them), and {@code defaults:} fill in what a student's host
 * entry does not say (its own value wins).
 */
public final class RosterReader {

    private static final Set<String> TOP_KEYS =
            Set.of("course", "lessons", "points", "defaults", "students", "known-hosts");
    private static final Set<String> STUDENT_KEYS = Set.of("id", "name", "lab", "vars", "hosts");
    /** Host keys that make sense for every host of a class (not {@code address}). */
    private static final Set<String> DEFAULT_KEYS = Set.of("port", "user", "identity", "password-env", "sudo");
    /** Safe as a folder name and in every report format. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private static final int MAX_POINTS = 1000;

    private final LabFileReader labs;

    public RosterReader(LabFileReader labs) {
        this.labs = labs;
    }

    public static RosterReader forCurrentUser() {
        return new RosterReader(LabFileReader.forCurrentUser());
    }

    /** Reads the roster, adding every problem to {@code problems}; returns what could be read. */
    public Optional<Roster> read(Path file, Problems problems) {
        Optional<YNode> root = YamlReader.read(file, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        if (!root.get().isMap()) {
            problems.add(root.get(), "the roster must be a mapping with a 'students:' list");
            return Optional.empty();
        }
        Fields top = Fields.of(root.get(), problems, "the roster", TOP_KEYS);
        Optional<String> course = top.text("course").map(String::trim);
        Map<String, YNode> lessonsAt = new LinkedHashMap<>();
        top.node("lessons").ifPresent(n -> {
            List<YNode> items = n.isScalar() ? List.of(n) : n.items();
            if (!n.isScalar() && !n.isList()) {
                problems.add(n, "'lessons' must be a list of lesson ids");
            }
            for (YNode item : items) {
                if (!item.isScalar()) {
                    problems.add(item, "items of 'lessons' must be lesson ids");
                } else if (lessonsAt.putIfAbsent(item.text().trim(), item) != null) {
                    problems.add(item, "lesson '" + item.text().trim() + "' is listed twice");
                }
            }
        });
        Map<String, Integer> points = new LinkedHashMap<>();
        Map<String, YNode> pointsAt = new LinkedHashMap<>();
        top.node("points").ifPresent(n -> readPoints(n, points, pointsAt, problems));
        Optional<YNode> defaults = top.node("defaults");
        defaults.ifPresent(d -> {
            Fields.of(d, problems, "defaults", DEFAULT_KEYS);
        });
        Optional<Path> knownHosts = top.text("known-hosts").map(p -> labs.resolve(file, p.trim()));
        List<Student> students = new ArrayList<>();
        Optional<YNode> list = top.node("students");
        if (list.isEmpty()) {
            problems.add(root.get(), "the roster has no 'students:' list (each with id, name and lab: FILE or hosts:)");
        } else if (!list.get().isList()) {
            problems.add(list.get(), "'students' must be a list (each item starts with '- id: ...')");
        } else {
            Map<String, YNode> ids = new HashMap<>();
            YNode defaultHost = defaults.filter(YNode::isMap).map(d -> d.only(DEFAULT_KEYS)).orElse(null);
            for (YNode item : list.get().items()) {
                readStudent(file, item, defaultHost, ids, problems).ifPresent(students::add);
            }
            if (list.get().items().isEmpty()) {
                problems.add(list.get(), "the roster's 'students' list is empty");
            }
        }
        return Optional.of(new Roster(file, course, top.node("course"), List.copyOf(lessonsAt.keySet()), lessonsAt,
                points, pointsAt, students, knownHosts));
    }

    /** Reads the roster and throws {@link DataFileException} on any problem. */
    public Roster readStrict(Path file) {
        Problems problems = new Problems();
        Optional<Roster> r = read(file, problems);
        problems.throwIfAny();
        return r.orElseThrow();
    }

    private static void readPoints(YNode n, Map<String, Integer> points, Map<String, YNode> at, Problems problems) {
        if (!n.isMap()) {
            problems.add(n, "'points' must map check ids to whole numbers, e.g. { vip-only-on-master: 3 }");
            return;
        }
        n.entries().forEach((id, v) -> {
            at.put(id, n.keyNode(id));
            if (!v.isScalar() || !v.text().trim().matches("[0-9]{1,4}")) {
                problems.add(v, "points of '" + id + "' must be a whole number from 0 to " + MAX_POINTS);
                return;
            }
            int p = Integer.parseInt(v.text().trim());
            if (p > MAX_POINTS) {
                problems.add(v, "points of '" + id + "' must be a whole number from 0 to " + MAX_POINTS);
                return;
            }
            points.put(id, p);
        });
    }

    private Optional<Student> readStudent(Path roster, YNode item, YNode defaults, Map<String, YNode> ids,
            Problems problems) {
        if (!item.isMap()) {
            problems.add(item, "each student must be a mapping: - id: s01, name: ..., lab: FILE");
            return Optional.empty();
        }
        int before = problems.size();
        Fields f = Fields.of(item, problems, "student", STUDENT_KEYS);
        String id = f.requiredText("id").trim();
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problems.add(f.node("id").orElse(item), "student id '" + id
                    + "' must be letters, digits, '.', '_' or '-' (at most 64, it names the student's evidence folder)");
        }
        YNode first = ids.putIfAbsent(id, item);
        if (!id.isEmpty() && first != null) {
            problems.add(f.node("id").orElse(item),
                    "student id '" + id + "' is used twice (first at line " + first.line() + ")");
        }
        String who = "student " + (id.isEmpty() ? "at line " + item.line() : id);
        String name = f.text("name").map(String::strip).filter(s -> !s.isEmpty()).orElse(id);
        Optional<YNode> labNode = f.node("lab");
        Optional<YNode> hosts = f.node("hosts");
        Optional<YNode> vars = f.node("vars");
        if (labNode.isPresent() && hosts.isPresent()) {
            problems.add(hosts.get(), who + ": give either 'lab: FILE' or 'hosts:', not both");
            return Optional.empty();
        }
        if (labNode.isEmpty() && hosts.isEmpty()) {
            problems.add(item, who + " has neither 'lab: FILE' nor 'hosts:'");
            return Optional.empty();
        }
        if (vars.isPresent() && !vars.get().isMap()) {
            problems.add(vars.get(), who + ": 'vars' must be a mapping of name: value");
            return Optional.empty();
        }
        YNode lab;
        Path labPath;
        Optional<Path> labFile = Optional.empty();
        if (labNode.isPresent()) {
            Optional<String> p = f.text("lab");
            if (p.isEmpty()) {
                return Optional.empty();
            }
            labPath = labs.resolve(roster, p.get().trim());
            if (!Files.isRegularFile(labPath)) {
                problems.add(labNode.get(), who + ": lab file " + labPath + " does not exist");
                return Optional.empty();
            }
            Optional<YNode> read = YamlReader.read(labPath, problems);
            if (read.isEmpty()) {
                return Optional.empty();
            }
            lab = read.get();
            labFile = Optional.of(labPath);
            if (!lab.isMap()) {
                problems.add(lab, "the lab file of " + who + " must be a mapping with a 'hosts:' section");
                return Optional.empty();
            }
        } else {
            labPath = roster;
            lab = item.only(Set.of("vars", "hosts"));
        }
        if (vars.isPresent()) {
            YNode own = lab.get("vars").filter(YNode::isMap).orElse(null);
            lab = lab.with("vars", own == null ? vars.get() : vars.get().withDefaults(own));
        }
        if (defaults != null) {
            lab = withHostDefaults(lab, defaults);
        }
        Optional<LabFile> read = labs.read(labPath, Optional.of(lab), problems);
        if (read.isEmpty() || problems.size() != before) {
            return Optional.empty();
        }
        Map<String, YNode> varNodes = new LinkedHashMap<>(lab.get("vars").map(YNode::entries).orElse(Map.of()));
        Map<String, YNode> roleNodes = new LinkedHashMap<>();
        YNode hostsNode = lab.get("hosts").orElse(lab);
        hostsNode.entries().keySet().forEach(r -> roleNodes.put(r, hostsNode.keyNode(r)));
        return Optional.of(new Student(id, name, read.get(), labFile, item, varNodes, roleNodes));
    }

    private static YNode withHostDefaults(YNode lab, YNode defaults) {
        Optional<YNode> hosts = lab.get("hosts").filter(YNode::isMap);
        if (hosts.isEmpty()) {
            return lab;
        }
        YNode h = hosts.get();
        for (Map.Entry<String, YNode> e : hosts.get().entries().entrySet()) {
            h = h.with(e.getKey(), e.getValue().withDefaults(defaults));
        }
        return lab.with("hosts", h);
    }
}
