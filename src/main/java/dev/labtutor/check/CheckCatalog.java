package dev.labtutor.check;

import dev.labtutor.course.VarType;
import dev.labtutor.i18n.Text;
import dev.labtutor.yaml.Fields;
import dev.labtutor.yaml.Problem;
import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import dev.labtutor.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The reusable checks of {@code checks/*.yaml}, by id. */
public record CheckCatalog(Map<String, CheckDef> checks) {

    private static final Set<String> TOP = Set.of("checks");
    private static final Set<String> CHECK_KEYS = Set.of("id", "title", "params", "expect", "causes", "hints");
    private static final Set<String> PARAM_KEYS = Set.of("type", "default", "sample");
    private static final Set<String> CAUSE_KEYS = Set.of("cause", "if-cause", "when", "when-not");

    public CheckCatalog {
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    public Optional<CheckDef> get(String id) {
        return Optional.ofNullable(checks.get(id));
    }

    public static CheckCatalog read(Path dir, Problems problems) {
        Map<String, CheckDef> all = new LinkedHashMap<>();
        List<Path> files;
        try {
            files = Files.isDirectory(dir) ? YamlReader.yamlFiles(dir) : List.of();
        } catch (IOException e) {
            problems.add(new Problem(dir, 1, 1, "cannot list checks directory: " + e.getMessage()));
            return new CheckCatalog(all);
        }
        if (files.isEmpty()) {
            problems.add(new Problem(dir, 1, 1, "no check files (*.yaml) in " + dir));
        }
        for (Path f : files) {
            readFile(f, problems).forEach(def -> {
                CheckDef prev = all.putIfAbsent(def.id(), def);
                if (prev != null) {
                    problems.add(def.at(),
                            "duplicate check id '" + def.id() + "' (first defined at " + prev.at().where() + ")");
                }
            });
        }
        return new CheckCatalog(all);
    }

    public static CheckCatalog readStrict(Path dir) {
        Problems p = new Problems();
        CheckCatalog c = read(dir, p);
        p.throwIfAny();
        return c;
    }

    static List<CheckDef> readFile(Path file, Problems problems) {
        Optional<YNode> root = YamlReader.read(file, problems);
        List<CheckDef> out = new ArrayList<>();
        if (root.isEmpty()) {
            return out;
        }
        Fields top = Fields.of(root.get(), problems, "the checks file", TOP);
        Optional<YNode> list = top.node("checks");
        if (list.isEmpty() || !list.get().isList()) {
            problems.add(list.orElse(root.get()), "a checks file needs 'checks:' with a list of checks");
            return out;
        }
        for (YNode n : list.get().items()) {
            readCheck(n, problems).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<CheckDef> readCheck(YNode n, Problems problems) {
        Fields f = Fields.of(n, problems, "check", CHECK_KEYS);
        String id = f.requiredText("id");
        if (!id.isEmpty() && !id.matches("[a-z][a-z0-9-]{0,63}")) {
            problems.add(f.node("id").orElseThrow(),
                    "check id '" + id + "' must be lower case letters, digits and '-'");
        }
        String what = "check " + id;
        Text title = f.bilingual("title", true).orElse(Text.of(id, id));
        Map<String, CheckDef.Param> params = new LinkedHashMap<>();
        f.node("params").ifPresent(p -> {
            if (!p.isMap()) {
                problems.add(p, what + ": 'params' must map name: type");
                return;
            }
            p.entries().forEach((name, spec) -> {
                String typeName;
                Optional<String> def = Optional.empty();
                Optional<String> sample = Optional.empty();
                if (spec.isScalar()) {
                    typeName = spec.text();
                } else {
                    Fields pf = Fields.of(spec, problems, what + " param " + name, PARAM_KEYS);
                    typeName = pf.text("type").orElse("text");
                    def = pf.text("default");
                    sample = pf.text("sample");
                }
                Optional<VarType> t = VarType.parse(typeName);
                if (t.isEmpty()) {
                    problems.add(spec, what + ": unknown parameter type '" + typeName
                            + "' (ipv4, int, word, iface, path, url, text)");
                }
                params.put(name, new CheckDef.Param(name, t.orElse(VarType.TEXT), def, sample));
            });
        });
        Optional<YNode> expect = f.node("expect");
        if (expect.isEmpty()) {
            problems.add(n, what + " has no 'expect' (the primitive it checks)");
        }
        List<CheckDef.Cause> causes = new ArrayList<>();
        f.node("causes").ifPresent(c -> {
            if (!c.isList()) {
                problems.add(c, what + ": 'causes' must be a list");
                return;
            }
            for (YNode cn : c.items()) {
                Fields cf = Fields.of(cn, problems, what + " cause", CAUSE_KEYS);
                String cause = cf.requiredText("cause");
                Optional<YNode> when = cf.node("when");
                Optional<YNode> whenNot = cf.node("when-not");
                if (when.isPresent() == whenNot.isPresent()) {
                    problems.add(cn, what + ": a cause needs exactly one of 'when' or 'when-not'");
                    continue;
                }
                causes.add(new CheckDef.Cause(cause, cf.text("if-cause"), when.orElseGet(whenNot::get),
                        whenNot.isPresent()));
            }
        });
        Map<String, Text> hints = new LinkedHashMap<>();
        Map<String, Map<String, Text>> hintFamilies = new LinkedHashMap<>();
        f.node("hints").ifPresentOrElse(h -> {
            if (!h.isMap()) {
                problems.add(h, what + ": 'hints' must map cause: {zh, en}");
                return;
            }
            h.entries().forEach((cause, t) -> {
                String hw = what + " hint " + cause;
                YNode written = t.isMap() ? t.only(t.entries().keySet().stream().filter(k -> !k.equals("family"))
                        .collect(java.util.stream.Collectors.toSet())) : t;
                Fields.bilingual(written, problems, hw).ifPresent(x -> hints.put(cause, x));
                t.get("family").ifPresent(fam -> {
                    Map<String, Text> v = dev.labtutor.course.CourseReader.family(fam, problems, hw,
                            (vn, ps) -> Fields.bilingual(vn, ps, hw + " family variant"));
                    if (!v.isEmpty()) {
                        hintFamilies.put(cause, v);
                    }
                });
            });
        }, () -> problems.add(n, what + " has no 'hints'"));
        if (f.node("hints").isPresent() && !hints.containsKey("default")) {
            problems.add(f.node("hints").get(), what + " needs a 'default' hint");
        }
        for (CheckDef.Cause c : causes) {
            if (!hints.containsKey(c.cause())) {
                problems.add(c.when(), what + ": cause '" + c.cause() + "' has no hint");
            }
        }
        return Optional.of(new CheckDef(id, title, params, expect.orElse(n), causes, hints, hintFamilies, n));
    }
}
