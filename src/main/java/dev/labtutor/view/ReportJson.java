package dev.labtutor.view;

import dev.labtutor.check.Verdict;
import dev.labtutor.i18n.Lang;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a lesson report:
 * {@code {"course","lesson","passed","results":[{"check","hosts","status","message","hint",...}]}}.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static String render(LessonReport r, Lang lang) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("course", r.course());
        root.put("lesson", r.lesson());
        root.put("passed", r.passed());
        List<Object> results = new ArrayList<>();
        for (Verdict v : r.verdicts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("check", v.check());
            m.put("title", v.title().in(lang));
            m.put("hosts", v.hosts());
            m.put("status", v.status().json());
            m.put("cause", v.cause().isEmpty() ? null : v.cause());
            m.put("message", v.message().in(lang));
            m.put("hint", v.hint().map(h -> h.in(lang)).orElse(null));
            m.put("evidence", v.evidence().stream().map(Object::toString).toList());
            results.add(m);
        }
        root.put("results", results);
        return Json.write(root);
    }
}
