package dev.labtutor.view;

import dev.labtutor.check.Evidence;
import dev.labtutor.check.HostVerdict;
import dev.labtutor.check.Verdict;
import dev.labtutor.i18n.Lang;
import dev.labtutor.yaml.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a lesson report:
 * {@code {"course","lesson","passed","results":[{"check","hosts","status","message","hint",...,"per-host":[..]}]}}.
 */
public final class ReportJson {

    private ReportJson() {
    }

    public static String render(LessonReport r, Lang lang) {
        return render(r, lang, java.util.Optional.empty(), List.of());
    }

    /** As {@link #render(LessonReport, Lang)}, naming the lab file used and the hosts checked ({@code "lab":{"file","hosts"}}). */
    public static String render(LessonReport r, Lang lang, java.util.Optional<String> labFile, List<String> hosts) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("course", r.course());
        root.put("lesson", r.lesson());
        if (labFile.isPresent() || !hosts.isEmpty()) {
            Map<String, Object> lab = new LinkedHashMap<>();
            lab.put("file", labFile.orElse(null));
            lab.put("hosts", hosts);
            root.put("lab", lab);
        }
        root.put("passed", r.passed());
        List<Object> results = new ArrayList<>();
        for (Verdict v : r.verdicts()) {
            results.add(result(v, lang));
        }
        root.put("results", results);
        return JsonWriter.write(root);
    }

    /** One check's entry of {@code results}, per-host judgements included; shared with the gradebook. */
    public static Map<String, Object> result(Verdict v, Lang lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("check", v.check());
        m.put("title", v.title().in(lang));
        m.put("hosts", v.hosts());
        m.put("status", v.status().json());
        m.put("cause", v.cause().isEmpty() ? null : v.cause());
        m.put("message", v.message().in(lang));
        m.put("hint", v.hint().map(h -> h.in(lang)).orElse(null));
        m.put("evidence", v.evidence().stream().map(Object::toString).toList());
        m.put("notes", v.notes().stream().map(n -> n.in(lang)).toList());
        List<Object> per = new ArrayList<>();
        for (HostVerdict h : v.perHost()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("host", h.role());
            hm.put("status", h.status().json());
            hm.put("cause", h.cause().isEmpty() ? null : h.cause());
            hm.put("message", h.message().in(lang));
            hm.put("hint", h.hint().map(x -> x.in(lang)).orElse(null));
            hm.put("evidence", h.evidence().stream().map(Evidence::detail).toList());
            per.add(hm);
        }
        m.put("per-host", per);
        return m;
    }
}
