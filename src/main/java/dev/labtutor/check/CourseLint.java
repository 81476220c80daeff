package dev.labtutor.check;

import dev.labtutor.course.Action;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Note;
import dev.labtutor.course.Question;
import dev.labtutor.course.Step;
import dev.labtutor.course.Template;
import dev.labtutor.course.VarType;
import dev.labtutor.i18n.Text;
import dev.labtutor.yaml.Problem;
import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validates course and check data as a whole: structure (from the readers), every check reference resolves with valid
 * parameters, every template (lesson text, actions, quiz, the course's notes) names a known variable, every check
 * definition builds with sample values of its parameter types, every cause condition builds.
 */
public final class CourseLint {

    private CourseLint() {
    }

    /** Lints the check catalogue on its own: every definition builds with sample parameter values. */
    public static void lintCatalog(CheckCatalog catalog, Problems problems) {
        for (CheckDef d : catalog.checks().values()) {
            Binder.refuseTextInCommands(d, name -> Optional.ofNullable(d.params().get(name)).map(CheckDef.Param::type),
                    problems);
            Map<String, String> sample = new HashMap<>();
            d.params().values()
                    .forEach(p -> sample.put(p.name(), p.defaultValue().or(p::sample).orElse(sampleOf(p.type()))));
            java.util.function.UnaryOperator<String> render = s -> Template.render(s, n -> Optional
                    .ofNullable(sample.get(n)).or(() -> n.equals("hosts") ? Optional.of("a") : Optional.empty()));
            lintNode(d.expect(), render, problems, "check " + d.id());
            for (CheckDef.Cause c : d.causes()) {
                lintNode(c.when(), render, problems, "check " + d.id() + " cause " + c.cause());
            }
        }
    }

    /**
     * Every hint of a check the course uses, written and in each {@code family:} form, names only the check's
     * parameters, {@code ${hosts}} and the course's variables (what a failing host's hint is rendered with).
     */
    private static void lintHints(CheckDef d, Bindings b, Problems problems) {
        YNode hints = d.at().get("hints").orElse(d.at());
        d.hints().forEach((cause, t) -> hintNames(d, t, hints.get(cause).orElse(hints), "hint " + cause, b, problems));
        d.hintFamilies().forEach((cause, forms) -> {
            YNode at = hints.get(cause).flatMap(h -> h.get("family")).orElse(hints);
            forms.forEach((family, t) -> hintNames(d, t, formAt(at, family), "hint " + cause + " for " + family, b,
                    problems));
        });
    }

    /** Where the form for {@code family} is written: the entry whose key (a family id or a list of them) names it. */
    private static YNode formAt(YNode family, String id) {
        return family.entries().entrySet().stream()
                .filter(e -> java.util.Arrays.stream(e.getKey().split(",")).map(String::strip).anyMatch(id::equals))
                .map(Map.Entry::getValue).findFirst().orElse(family);
    }

    private static void hintNames(CheckDef d, Text t, YNode at, String what, Bindings b, Problems problems) {
        for (String s : List.of(t.zh(), t.en())) {
            for (String name : Template.names(s)) {
                if (!name.equals("hosts") && !d.params().containsKey(name) && b.lookup(name).isEmpty()) {
                    problems.add(at, "check " + d.id() + " " + what + ": unknown variable ${" + name
                            + "} (not a parameter of the check, ${hosts} or a course variable)");
                }
            }
        }
    }

    private static void lintNode(YNode n, java.util.function.UnaryOperator<String> render, Problems problems,
            String what) {
        YNode rendered;
        try {
            rendered = n.mapScalars(render);
        } catch (Template.UnknownVariable e) {
            problems.add(n, what + ": " + e.getMessage() + " (not a parameter of the check)");
            return;
        }
        PrimitiveReader.read(rendered, problems);
    }

    static String sampleOf(VarType t) {
        return switch (t) {
            case IPV4 -> "10.0.0.1";
            case INT -> "1";
            case WORD -> "sample";
            case IFACE -> "eth0";
            case PATH -> "/tmp/sample";
            case URL -> "http://10.0.0.1/";
            case TEXT -> "sample";
        };
    }

    /** Lints one course directory against the catalogue. */
    public static void lintCourse(Path dir, CheckCatalog catalog, Problems problems) {
        Optional<Course> course = CourseReader.read(dir, problems);
        if (course.isEmpty()) {
            return;
        }
        Bindings bindings = Bindings.of(course.get(), Optional.empty());
        Binder binder = new Binder(catalog);
        java.util.Set<String> used = new java.util.LinkedHashSet<>();
        for (Lesson l : course.get().lessons()) {
            String text = read(l.file());
            for (Step s : l.steps()) {
                templates(l.file(), text, List.of(s.title(), s.text()), bindings, problems);
                s.family().values()
                        .forEach(v -> templates(l.file(), text,
                                java.util.stream.Stream.of(v.title(), v.text()).flatMap(Optional::stream).toList(),
                                bindings, problems));
                for (Action a : s.actions()) {
                    actionTemplates(l.file(), text, a, bindings, problems);
                }
                for (CheckRef ref : s.checks()) {
                    binder.bind(ref, bindings, problems);
                    used.add(ref.use());
                    ref.family().values().forEach(v -> v.use().ifPresent(used::add));
                }
            }
            templates(l.file(), text, List.of(l.title(), l.intro()), bindings, problems);
            for (Question q : l.quiz()) {
                List<Text> texts = new ArrayList<>(List.of(q.prompt(), q.explain()));
                q.choices().forEach(c -> {
                    texts.add(c.text());
                    c.why().ifPresent(texts::add);
                });
                templates(l.file(), text, texts, bindings, problems);
            }
            l.solve().forEach(a -> actionTemplates(l.file(), text, a, bindings, problems));
        }
        used.forEach(id -> catalog.get(id).ifPresent(d -> lintHints(d, bindings, problems)));
        Path courseFile = dir.resolve(CourseReader.COURSE_FILE);
        templates(courseFile, read(courseFile), course.get().notes().stream().map(Note::text).toList(), bindings,
                problems);
    }

    private static void actionTemplates(Path file, String text, Action a, Bindings b, Problems problems) {
        List<String> parts = new ArrayList<>();
        if (a instanceof Action.WriteFile w) {
            parts.addAll(List.of(w.path(), w.content()));
        } else {
            parts.add(((Action.Run) a).script());
            parts.addAll(((Action.Run) a).family().values());
        }
        for (String p : parts) {
            unknownNames(file, text, p, b, problems);
        }
    }

    private static void templates(Path file, String text, List<Text> texts, Bindings b, Problems problems) {
        for (Text t : texts) {
            unknownNames(file, text, t.zh(), b, problems);
            unknownNames(file, text, t.en(), b, problems);
        }
    }

    private static void unknownNames(Path file, String fileText, String s, Bindings b, Problems problems) {
        for (String name : Template.names(s)) {
            if (b.lookup(name).isEmpty()) {
                int[] pos = locate(fileText, "${" + name + "}");
                problems.add(new Problem(file, pos[0], pos[1],
                        "unknown variable ${" + name + "} (course vars, or ROLE.address/.iface/.user/.port)"));
            }
        }
    }

    private static int[] locate(String text, String needle) {
        int idx = text.indexOf(needle);
        if (idx < 0) {
            return new int[]{1, 1};
        }
        int line = 1;
        int col = 1;
        for (int i = 0; i < idx; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new int[]{line, col};
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            return "";
        }
    }

    /** Lints directories: course dirs, dirs of courses, and check dirs (any other dir of *.yaml). */
    public static List<Problem> lint(List<Path> dirs, Path defaultChecks, Problems problems) {
        List<Path> courses = new ArrayList<>();
        List<Path> checkDirs = new ArrayList<>();
        for (Path d : dirs) {
            if (Files.isRegularFile(d.resolve(CourseReader.COURSE_FILE))) {
                courses.add(d);
            } else if (Files.isDirectory(d)) {
                List<Path> sub = CourseReader.courseDirs(d);
                if (!sub.isEmpty()) {
                    courses.addAll(sub);
                } else {
                    checkDirs.add(d);
                }
            } else {
                problems.add(new Problem(d, 1, 1, "no such directory"));
            }
        }
        if (checkDirs.isEmpty()) {
            checkDirs.add(defaultChecks);
        }
        Map<String, CheckDef> merged = new java.util.LinkedHashMap<>();
        for (Path c : checkDirs) {
            CheckCatalog cat = CheckCatalog.read(c, problems);
            cat.checks().forEach((id, def) -> {
                CheckDef prev = merged.putIfAbsent(id, def);
                if (prev != null && prev != def) {
                    problems.add(def.at(),
                            "duplicate check id '" + id + "' (first defined at " + prev.at().where() + ")");
                }
            });
        }
        CheckCatalog catalog = new CheckCatalog(merged);
        lintCatalog(catalog, problems);
        for (Path c : courses) {
            lintCourse(c, catalog, problems);
        }
        return problems.sorted();
    }
}
