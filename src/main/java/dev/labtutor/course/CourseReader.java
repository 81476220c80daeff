package dev.labtutor.course;

import dev.labtutor.i18n.Text;
import dev.labtutor.yaml.Fields;
import dev.labtutor.yaml.Problem;
import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import dev.labtutor.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a course directory: {@code course.yaml} plus one {@code <lesson>.yaml} per lesson it lists. Structural problems
 * (unknown keys, missing translations, duplicate ids, unknown roles) are collected with file:line:col; whether check
 * references resolve is the linter's job, since it needs the check catalogue.
 */
public final class CourseReader {

    public static final String COURSE_FILE = "course.yaml";
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Set<String> COURSE_KEYS =
            Set.of("id", "title", "roles", "vars", "default-hosts", "notes", "lessons", "gating");
    private static final Set<String> NOTE_KEYS = Set.of("lesson", "step", "zh", "en");
    private static final Set<String> VAR_KEYS = Set.of("default", "type", "zh", "en");
    private static final Set<String> LESSON_KEYS = Set.of("id", "title", "intro", "roles", "steps", "quiz", "solve");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "question", "choices", "explain");
    private static final Set<String> CHOICE_KEYS = Set.of("zh", "en", "correct", "why");
    private static final Set<String> STEP_KEYS = Set.of("id", "title", "text", "do", "checks", "family");
    private static final Set<String> RUN_KEYS = Set.of("on", "run", "interactive", "watched", "family");
    private static final Set<String> FILE_KEYS = Set.of("on", "file", "content");
    private static final Set<String> REF_KEYS = Set.of("id", "use", "on", "with", "superseded-by", "family");
    private static final Set<String> STEP_VARIANT_KEYS = Set.of("title", "text");
    private static final Set<String> RUN_VARIANT_KEYS = Set.of("run");
    private static final Set<String> REF_VARIANT_KEYS = Set.of("use", "with");

    private CourseReader() {
    }

    public static Optional<Course> read(Path dir, Problems problems) {
        Path file = dir.resolve(COURSE_FILE);
        if (!Files.isRegularFile(file)) {
            problems.add(new Problem(file, 1, 1, "no " + COURSE_FILE + " in course directory " + dir));
            return Optional.empty();
        }
        Optional<YNode> root = YamlReader.read(file, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Fields f = Fields.of(root.get(), problems, "the course", COURSE_KEYS);
        String id = checkId(f, "id", problems, "course");
        Text title = f.bilingual("title", true).orElse(Text.of("", ""));

        Map<String, Text> roles = new LinkedHashMap<>();
        f.node("roles").ifPresentOrElse(r -> {
            if (!r.isMap()) {
                problems.add(r, "'roles' must map each role name to its zh/en description");
                return;
            }
            r.entries().forEach((name, v) -> {
                if (!ID.matcher(name).matches()) {
                    problems.add(r.keyNode(name),
                            "role name '" + name + "' must be lower case letters, digits and '-'");
                }
                Fields.bilingual(v, problems, "role " + name).ifPresent(t -> roles.put(name, t));
            });
        }, () -> problems.add(root.get(), "the course is missing 'roles'"));

        Map<String, VarSpec> vars = new LinkedHashMap<>();
        f.node("vars").ifPresent(v -> {
            if (!v.isMap()) {
                problems.add(v, "'vars' must map each variable to {default, type, zh, en}");
                return;
            }
            v.entries().forEach((name, spec) -> readVar(name, spec, problems).ifPresent(s -> vars.put(name, s)));
        });

        Map<String, String> defaultHosts = new LinkedHashMap<>();
        f.node("default-hosts").ifPresent(h -> {
            if (!h.isMap()) {
                problems.add(h, "'default-hosts' must map role: address");
                return;
            }
            h.entries().forEach((role, addr) -> {
                if (!roles.containsKey(role)) {
                    problems.add(h.keyNode(role), "default-hosts names unknown role '" + role + "'");
                } else if (!addr.isScalar() || !VarType.IPV4.accepts(addr.text())) {
                    problems.add(addr, "default address of " + role + " must be an IPv4 address");
                } else {
                    defaultHosts.put(role, addr.text());
                }
            });
        });

        List<YNode> noteNodes = new ArrayList<>();
        f.node("notes").ifPresent(n -> {
            if (!n.isList()) {
                problems.add(n, "'notes' must be a list of {lesson, step?, zh, en}");
                return;
            }
            noteNodes.addAll(n.items());
        });

        List<Lesson> lessons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        f.node("lessons").ifPresentOrElse(l -> {
            if (!l.isList()) {
                problems.add(l, "'lessons' must be a list of lesson ids in order");
                return;
            }
            for (YNode item : l.items()) {
                String lid = item.text();
                if (!item.isScalar() || !ID.matcher(lid).matches()) {
                    problems.add(item, "lesson id '" + lid + "' must be lower case letters, digits and '-'");
                    continue;
                }
                if (!seen.add(lid)) {
                    problems.add(item, "lesson '" + lid + "' is listed twice");
                    continue;
                }
                Path lf = dir.resolve(lid + ".yaml");
                if (!Files.isRegularFile(lf)) {
                    problems.add(item, "lesson '" + lid + "' has no file " + lf.getFileName());
                    continue;
                }
                readLesson(lf, lid, roles.keySet(), problems).ifPresent(lessons::add);
            }
        }, () -> problems.add(root.get(), "the course is missing 'lessons'"));
        supersedes(lessons, problems);
        List<Note> notes = new ArrayList<>();
        noteNodes.forEach(n -> readNote(n, lessons, problems).ifPresent(notes::add));
        Course.Gating gating = Course.Gating.SEQUENTIAL;
        Optional<String> g = f.text("gating");
        if (g.isPresent()) {
            switch (g.get()) {
                case "sequential" -> gating = Course.Gating.SEQUENTIAL;
                case "free" -> gating = Course.Gating.FREE;
                default -> problems.add(f.node("gating").orElseThrow(), "gating must be 'sequential' or 'free'");
            }
        }
        return Optional.of(new Course(id, title, dir, roles, vars, defaultHosts, notes, lessons, gating));
    }

    /** Course directories (with course.yaml) directly under {@code dir}, in name order. */
    public static List<Path> courseDirs(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> Files.isRegularFile(p.resolve(COURSE_FILE))).sorted().toList();
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }

    /** Reads strictly: any problem throws {@link dev.labtutor.yaml.DataFileException}. */
    public static Course readStrict(Path dir) {
        Problems problems = new Problems();
        Optional<Course> c = read(dir, problems);
        problems.throwIfAny();
        return c.orElseThrow();
    }

    /**
     * A note placed where its slip occurs: {@code lesson} (required) names a lesson of the course, {@code step}
     * (optional) one of that lesson's steps; anything else is a located problem, since a note that names no place would
     * never be shown.
     */
    private static Optional<Note> readNote(YNode n, List<Lesson> lessons, Problems problems) {
        Fields f = Fields.of(n, problems, "note", NOTE_KEYS);
        Optional<Text> text = Fields.bilingual(n.only(Set.of("zh", "en")), problems, "note");
        String lid = f.requiredText("lesson");
        if (lid.isEmpty() || text.isEmpty()) {
            return Optional.empty();
        }
        Optional<Lesson> lesson = lessons.stream().filter(l -> l.id().equals(lid)).findFirst();
        if (lesson.isEmpty()) {
            problems.add(f.node("lesson").orElse(n),
                    "note names unknown lesson '" + lid + "'" + Fields.suggestion(lid, lessons.stream().map(Lesson::id)
                            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new))));
            return Optional.empty();
        }
        Optional<String> step = f.text("step");
        if (step.isPresent() && lesson.get().steps().stream().noneMatch(s -> s.id().equals(step.get()))) {
            problems.add(f.node("step").orElseThrow(),
                    "note names unknown step '" + step.get() + "' of lesson '" + lid + "'"
                            + Fields.suggestion(step.get(), lesson.get().steps().stream().map(Step::id)
                                    .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new))));
            return Optional.empty();
        }
        return Optional.of(new Note(lid, step, text.get()));
    }

    private static Optional<VarSpec> readVar(String name, YNode spec, Problems problems) {
        if (!name.matches("[a-z][a-z0-9-]{0,63}")) {
            problems.add(spec, "variable name '" + name + "' must be lower case letters, digits and '-'");
            return Optional.empty();
        }
        Fields f = Fields.of(spec, problems, "variable " + name, VAR_KEYS);
        String def = f.requiredText("default");
        VarType type = f.text("type").flatMap(t -> {
            Optional<VarType> vt = VarType.parse(t);
            if (vt.isEmpty()) {
                problems.add(f.node("type").orElseThrow(),
                        "unknown type '" + t + "' (ipv4, int, word, iface, path, url, text)");
            }
            return vt;
        }).orElse(VarType.TEXT);
        if (!def.isEmpty() && !type.accepts(def)) {
            problems.add(f.node("default").orElse(spec), "default of " + name + " must be " + type.describe());
        }
        Text desc = Fields.bilingual(stripped(spec), problems, "variable " + name).orElse(Text.of(name, name));
        return Optional.of(new VarSpec(name, def, type, desc));
    }

    /** The zh/en part of a var spec, as its own node, so bilingual() does not see default/type. */
    private static YNode stripped(YNode spec) {
        return spec.only(Set.of("zh", "en"));
    }

    static Optional<Lesson> readLesson(Path file, String expectedId, Set<String> roles, Problems problems) {
        Optional<YNode> root = YamlReader.read(file, problems);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Fields f = Fields.of(root.get(), problems, "lesson", LESSON_KEYS);
        String id = checkId(f, "id", problems, "lesson");
        if (!id.isEmpty() && !id.equals(expectedId)) {
            problems.add(f.node("id").orElseThrow(),
                    "lesson id '" + id + "' does not match its file name (" + expectedId + ".yaml)");
        }
        Text title = f.bilingual("title", true).orElse(Text.of("", ""));
        Text intro = f.bilingual("intro", false).orElse(Text.of("", ""));
        List<String> lroles = f.textList("roles");
        lroles.forEach(r -> {
            if (!roles.contains(r)) {
                problems.add(f.node("roles").orElseThrow(), "lesson uses unknown role '" + r + "'");
            }
        });
        Set<String> lessonRoles = new HashSet<>(lroles);
        List<Step> steps = new ArrayList<>();
        Set<String> stepIds = new HashSet<>();
        Set<String> checkIds = new HashSet<>();
        f.node("steps").ifPresentOrElse(s -> {
            if (!s.isList()) {
                problems.add(s, "'steps' must be a list");
                return;
            }
            for (YNode sn : s.items()) {
                Fields sf = Fields.of(sn, problems, "step", STEP_KEYS);
                String sid = checkId(sf, "id", problems, "step");
                if (!sid.isEmpty() && !stepIds.add(sid)) {
                    problems.add(sf.node("id").orElseThrow(), "duplicate step id '" + sid + "'");
                }
                Text st = sf.bilingual("title", true).orElse(Text.of("", ""));
                Text text = sf.bilingual("text", true).orElse(Text.of("", ""));
                List<Action> actions = sf.node("do").map(d -> readActions(d, lessonRoles, problems)).orElse(List.of());
                List<CheckRef> refs = new ArrayList<>();
                sf.node("checks").ifPresent(c -> {
                    if (!c.isList()) {
                        problems.add(c, "'checks' must be a list of {use, on, with}");
                        return;
                    }
                    for (YNode rn : c.items()) {
                        readRef(rn, lessonRoles, problems).ifPresent(ref -> {
                            if (!checkIds.add(ref.id())) {
                                problems.add(rn,
                                        "duplicate check id '" + ref.id() + "' in this lesson (give one an 'id:')");
                            }
                            refs.add(ref);
                        });
                    }
                });
                Map<String, Step.Variant> variants = sf.node("family")
                        .map(v -> family(v, problems, "step", CourseReader::stepVariant)).orElse(Map.of());
                steps.add(new Step(sid, st, text, actions, refs, variants));
            }
        }, () -> problems.add(root.get(), "the lesson has no 'steps'"));

        List<Question> quiz = f.node("quiz").map(q -> readQuiz(q, problems)).orElse(List.of());

        List<Action> solve = new ArrayList<>();
        f.node("solve").ifPresentOrElse(s -> {
            if (!s.isList()) {
                problems.add(s, "'solve' must be a list of actions ({on, run} or {on, file, content})");
                return;
            }
            solve.addAll(readActions(s, lessonRoles, problems));
        }, () -> problems.add(root.get(), "the lesson has no 'solve' section (the actions that complete it)"));
        return Optional.of(new Lesson(id, title, intro, lroles, steps, quiz, solve, file));
    }

    private static List<Question> readQuiz(YNode list, Problems problems) {
        if (!list.isList()) {
            problems.add(list, "'quiz' must be a list of {id, question, choices, explain}");
            return List.of();
        }
        List<Question> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (YNode qn : list.items()) {
            Fields qf = Fields.of(qn, problems, "quiz question", QUESTION_KEYS);
            String qid = checkId(qf, "id", problems, "question");
            if (!qid.isEmpty() && !ids.add(qid)) {
                problems.add(qf.node("id").orElseThrow(), "duplicate question id '" + qid + "'");
            }
            Text prompt = qf.bilingual("question", true).orElse(Text.of("", ""));
            Text explain = qf.bilingual("explain", true).orElse(Text.of("", ""));
            List<Question.Choice> choices = new ArrayList<>();
            Optional<YNode> cn = qf.node("choices");
            if (cn.isEmpty() || !cn.get().isList() || cn.get().items().size() < 2 || cn.get().items().size() > 6) {
                problems.add(cn.orElse(qn),
                        "question '" + qid + "' needs 'choices': a list of 2 to 6 {zh, en, correct?, why?}");
            } else {
                char key = 'a';
                for (YNode c : cn.get().items()) {
                    Fields cf = Fields.of(c, problems, "choice", CHOICE_KEYS);
                    Text t = Fields.bilingual(c.only(Set.of("zh", "en")), problems, "choice").orElse(Text.of("", ""));
                    boolean correct = cf.bool("correct").orElse(false);
                    Optional<Text> why = cf.bilingual("why", false);
                    if (!correct && why.isEmpty()) {
                        problems.add(c,
                                "a wrong choice needs 'why' ({zh, en}): the explanation shown when it is picked");
                    }
                    choices.add(new Question.Choice(String.valueOf(key++), t, correct, why));
                }
                long right = choices.stream().filter(Question.Choice::correct).count();
                if (right != 1) {
                    problems.add(cn.get(), "question '" + qid
                            + "' must have exactly one choice with 'correct: true' (has " + right + ")");
                }
            }
            out.add(new Question(qid, prompt, choices, explain));
        }
        return out;
    }

    private static List<Action> readActions(YNode list, Set<String> roles, Problems problems) {
        if (!list.isList()) {
            problems.add(list, "actions must be a list of {on, run} or {on, file, content}");
            return List.of();
        }
        List<Action> out = new ArrayList<>();
        for (YNode a : list.items()) {
            boolean isFile = a.isMap() && a.entries().containsKey("file");
            Fields af = Fields.of(a, problems, "action", isFile ? FILE_KEYS : RUN_KEYS);
            String on = af.requiredText("on");
            if (!on.isEmpty() && !roles.contains(on)) {
                problems.add(af.node("on").orElse(a),
                        "action on role '" + on + "' that the lesson's 'roles' does not list");
            }
            if (isFile) {
                String path = af.requiredText("file");
                if (!path.startsWith("/")) {
                    problems.add(af.node("file").orElse(a), "file path must be absolute");
                }
                out.add(new Action.WriteFile(on, path, af.requiredText("content")));
            } else {
                Map<String, String> variants = af.node("family")
                        .map(v -> family(v, problems, "action", CourseReader::runVariant)).orElse(Map.of());
                out.add(new Action.Run(on, af.requiredText("run"), af.bool("interactive").orElse(false),
                        af.bool("watched").orElse(false), variants));
            }
        }
        return out;
    }

    private static Optional<CheckRef> readRef(YNode n, Set<String> roles, Problems problems) {
        Fields f = Fields.of(n, problems, "check reference", REF_KEYS);
        String use = f.requiredText("use");
        if (use.isEmpty()) {
            return Optional.empty();
        }
        String id = f.text("id").orElse(use);
        List<String> on = f.textList("on");
        if (on.isEmpty()) {
            problems.add(n, "check '" + id + "' has no 'on' (the roles it runs on)");
        }
        on.forEach(r -> {
            if (!roles.contains(r)) {
                problems.add(f.node("on").orElse(n),
                        "check '" + id + "' runs on role '" + r + "' that the lesson's 'roles' does not list");
            }
        });
        Map<String, YNode> with = with(f, problems);
        Optional<String> supersededBy = f.text("superseded-by");
        Map<String, CheckRef.Variant> variants = f.node("family")
                .map(v -> family(v, problems, "check '" + id + "'", CourseReader::refVariant)).orElse(Map.of());
        return Optional.of(new CheckRef(id, use, on, with, n, supersededBy, variants));
    }

    /**
     * A {@code family:} mapping: each key a family id ({@code openeuler}, {@code rhel}, {@code centos7},
     * {@code debian}) or a comma-separated list of them, each value read by {@code each}. The result is kept by single
     * family id; a family named twice, an unknown or empty key is a located problem.
     */
    public static <T> Map<String, T> family(YNode n, Problems problems, String what,
            java.util.function.BiFunction<YNode, Problems, Optional<T>> each) {
        Map<String, T> out = new LinkedHashMap<>();
        if (!n.isMap() || n.entries().isEmpty()) {
            problems.add(n, "'family' of " + what + " must map family ids (" + knownFamilies()
                    + ", or a comma-separated list of them) to that family's variant");
            return out;
        }
        n.entries().forEach((key, value) -> {
            List<String> ids = new ArrayList<>();
            for (String part : key.split(",", -1)) {
                String k = part.strip();
                Optional<dev.labtutor.lab.Family> fam = dev.labtutor.lab.Family.byId(k);
                if (fam.isEmpty() || !fam.get().id().equals(k)) {
                    problems.add(n.keyNode(key),
                            "unknown family '" + k + "' in 'family' of " + what + " (known: " + knownFamilies() + ")");
                } else if (out.containsKey(k) || ids.contains(k)) {
                    problems.add(n.keyNode(key), "family '" + k + "' has two variants in 'family' of " + what);
                } else {
                    ids.add(k);
                }
            }
            each.apply(value, problems).ifPresent(v -> ids.forEach(k -> out.put(k, v)));
        });
        return out;
    }

    private static String knownFamilies() {
        return String.join(", ",
                java.util.Arrays.stream(dev.labtutor.lab.Family.values()).map(dev.labtutor.lab.Family::id).toList());
    }

    /** A step's variant: its own {@code title} and/or {@code text} ({zh, en}). */
    private static Optional<Step.Variant> stepVariant(YNode v, Problems problems) {
        Fields f = Fields.of(v, problems, "a step's family variant", STEP_VARIANT_KEYS);
        Optional<Text> title = f.bilingual("title", false);
        Optional<Text> text = f.bilingual("text", false);
        if (v.isMap() && title.isEmpty() && text.isEmpty() && f.node("title").isEmpty() && f.node("text").isEmpty()) {
            problems.add(v, "a step's family variant needs 'text' and/or 'title' ({zh, en})");
            return Optional.empty();
        }
        return Optional.of(new Step.Variant(title, text));
    }

    /** An action's variant: its own {@code run}. */
    private static Optional<String> runVariant(YNode v, Problems problems) {
        Fields f = Fields.of(v, problems, "an action's family variant", RUN_VARIANT_KEYS);
        String run = f.requiredText("run");
        return run.isEmpty() ? Optional.empty() : Optional.of(run);
    }

    /** A check reference's variant: the word {@code skip}, or its own {@code use} and/or {@code with}. */
    private static Optional<CheckRef.Variant> refVariant(YNode v, Problems problems) {
        if (v.isScalar()) {
            if (v.text().equals("skip")) {
                return Optional.of(new CheckRef.Variant(true, Optional.empty(), Map.of(), v));
            }
            problems.add(v, "a check's family variant is 'skip' or {use, with}, not '" + v.text() + "'");
            return Optional.empty();
        }
        Fields f = Fields.of(v, problems, "a check's family variant", REF_VARIANT_KEYS);
        Optional<String> use = f.text("use");
        Map<String, YNode> with = with(f, problems);
        if (v.isMap() && use.isEmpty() && f.node("with").isEmpty()) {
            problems.add(v, "a check's family variant needs 'use' and/or 'with' (or is the word 'skip')");
            return Optional.empty();
        }
        return Optional.of(new CheckRef.Variant(false, use, with, v));
    }

    /** A check reference's (or its variant's) {@code with}: parameter: value. */
    private static Map<String, YNode> with(Fields f, Problems problems) {
        Map<String, YNode> with = new LinkedHashMap<>();
        f.node("with").ifPresent(w -> {
            if (!w.isMap()) {
                problems.add(w, "'with' must map parameter: value");
                return;
            }
            with.putAll(w.entries());
        });
        return with;
    }

    /** A {@code superseded-by} must name a lesson that comes later in the course. */
    private static void supersedes(List<Lesson> lessons, Problems problems) {
        for (int i = 0; i < lessons.size(); i++) {
            for (CheckRef ref : lessons.get(i).checks()) {
                if (ref.supersededBy().isEmpty()) {
                    continue;
                }
                String by = ref.supersededBy().get();
                int at = -1;
                for (int j = 0; j < lessons.size(); j++) {
                    if (lessons.get(j).id().equals(by)) {
                        at = j;
                    }
                }
                YNode where = ref.at().isMap() && ref.at().get("superseded-by").isPresent()
                        ? ref.at().get("superseded-by").get() : ref.at();
                if (at < 0) {
                    problems.add(where, "check '" + ref.id() + "' is superseded by lesson '" + by
                            + "', which the course does not list");
                } else if (at <= i) {
                    problems.add(where, "check '" + ref.id() + "' is superseded by lesson '" + by
                            + "', which does not come after its own lesson '" + lessons.get(i).id() + "'");
                }
            }
        }
    }

    private static String checkId(Fields f, String key, Problems problems, String what) {
        String id = f.requiredText(key);
        if (!id.isEmpty() && !ID.matcher(id).matches()) {
            problems.add(f.node(key).orElseThrow(),
                    what + " id '" + id + "' must be lower case letters, digits and '-'");
        }
        return id;
    }
}
