package dev.labtutor.grading;

import dev.labtutor.check.Status;
import dev.labtutor.i18n.Lang;
import java.util.ArrayList;
import java.util.List;

/**
 * What the gradebook says about a student beyond the numbers, sized for where it is read. A class of 30 on 13 lessons
 * can fail 40 checks each, which as one line helps nobody: the short {@link #summary} (a spreadsheet cell) names a few
 * failed checks or counts them, the {@link #details} (the terminal) group them by lesson on lines of their own, capped;
 * every check with its cause, hint and evidence is in results.json and report.html. "Wrong" (FAIL) stays apart from
 * "could not be asked" (a host UNREACHABLE or ERROR, named once, not under every check) and from checks labtutor could
 * not judge.
 */
public final class Remarks {

    /** Failed checks named in the summary; more are counted instead. */
    static final int NAMED = 3;
    /** Checks on one lesson line of the details. */
    static final int PER_LINE = 4;
    /** Lesson lines in the details. */
    static final int LINES = 6;

    private Remarks() {
    }

    static String notGraded(Lang lang) {
        return lang == Lang.ZH ? "未评分" : "not graded";
    }

    /**
     * One short line: "NOT GRADED" when no host could be judged; the failed checks with their causes (or their count
     * when there are many); the hosts that could not be asked; checks not judged. Empty when everything passed.
     */
    public static String summary(StudentGrade s, Lang lang) {
        boolean zh = lang == Lang.ZH;
        List<String> parts = new ArrayList<>();
        if (!s.graded()) {
            parts.add(zh ? "未评分：没有一台主机能够判断" : "NOT GRADED: no host could be judged");
        }
        List<Item> failed = items(s, true);
        List<Item> unjudged = items(s, false);
        boolean counted = false;
        if (failed.size() <= NAMED) {
            failed.forEach(i -> parts.add("FAIL " + i.lesson() + "/" + i.text(lang)));
        } else {
            parts.add(counted(failed, "FAIL", lang));
            counted = true;
        }
        if (!s.unreachableHosts().isEmpty()) {
            parts.add("UNREACHABLE " + String.join(", ", s.unreachableHosts()));
        }
        if (!s.errorHosts().isEmpty()) {
            parts.add("ERROR " + String.join(", ", s.errorHosts()));
        }
        if (unjudged.size() <= NAMED) {
            unjudged.forEach(i -> parts.add(i.status().name() + " " + i.lesson() + "/" + i.text(lang)));
        } else {
            parts.add(counted(unjudged, "ERROR", lang));
            counted = true;
        }
        if (counted || !s.unreachableHosts().isEmpty() || !s.errorHosts().isEmpty()) {
            parts.add(zh ? "详见 report.html" : "details in report.html");
        }
        return String.join("; ", parts);
    }

    /** The count beside the score: "3 of 19 checks failed, 2 not judged", or why there is no score. */
    public static String headline(StudentGrade s, Lang lang) {
        boolean zh = lang == Lang.ZH;
        if (!s.graded()) {
            return zh ? "没有一台主机能够判断" : "no host could be judged";
        }
        long n = s.checks();
        long failed = s.count(Status.FAIL);
        long unjudged = s.count(Status.ERROR) + s.count(Status.UNREACHABLE);
        if (failed == 0 && unjudged == 0) {
            return zh ? n + " 项检查全部通过" : "all " + n + " checks passed";
        }
        String head = zh ? n + " 项检查中 " + failed + " 项不通过" : failed + " of " + n + " checks failed";
        return head + (unjudged == 0 ? "" : zh ? "，" + unjudged + " 项无法判断" : ", " + unjudged + " not judged");
    }

    /**
     * Lines for the terminal under a student: each host that could not be asked with the reason (and what to do), then
     * the failed and unjudged checks grouped by lesson, at most {@value #PER_LINE} to a line and {@value #LINES}
     * lessons, with "and N more" for the rest.
     */
    public static List<String> details(StudentGrade s, Lang lang) {
        boolean zh = lang == Lang.ZH;
        List<String> out = new ArrayList<>();
        for (HostRecord h : s.labHosts()) {
            if (h.state() != HostRecord.State.ANSWERED) {
                out.add(h.state().name() + " " + h.problem().map(t -> t.in(lang)).orElse(h.role()));
            }
        }
        List<Item> all = new ArrayList<>(items(s, true));
        all.addAll(items(s, false));
        List<String> lessons = s.lessons().stream().map(LessonGrade::id)
                .filter(id -> all.stream().anyMatch(i -> i.lesson().equals(id))).toList();
        int shown = 0;
        for (String lesson : lessons.subList(0, Math.min(LINES, lessons.size()))) {
            List<Item> here = all.stream().filter(i -> i.lesson().equals(lesson)).toList();
            List<String> named = new ArrayList<>();
            for (Item i : here.subList(0, Math.min(PER_LINE, here.size()))) {
                named.add((i.status() == Status.FAIL ? "" : i.status().name() + " ") + i.text(lang));
            }
            String more = here.size() > PER_LINE
                    ? (zh ? " 等，另有 " : " and ") + (here.size() - PER_LINE) + (zh ? " 项" : " more") : "";
            out.add(lesson + ": " + String.join(zh ? "，" : ", ", named) + more);
            shown += here.size();
        }
        if (lessons.size() > LINES) {
            int rest = all.size() - shown;
            int restLessons = lessons.size() - LINES;
            out.add(zh ? "另有 " + rest + " 项（" + restLessons + " 课），详见 report.html" : "and " + rest + " more in "
                    + restLessons + " more lesson" + (restLessons == 1 ? "" : "s") + " (report.html)");
        }
        return out;
    }

    private static String counted(List<Item> items, String status, Lang lang) {
        long lessons = items.stream().map(Item::lesson).distinct().count();
        return lang == Lang.ZH ? status + " " + items.size() + " 项（" + lessons + " 课）"
                : status + " " + items.size() + " checks in " + lessons + " lesson" + (lessons == 1 ? "" : "s");
    }

    /** A check worth a remark: failed, or not judged for a reason of its own (not its host's). */
    private record Item(String lesson, CheckGrade check) {
        Status status() {
            return check.status();
        }

        String text(Lang lang) {
            String cause =
                    check.verdict().cause().isEmpty() ? check.verdict().message().in(lang) : check.verdict().cause();
            return check.verdict().check() + " (" + cause + ")";
        }
    }

    private static List<Item> items(StudentGrade s, boolean failed) {
        List<Item> out = new ArrayList<>();
        for (LessonGrade l : s.lessons()) {
            for (CheckGrade c : l.checks()) {
                boolean fail = c.status() == Status.FAIL;
                boolean unjudged = (c.status() == Status.ERROR || c.status() == Status.UNREACHABLE) && !c.hostLevel();
                if (failed ? fail : unjudged) {
                    out.add(new Item(l.id(), c));
                }
            }
        }
        return out;
    }
}
