package dev.labtutor.app;

import dev.labtutor.check.BoundCheck;
import dev.labtutor.check.Supersede;
import dev.labtutor.check.TimelineCheck;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.session.CourseProof;
import dev.labtutor.session.LessonLab;
import dev.labtutor.session.Solver;
import dev.labtutor.view.DisplayWidth;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The table {@code labtutor dev check} prints while it proves lessons: a row per lesson as its proof ends, what each
 * watching check saw, the count, and with {@code --whole} the course's end state.
 */
public final class ProofReport {

    private final PrintWriter out;
    private final Lang lang;
    private final Course course;
    private final LessonLab lab;
    private final int width;

    public ProofReport(PrintWriter out, Lang lang, Course course, LessonLab lab, List<Lesson> targets) {
        this.out = out;
        this.lang = lang;
        this.course = course;
        this.lab = lab;
        this.width = Math.max(6, targets.stream().mapToInt(l -> DisplayWidth.of(l.id())).max().orElse(6));
    }

    public void header() {
        out.println(DisplayWidth.pad("lesson", width) + "  checks  failed-before  passed-after  time     result");
        out.flush();
    }

    /** One lesson's row, its detail, and what its watching checks observed. */
    public void row(CourseProof.LessonProof p) {
        out.printf("%s  %6d  %13d  %12d  %5.1f s  %s%n", DisplayWidth.pad(p.lesson(), width), p.checks(),
                p.failedBefore(), p.passedAfter(), p.time().toMillis() / 1000.0, p.result());
        if (!p.detail().isEmpty()) {
            out.println("    " + p.detail());
        }
        Set<String> observed = course.lesson(p.lesson()).map(lab::bind).orElse(List.of()).stream()
                .filter(b -> b.primitive().filter(TimelineCheck.class::isInstance).isPresent()).map(BoundCheck::id)
                .collect(Collectors.toSet());
        p.after().stream().filter(v -> observed.contains(v.check()) && v.passed())
                .forEach(v -> out.println("    " + v.check() + ": " + v.message().in(lang)));
        out.flush();
    }

    /** The count; true when every lesson was proven or cannot run here. */
    public boolean summary(List<CourseProof.LessonProof> results) {
        long proven = results.stream().filter(r -> r.result() == CourseProof.Result.PROVEN).count();
        long notRunnable = results.stream().filter(r -> r.result() == CourseProof.Result.NOT_RUNNABLE).count();
        out.printf("%d of %d lesson(s) proven%s.%n", proven, results.size(),
                notRunnable > 0 ? ", " + notRunnable + " not runnable here (not counted as proven)" : "");
        out.flush();
        return proven + notRunnable == results.size();
    }

    /** The whole course at its end: the rest solved after {@code last}, then every lesson checked again together. */
    public boolean endState(CourseProof proof, String last) throws Solver.SolveFailed {
        long t0 = System.nanoTime();
        proof.solveRest(course.lessons(), last);
        List<CourseProof.EndState> end = proof.endState(course);
        int wide = Math.max(width, course.lessons().stream().mapToInt(l -> DisplayWidth.of(l.id())).max().orElse(6));
        out.println();
        out.println(
                "The whole course at its end state (every lesson solved, then checked again as re-check and grading do):");
        out.println(DisplayWidth.pad("lesson", wide) + "  checks  pass-at-end  result");
        for (CourseProof.EndState e : end) {
            out.printf("%s  %6d  %11d  %s%n", DisplayWidth.pad(e.lesson(), wide), e.checks(), e.passed(),
                    e.holds() ? "HOLDS" : "BROKEN");
            for (Verdict v : e.verdicts()) {
                if (!v.passed()) {
                    out.println("    " + v.check() + " " + v.status().json() + ": " + v.message().in(lang));
                } else if (v.cause().equals(Supersede.CAUSE)) {
                    out.println("    " + v.check() + ": " + v.message().in(lang));
                }
            }
        }
        long holds = end.stream().filter(CourseProof.EndState::holds).count();
        out.printf("%d of %d lesson(s) hold at the end state (%.1f s).%n", holds, end.size(),
                (System.nanoTime() - t0) / 1e9);
        out.flush();
        return holds == end.size();
    }
}
