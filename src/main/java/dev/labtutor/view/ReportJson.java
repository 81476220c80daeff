package dev.labtutor.view;

import dev.labtutor.check.Evidence;
import dev.labtutor.check.HostVerdict;
import dev.labtutor.check.Verdict;
import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.DistroJson;
import dev.labtutor.yaml.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a lesson report: {@code {"course","lesson","lab","passed","state","note","results":[...]}}, each
 * result {@code {"check","hosts","status","message","hint",...,"per-host":[..]}}.
 */
public final class ReportJson {

    private ReportJson() {
    }

    /**
     * The report as JSON, naming the lab file used and the hosts checked ({@code "lab":{"file","hosts","distros"}}, the
     * distributions by role as far as detected), whether
     * every check passes ({@code "passed"}), the lesson's state after the check ({@code "state"}: {@code locked},
     * {@code open} or {@code passed}) and what the text report says about it ({@code "note"}, or null).
     */
    public static String render(LessonReport r, Lang lang) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("course", r.course());
        root.put("lesson", r.lesson());
        if (r.header().labFile().isPresent() || !r.header().hosts().isEmpty()) {
            Map<String, Object> lab = new LinkedHashMap<>();
            lab.put("file", r.header().labFile().orElse(null));
            lab.put("hosts", r.header().hosts());
            Map<String, Object> distros = new LinkedHashMap<>();
            r.header().distros().forEach((role, d) -> distros.put(role, DistroJson.toMap(d)));
            lab.put("distros", distros);
            root.put("lab", lab);
        }
        root.put("passed", r.passed());
        root.put("state", r.state().json());
        root.put("note", r.note().map(n -> n.in(lang)).orElse(null));
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
