package dev.labtutor.progress;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.DistroJson;
import dev.labtutor.yaml.JsonReader;
import dev.labtutor.yaml.JsonWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The progress file format, {@code labtutor-progress/1}: one JSON object, written by {@link #write} and read back
 * strictly by {@link #read} (a file that does not have this exact shape is refused, never half-read). {@code distros}
 * (each host's detected distribution, by role) came later: a file without it reads as nothing detected yet.
 */
public final class ProgressJson {

    public static final String FORMAT = "labtutor-progress/1";

    /** A file that is not a progress file of this format; the message says what is wrong. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message);
        }
    }

    private ProgressJson() {
    }

    public static String write(Progress p) {
        return JsonWriter.write(toMap(p)) + "\n";
    }

    public static Map<String, Object> toMap(Progress p) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("course", p.course());
        Map<String, Object> lab = new LinkedHashMap<>();
        lab.put("file", p.lab().file());
        lab.put("hosts", p.lab().hosts());
        root.put("lab", lab);
        root.put("current", p.current());
        root.put("step", p.step());
        root.put("updated", p.updated().map(Instant::toString).orElse(null));
        root.put("ifaces", p.ifaces());
        Map<String, Object> distros = new LinkedHashMap<>();
        p.distros().forEach((role, d) -> distros.put(role, DistroJson.toMap(d)));
        root.put("distros", distros);
        Map<String, Object> lessons = new LinkedHashMap<>();
        p.lessons().forEach((id, l) -> lessons.put(id, lesson(l)));
        root.put("lessons", lessons);
        return root;
    }

    private static Map<String, Object> lesson(LessonProgress l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", l.state().json());
        m.put("attempts", l.attempts());
        m.put("first-opened", time(l.firstOpened()));
        m.put("passed-at", time(l.passedAt()));
        m.put("time-spent-seconds", l.timeSpent().toSeconds());
        m.put("hint-level", l.hintLevel());
        m.put("solution-viewed", time(l.solutionViewed()));
        m.put("answers", l.answers());
        m.put("checked-at", time(l.checkedAt()));
        List<Object> checks = new ArrayList<>();
        for (CheckMark c : l.checks()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("check", c.check());
            cm.put("title", text(c.title()));
            cm.put("status", c.status());
            List<Object> hosts = new ArrayList<>();
            for (HostMark h : c.hosts()) {
                Map<String, Object> hm = new LinkedHashMap<>();
                hm.put("host", h.host());
                hm.put("status", h.status());
                hm.put("cause", h.cause());
                hm.put("message", text(h.message()));
                hm.put("hint", h.hint().map(ProgressJson::text).orElse(null));
                hm.put("evidence", h.evidence());
                hosts.add(hm);
            }
            cm.put("hosts", hosts);
            cm.put("notes", c.notes().stream().map(ProgressJson::text).toList());
            checks.add(cm);
        }
        m.put("checks", checks);
        return m;
    }

    private static Object time(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }

    private static Map<String, Object> text(Text t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("zh", t.zh());
        m.put("en", t.en());
        return m;
    }

    public static Progress read(String json) throws Invalid {
        Object root;
        try {
            root = JsonReader.read(json);
        } catch (JsonReader.Malformed e) {
            throw new Invalid("not valid JSON: " + e.getMessage());
        }
        Map<String, Object> m = map(root, "the file");
        if (!FORMAT.equals(m.get("format"))) {
            throw new Invalid("not a " + FORMAT + " file (format: " + m.get("format") + ")");
        }
        Map<String, Object> lab = map(m.get("lab"), "lab");
        Map<String, String> ifaces = strings(m.get("ifaces"), "ifaces");
        Map<String, Distro> distros = new LinkedHashMap<>();
        if (m.containsKey("distros")) {
            for (Map.Entry<String, Object> e : map(m.get("distros"), "distros").entrySet()) {
                distros.put(e.getKey(), DistroJson.fromMap(e.getValue())
                        .orElseThrow(() -> new Invalid("distros: " + e.getKey() + " is not a distribution")));
            }
        }
        Map<String, LessonProgress> lessons = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(m.get("lessons"), "lessons").entrySet()) {
            lessons.put(e.getKey(), lesson(map(e.getValue(), "lesson " + e.getKey()), e.getKey()));
        }
        return new Progress(string(m, "course"),
                new LabKey(string(lab, "file"), strings(lab.get("hosts"), "lab hosts")), string(m, "current"),
                (int) number(m, "step"), lessons, ifaces, distros, optTime(m, "updated"));
    }

    private static LessonProgress lesson(Map<String, Object> m, String id) throws Invalid {
        LessonState state;
        try {
            state = LessonState.parse(string(m, "state"));
        } catch (IllegalArgumentException e) {
            throw new Invalid("lesson " + id + ": unknown state '" + m.get("state") + "'");
        }
        List<CheckMark> checks = new ArrayList<>();
        for (Object o : list(m.get("checks"), "checks of " + id)) {
            Map<String, Object> c = map(o, "a check of " + id);
            List<HostMark> hosts = new ArrayList<>();
            for (Object ho : list(c.get("hosts"), "hosts of a check")) {
                Map<String, Object> h = map(ho, "a host mark");
                Object hint = h.get("hint");
                hosts.add(new HostMark(string(h, "host"), string(h, "status"), string(h, "cause"),
                        text(h.get("message")), hint == null ? Optional.empty() : Optional.of(text(hint)),
                        list(h.get("evidence"), "evidence").stream().map(String::valueOf).toList()));
            }
            List<Text> notes = new ArrayList<>();
            for (Object n : list(c.get("notes"), "notes")) {
                notes.add(text(n));
            }
            checks.add(new CheckMark(string(c, "check"), text(c.get("title")), string(c, "status"), hosts, notes));
        }
        try {
            return new LessonProgress(state, (int) number(m, "attempts"), optTime(m, "first-opened"),
                    optTime(m, "passed-at"), Duration.ofSeconds(number(m, "time-spent-seconds")),
                    (int) number(m, "hint-level"), optTime(m, "solution-viewed"), strings(m.get("answers"), "answers"),
                    optTime(m, "checked-at"), checks);
        } catch (IllegalArgumentException e) {
            throw new Invalid("lesson " + id + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o, String what) throws Invalid {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new Invalid(what + " is not an object");
    }

    private static List<?> list(Object o, String what) throws Invalid {
        if (o instanceof List<?> l) {
            return l;
        }
        throw new Invalid(what + " is not a list");
    }

    private static Map<String, String> strings(Object o, String what) throws Invalid {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : map(o, what).entrySet()) {
            if (!(e.getValue() instanceof String s)) {
                throw new Invalid(what + ": " + e.getKey() + " is not a string");
            }
            out.put(e.getKey(), s);
        }
        return out;
    }

    private static String string(Map<String, Object> m, String key) throws Invalid {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw new Invalid("'" + key + "' is missing or not a string");
    }

    private static long number(Map<String, Object> m, String key) throws Invalid {
        if (m.get(key) instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        throw new Invalid("'" + key + "' is missing or not a whole number");
    }

    private static Optional<Instant> optTime(Map<String, Object> m, String key) throws Invalid {
        Object v = m.get(key);
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(String.valueOf(v)));
        } catch (DateTimeParseException e) {
            throw new Invalid("'" + key + "' is not a time: " + v);
        }
    }

    private static Text text(Object o) throws Invalid {
        Map<String, Object> m = map(o, "a text");
        return Text.of(string(m, "zh"), string(m, "en"));
    }
}
