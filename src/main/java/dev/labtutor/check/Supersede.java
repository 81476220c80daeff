package dev.labtutor.check;

import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges the lessons of one round together, where a later lesson legitimately changes what an earlier check looks at
 * ({@link CheckRef#supersededBy()}: NFS mounted over the test pages, IPVS answering on port 80 of the VIP). A
 * superseded check is always judged on its own first, so a learner who stopped before the superseding lesson is judged
 * as then. Only when it does not pass and the superseding lesson was judged in the same round with every check passing,
 * does it pass, saying so ("superseded by lesson 13 (nfs-share), whose checks all pass") with its own finding kept as a
 * note. Nothing is skipped: with the superseding lesson absent or failing, the check keeps its own verdict, with a note
 * naming the lesson that will judge it later.
 */
public final class Supersede {

    /** The cause of a PASS given because the superseding lesson passes. */
    public static final String CAUSE = "superseded";

    private Supersede() {
    }

    /**
     * {@code verdicts} by lesson id, in any order, each lesson's list as its checks gave it (a quiz verdict may be
     * among them; it is never superseded). Returns the same map with the superseded checks resolved; lessons and order
     * unchanged.
     */
    public static Map<String, List<Verdict>> resolve(Course course, Map<String, List<Verdict>> verdicts) {
        Map<String, List<Verdict>> out = new LinkedHashMap<>();
        verdicts.forEach((lessonId, list) -> {
            Optional<Lesson> lesson = course.lesson(lessonId);
            if (lesson.isEmpty()) {
                out.put(lessonId, list);
                return;
            }
            List<Verdict> resolved = new ArrayList<>(list.size());
            for (Verdict v : list) {
                resolved.add(ref(lesson.get(), v.check()).flatMap(CheckRef::supersededBy)
                        .map(by -> resolveOne(course, v, by, verdicts.get(by))).orElse(v));
            }
            out.put(lessonId, List.copyOf(resolved));
        });
        return out;
    }

    /** The lesson's check reference named {@code checkId}. */
    public static Optional<CheckRef> ref(Lesson lesson, String checkId) {
        return lesson.checks().stream().filter(r -> r.id().equals(checkId)).findFirst();
    }

    private static Verdict resolveOne(Course course, Verdict v, String by, List<Verdict> byVerdicts) {
        if (v.passed()) {
            return v;
        }
        int no = course.lessons().indexOf(course.lesson(by).orElseThrow()) + 1;
        String lessonZh = "第 " + no + " 课（" + by + "）";
        String lessonEn = "lesson " + no + " (" + by + ")";
        // a lesson with nothing checked this round cannot vouch for the check it changes
        boolean byPasses = byVerdicts != null && !byVerdicts.isEmpty() && LessonOutcome.passes(byVerdicts);
        if (!byPasses) {
            String why = byVerdicts == null ? "" : "；它还没有全部通过";
            String whyEn = byVerdicts == null ? "" : "; its checks do not all pass yet";
            return v.withNotes(
                    List.of(Text.of("这一项会被" + lessonZh + "改变" + why + "：完成那一课后，由它的检查来评判", "this check is changed by "
                            + lessonEn + whyEn + ": once that lesson is done, its checks judge this one")));
        }
        Text message =
                Text.of("已被" + lessonZh + "取代，那一课的检查全部通过", "superseded by " + lessonEn + ", whose checks all pass");
        List<Text> notes = new ArrayList<>(v.notes());
        notes.add(Text.of("单独检查这一项时：" + v.message().zh(), "on its own this check says: " + v.message().en()));
        List<HostVerdict> perHost = v.perHost().stream()
                .map(h -> new HostVerdict(h.role(), Status.PASS, CAUSE, message, Optional.empty(), h.evidence()))
                .toList();
        return new Verdict(v.check(), v.title(), v.hosts(), Status.PASS, CAUSE, message, Optional.empty(), v.evidence(),
                perHost, notes);
    }
}
