package dev.labtutor.grading;

import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.SafeText;
import dev.labtutor.view.DisplayWidth;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;

/** What {@code grade} prints when a round is done, beside the gradebook it wrote. */
public final class ClassSummary {

    private ClassSummary() {
    }

    /**
     * The class on the terminal: a line per student with the score (or "not graded") and how many checks failed, then,
     * indented, each host that could not be asked with what to do and the failed checks grouped by lesson, capped (the
     * gradebook has them all).
     */
    public static void print(PrintWriter out, ClassGrades g, Path dir, Lang lang) {
        boolean zh = lang == Lang.ZH;
        long notGraded = g.students().stream().filter(s -> !s.graded()).count();
        out.printf(Locale.ROOT, "Graded %d student(s) on %s in %.1f s (deadline %d s per host, %d hosts at once)%s.%n",
                g.students().size(), String.join(", ", g.lessons().stream().map(l -> l.id()).toList()),
                g.elapsed().toMillis() / 1000.0, g.timeout().toSeconds(), g.parallel(),
                notGraded == 0 ? "" : "; " + notGraded + " not graded (no host could be judged)");
        int idW = g.students().stream().mapToInt(s -> DisplayWidth.of(s.student().id())).max().orElse(2);
        int nameW =
                Math.min(24, g.students().stream().mapToInt(s -> DisplayWidth.of(s.student().name())).max().orElse(4));
        int scoreW =
                Math.max(14, g.students().stream().mapToInt(s -> DisplayWidth.of(s.scoreText(lang))).max().orElse(14));
        for (StudentGrade s : g.students()) {
            out.println("  " + DisplayWidth.pad(s.student().id(), idW) + "  "
                    + DisplayWidth.pad(s.student().name(), nameW) + "  " + DisplayWidth.pad(s.scoreText(lang), scoreW)
                    + "  " + SafeText.terminal(Remarks.headline(s, lang)));
            Remarks.details(s, lang).forEach(line -> out.println("      " + SafeText.terminal(line)));
        }
        if (!g.quizLessons().isEmpty()) {
            String ids = String.join(", ", g.quizLessons().stream().map(l -> l.id()).toList());
            out.println(zh ? "小测验（" + ids + "）在学员自己的 labtutor 中作答，这里不评分。"
                    : "Quizzes (" + ids + ") are answered in each learner's tutor and are not graded here.");
        }
        if (!g.warnings().isEmpty()) {
            out.println(zh ? "名单警告 " + g.warnings().size() + " 条（见上方，也写进了 report.html 和 results.json）。"
                    : g.warnings().size() + " roster warning(s) (above; also in report.html and results.json).");
        }
        out.println("Gradebook: " + dir.toAbsolutePath().normalize()
                + "  (report.html, grades.csv, results.json, junit.xml, evidence/, SHA256SUMS)");
    }
}
