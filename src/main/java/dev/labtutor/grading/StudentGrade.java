package dev.labtutor.grading;

import dev.labtutor.check.Status;
import dev.labtutor.i18n.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One student's grades: a score per lesson, the hosts as they answered, and remarks that keep
 * "wrong" (FAIL, with its cause) apart from "could not be asked" (UNREACHABLE, ERROR).
 */
public record StudentGrade(Student student, List<LessonGrade> lessons, List<HostRecord> hosts) {

    public StudentGrade {
        lessons = List.copyOf(lessons);
        hosts = List.copyOf(hosts);
    }

    public int total() {
        return lessons.stream().mapToInt(LessonGrade::score).sum();
    }

    public int maximum() {
        return lessons.stream().mapToInt(LessonGrade::maximum).sum();
    }

    /** Percent of the maximum, one decimal; 0 when nothing could be earned. */
    public double percent() {
        return maximum() == 0 ? 0 : Math.round(total() * 1000.0 / maximum()) / 10.0;
    }

    public String percentText() {
        return String.format(Locale.ROOT, "%.1f", percent());
    }

    /** The lab hosts (not the grader's own probes) in the order they were graded. */
    public List<HostRecord> labHosts() {
        return hosts.stream().filter(h -> !h.isTutor()).toList();
    }

    public List<String> unreachableHosts() {
        return labHosts().stream().filter(h -> h.state() == HostRecord.State.UNREACHABLE).map(HostRecord::role).toList();
    }

    public List<String> errorHosts() {
        return labHosts().stream().filter(h -> h.state() == HostRecord.State.ERROR).map(HostRecord::role).toList();
    }

    /** No lab host answered: the student is not graded, and the gradebook says so. */
    public boolean allUnreachable() {
        List<HostRecord> lab = labHosts();
        return !lab.isEmpty() && lab.stream().allMatch(h -> h.state() == HostRecord.State.UNREACHABLE);
    }

    public long count(Status s) {
        return lessons.stream().mapToLong(l -> l.count(s)).sum();
    }

    /**
     * One line for the gradebook: each failed check with its cause, then each host that could
     * not be asked (once, not under every check), then checks labtutor could not judge.
     */
    public String remarks(Lang lang) {
        List<String> parts = new ArrayList<>();
        if (allUnreachable()) {
            parts.add(lang == Lang.ZH ? "所有主机都无法连接，未评分" : "ALL HOSTS UNREACHABLE, not graded");
        }
        for (LessonGrade l : lessons) {
            for (CheckGrade c : l.checks()) {
                if (c.status() == Status.FAIL) {
                    String cause = c.verdict().cause().isEmpty() ? c.verdict().message().in(lang) : c.verdict().cause();
                    parts.add("FAIL " + l.id() + "/" + c.verdict().check() + " (" + cause + ")");
                }
            }
        }
        for (HostRecord h : labHosts()) {
            if (h.state() != HostRecord.State.ANSWERED) {
                parts.add((h.state() == HostRecord.State.UNREACHABLE ? "UNREACHABLE " : "ERROR ") + h.role() + ": "
                        + h.problem().map(t -> t.in(lang)).orElse(""));
            }
        }
        for (LessonGrade l : lessons) {
            for (CheckGrade c : l.checks()) {
                if ((c.status() == Status.ERROR || c.status() == Status.UNREACHABLE) && !c.hostLevel()) {
                    parts.add(c.status().name() + " " + l.id() + "/" + c.verdict().check() + " (" + c.verdict().cause() + ")");
                }
            }
        }
        return String.join("; ", parts);
    }
}
