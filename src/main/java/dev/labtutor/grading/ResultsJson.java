package dev.labtutor.grading;

import dev.labtutor.i18n.Lang;
import dev.labtutor.view.ReportJson;
import dev.labtutor.yaml.JsonWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code results.json}: everything the round found, per student, lesson, check and host, each check as {@code check
 * --format json} has it (status, cause, message, hint, evidence, per-host), plus its points; per host whom labtutor
 * reached, its host key and its evidence file. A student none of whose hosts could be judged is {@code "graded": false}
 * with no total and no percent. The roster's warnings and, per lesson, its maximum and whether it has a quiz (never
 * graded here: it is answered in the learner's tutor) are at the top.
 */
public final class ResultsJson {

    private ResultsJson() {
    }

    public static String render(ClassGrades g, Lang lang) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("course", g.course().id());
        root.put("title", g.course().title().in(lang));
        root.put("lessons", g.lessons().stream().map(l -> l.id()).toList());
        root.put("roster", g.roster().toAbsolutePath().normalize().toString());
        root.put("known-hosts", g.knownHosts().toAbsolutePath().normalize().toString());
        root.put("started", g.started().toString());
        root.put("finished", g.finished().toString());
        root.put("elapsed-ms", g.elapsed().toMillis());
        root.put("timeout-s", g.timeout().toSeconds());
        root.put("parallel", g.parallel());
        List<Object> lessons = new ArrayList<>();
        for (var l : g.lessons()) {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("lesson", l.id());
            lm.put("title", l.title().in(lang));
            lm.put("maximum", g.maximum(l));
            lm.put("quiz", l.quiz().isEmpty() ? null : ClassGrades.QUIZ_NOT_GRADED.in(lang));
            lessons.add(lm);
        }
        root.put("graded-lessons", lessons);
        root.put("warnings", g.warnings().stream().map(w -> w.in(lang)).toList());
        List<Object> students = new ArrayList<>();
        for (StudentGrade s : g.students()) {
            students.add(student(s, lang));
        }
        root.put("students", students);
        return JsonWriter.write(root);
    }

    private static Map<String, Object> student(StudentGrade s, Lang lang) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.student().id());
        m.put("name", s.student().name());
        m.put("lab", s.student().labSource());
        Map<String, Object> vars = new LinkedHashMap<>();
        s.student().lab().vars().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> vars.put(e.getKey(), e.getKey().contains("pass") ? Redactor.MASK : e.getValue()));
        m.put("vars", vars);
        m.put("graded", s.graded());
        m.put("total", s.graded() ? s.total() : null);
        m.put("maximum", s.maximum());
        m.put("percent", s.graded() ? s.percent() : null);
        m.put("all-unreachable", s.allUnreachable());
        m.put("unreachable-hosts", s.unreachableHosts());
        m.put("error-hosts", s.errorHosts());
        m.put("remarks", s.remarks(lang));
        List<Object> hosts = new ArrayList<>();
        for (HostRecord h : s.hosts()) {
            Map<String, Object> hm = new LinkedHashMap<>();
            hm.put("host", h.role());
            hm.put("address", h.address());
            hm.put("port", h.port());
            hm.put("user", h.user());
            hm.put("state", h.state().json());
            hm.put("problem", h.problem().map(t -> t.in(lang)).orElse(null));
            hm.put("host-key", h.hostKey().orElse(null));
            if (!h.isTutor()) {
                hm.put("os", h.os());
                hm.put("distro", h.distro().map(dev.labtutor.lab.DistroJson::toMap).orElse(null));
            }
            hm.put("started", h.started().toString());
            hm.put("finished", h.finished().toString());
            hm.put("elapsed-ms", h.elapsed().toMillis());
            hm.put("exit-status", h.result().map(r -> (Object) r.exitStatus()).orElse(null));
            hm.put("evidence", Gradebook.evidencePath(s, h));
            hosts.add(hm);
        }
        m.put("hosts", hosts);
        List<Object> lessons = new ArrayList<>();
        for (LessonGrade l : s.lessons()) {
            Map<String, Object> lm = new LinkedHashMap<>();
            lm.put("lesson", l.id());
            lm.put("title", l.lesson().title().in(lang));
            lm.put("state", l.cell().json());
            lm.put("score", l.score());
            lm.put("maximum", l.maximum());
            if (!l.lesson().quiz().isEmpty()) {
                lm.put("quiz", ClassGrades.QUIZ_NOT_GRADED.in(lang));
            }
            List<Object> checks = new ArrayList<>();
            for (CheckGrade c : l.checks()) {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("points", c.points());
                cm.put("earned", c.earned());
                cm.putAll(ReportJson.result(c.verdict(), lang));
                checks.add(cm);
            }
            lm.put("checks", checks);
            lessons.add(lm);
        }
        m.put("lessons", lessons);
        return m;
    }
}
