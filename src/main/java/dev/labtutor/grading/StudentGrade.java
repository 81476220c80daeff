package dev.labtutor.grading;

import dev.labtutor.check.Status;
import dev.labtutor.i18n.Lang;
import java.util.List;
import java.util.Locale;

/**
 * One student's grades: a score per lesson, the hosts as they answered, and remarks that keep "wrong" (FAIL, with its
 * cause) apart from "could not be asked" (UNREACHABLE, ERROR).
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

    /**
     * Whether the student is graded: some lab host answered. When none could be judged (each UNREACHABLE or ERROR, e.g.
     * a changed host key) the gradebook says "not graded" and gives no total or percent, rather than a 0 that reads as
     * "did nothing".
     */
    public boolean graded() {
        List<HostRecord> lab = labHosts();
        return lab.isEmpty() || lab.stream().anyMatch(h -> h.state() == HostRecord.State.ANSWERED);
    }

    /** Percent of the maximum, one decimal; 0 when nothing could be earned (see {@link #graded()}). */
    public double percent() {
        return maximum() == 0 ? 0 : Math.round(total() * 1000.0 / maximum()) / 10.0;
    }

    public String percentText() {
        return String.format(Locale.ROOT, "%.1f", percent());
    }

    /** {@code 18/21 85.7%}, or "not graded". */
    public String scoreText(Lang lang) {
        return graded() ? total() + "/" + maximum() + " " + percentText() + "%" : Remarks.notGraded(lang);
    }

    /** The lab hosts (not the grader's own probes) in the order they were graded. */
    public List<HostRecord> labHosts() {
        return hosts.stream().filter(h -> !h.isTutor()).toList();
    }

    public List<String> unreachableHosts() {
        return labHosts().stream().filter(h -> h.state() == HostRecord.State.UNREACHABLE).map(HostRecord::role)
                .toList();
    }

    public List<String> errorHosts() {
        return labHosts().stream().filter(h -> h.state() == HostRecord.State.ERROR).map(HostRecord::role).toList();
    }

    /** Every lab host was UNREACHABLE (a special case of not {@link #graded()}). */
    public boolean allUnreachable() {
        List<HostRecord> lab = labHosts();
        return !lab.isEmpty() && lab.stream().allMatch(h -> h.state() == HostRecord.State.UNREACHABLE);
    }

    public long count(Status s) {
        return lessons.stream().mapToLong(l -> l.count(s)).sum();
    }

    public long checks() {
        return lessons.stream().mapToLong(l -> l.checks().size()).sum();
    }

    /** The short remark of grades.csv, results.json and the report's overview: see {@link Remarks#summary}. */
    public String remarks(Lang lang) {
        return Remarks.summary(this, lang);
    }
}
