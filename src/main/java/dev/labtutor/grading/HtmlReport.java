package dev.labtutor.grading;

import dev.labtutor.check.Evidence;
import dev.labtutor.check.HostVerdict;
import dev.labtutor.check.Status;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: one self-contained file (inline style and script, no external script, font, style or image) with
 * the class overview as a table sortable by any column, then each student's lessons and checks with message, hint,
 * per-host judgement and folded evidence. Every text is escaped; the only links are anchors inside the page.
 *
 * <p>Students are root on the hosts whose output this page shows, so besides escaping every text ({@link #esc}, which
 * also makes control, bidi and zero-width characters visible), the page carries a Content-Security-Policy that lets
 * only labtutor's own script run (by its hash) and loads nothing from anywhere: should an escaping slip ever let markup
 * through, a browser still runs no script and makes no request for it.
 */
public final class HtmlReport {

    private static final String STYLE =
            """
                    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:1.5em;color:#1d1d1f}
                    h1{font-size:1.5em;margin:0 0 .2em}h2{font-size:1.2em;margin:1.6em 0 .4em}h3{font-size:1.05em;margin:1em 0 .3em}
                    .meta{color:#555}.stats span{display:inline-block;margin:.2em 1.2em .2em 0}
                    table{border-collapse:collapse;margin:.4em 0}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
                    th{background:#f0f0f3;cursor:pointer;user-select:none;white-space:nowrap}th.asc:after{content:" \\25B2"}th.desc:after{content:" \\25BC"}
                    td.num{text-align:right;font-variant-numeric:tabular-nums}
                    .pass{background:#dff3e0}.partial{background:#fff2cc}.fail{background:#f8d7da}.unreachable{background:#e2e3e5}.error{background:#ead7f5}
                    .badge{font-weight:600;font-family:ui-monospace,monospace}.hint{color:#0b4f8a;margin:.2em 0}
                    pre{white-space:pre-wrap;word-break:break-word;background:#f7f7f9;padding:.5em;margin:.3em 0;max-height:30em;overflow:auto}
                    details summary{cursor:pointer;color:#555}code{font-family:ui-monospace,monospace}
                    .student{border-top:2px solid #ddd;margin-top:1.5em}
                    """;

    private static final String SCRIPT = """
            document.querySelectorAll('table.sortable').forEach(function (table) {
              table.querySelectorAll('th').forEach(function (th, col) {
                th.addEventListener('click', function () {
                  var asc = !th.classList.contains('asc');
                  table.querySelectorAll('th').forEach(function (h) { h.classList.remove('asc', 'desc'); });
                  th.classList.add(asc ? 'asc' : 'desc');
                  var num = th.dataset.type === 'num';
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  rows.sort(function (a, b) {
                    var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
                    if (x === undefined) { x = a.cells[col].textContent; }
                    if (y === undefined) { y = b.cells[col].textContent; }
                    var c = num ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
                    return asc ? c : -c;
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
            });
            """;

    /** The policy of the page: nothing from outside, inline style, and only {@link #SCRIPT} as script. */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-"
            + sha256("\n" + SCRIPT) + "'; img-src 'none'; base-uri 'none'; form-action 'none'";

    private HtmlReport() {
    }

    private static String sha256(String s) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String render(ClassGrades g, Lang lang) {
        boolean zh = lang == Lang.ZH;
        StringBuilder sb = new StringBuilder();
        String title = g.course().title().in(lang) + (zh ? " — 成绩单" : " — gradebook");
        sb.append("<!DOCTYPE html>\n<html lang=\"").append(zh ? "zh-CN" : "en")
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n").append("<title>")
                .append(esc(title)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        sb.append("<h1>").append(esc(title)).append("</h1>\n");
        sb.append("<p class=\"meta\">").append(esc(g.course().id())).append(" · ")
                .append(esc(
                        (zh ? "课程：" : "lessons: ") + String.join(", ", g.lessons().stream().map(Lesson::id).toList())))
                .append(" · ").append(esc(g.started().toString())).append(" · ")
                .append(esc(
                        (zh ? "用时 " : "took ") + String.format(Locale.ROOT, "%.1f s", g.elapsed().toMillis() / 1000.0)))
                .append("</p>\n");
        notes(sb, g, lang);
        overview(sb, g, lang);
        for (StudentGrade s : g.students()) {
            student(sb, g, s, lang);
        }
        sb.append("<script>\n").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * What a teacher must know before reading the numbers: the roster's warnings (students who share hosts or VRRP
     * values could be graded on each other's work) and what is not graded here (a lesson's quiz is answered in the
     * learner's tutor and cannot be seen on the hosts).
     */
    private static void notes(StringBuilder sb, ClassGrades g, Lang lang) {
        boolean zh = lang == Lang.ZH;
        if (!g.warnings().isEmpty()) {
            sb.append("<h2 id=\"warnings\">").append(zh ? "名单警告" : "Roster warnings")
                    .append("</h2>\n<ul class=\"warnings\">\n");
            g.warnings().forEach(w -> sb.append("<li>").append(esc(w.in(lang))).append("</li>\n"));
            sb.append("</ul>\n");
        }
        List<Lesson> quizzes = g.quizLessons();
        if (!quizzes.isEmpty()) {
            String ids = String.join(", ", quizzes.stream().map(Lesson::id).toList());
            sb.append("<p class=\"meta\" id=\"quizzes\">").append(esc(zh
                    ? "小测验不在这里评分：学员在自己的 labtutor 中作答，主机上看不到答案（" + ids + "）。它们不计分，也不算不通过。"
                    : "Quizzes are not graded here: learners answer them in their own tutor, and the answers cannot be seen on "
                            + "the hosts (" + ids + "). They earn no points and count as no failure."))
                    .append("</p>\n");
        }
    }

    private static void overview(StringBuilder sb, ClassGrades g, Lang lang) {
        boolean zh = lang == Lang.ZH;
        List<StudentGrade> graded = g.students().stream().filter(StudentGrade::graded).toList();
        double mean = graded.stream().mapToDouble(StudentGrade::percent).average().orElse(0);
        long full = graded.stream().filter(s -> s.maximum() > 0 && s.total() == s.maximum()).count();
        long down = g.students().size() - graded.size();
        sb.append("<h2 id=\"overview\">").append(zh ? "全班概览" : "Class overview").append("</h2>\n<p class=\"stats\">");
        stat(sb, zh ? "学生" : "students", Integer.toString(g.students().size()));
        stat(sb, zh ? "满分" : "full marks", Long.toString(full));
        stat(sb, zh ? "平均（已评分）" : "mean (graded)", String.format(Locale.ROOT, "%.1f%%", mean));
        stat(sb, zh ? "未评分（没有主机能判断）" : "not graded (no host could be judged)", Long.toString(down));
        stat(sb, zh ? "无法连接的主机" : "unreachable hosts", Long.toString(g.unreachableHosts()));
        stat(sb, zh ? "出错的主机" : "hosts in error", Long.toString(g.errorHosts()));
        sb.append("</p>\n<table class=\"sortable\" id=\"grades\">\n<thead><tr><th>id</th><th>")
                .append(zh ? "姓名" : "name").append("</th>");
        for (Lesson l : g.lessons()) {
            sb.append("<th data-type=\"num\" title=\"").append(esc(l.title().in(lang))).append("\">")
                    .append(esc(l.id())).append("<br><small>").append(zh ? "满分 " : "max ").append(g.maximum(l))
                    .append("</small></th>");
        }
        sb.append("<th data-type=\"num\">").append(zh ? "总分" : "total").append("</th><th data-type=\"num\">%</th><th>")
                .append(zh ? "无法连接" : "unreachable").append("</th><th>").append(zh ? "出错" : "error").append("</th><th>")
                .append(zh ? "备注" : "remarks").append("</th></tr></thead>\n<tbody>\n");
        for (StudentGrade s : g.students()) {
            String id = s.student().id();
            sb.append("<tr><td><a href=\"#s-").append(esc(id)).append("\">").append(esc(id)).append("</a></td><td>")
                    .append(esc(s.student().name())).append("</td>");
            for (LessonGrade l : s.lessons()) {
                LessonGrade.Cell c = l.cell();
                sb.append("<td class=\"num ").append(c.json()).append("\" data-lesson=\"").append(esc(l.id()))
                        .append("\" data-sort=\"")
                        .append(c == LessonGrade.Cell.UNREACHABLE || c == LessonGrade.Cell.ERROR ? -1 : l.score())
                        .append("\">").append(cellText(l)).append("</td>");
            }
            String notGraded = s.allUnreachable() ? " unreachable" : " error";
            sb.append("<td class=\"num total").append(s.graded() ? "" : notGraded).append("\" data-sort=\"")
                    .append(s.graded() ? s.total() : -1).append("\">")
                    .append(s.graded() ? s.total() + "/" + s.maximum() : "—").append("</td><td class=\"num")
                    .append(s.graded() ? "" : notGraded).append("\" data-sort=\"")
                    .append(s.graded() ? s.percentText() : "-1").append("\">")
                    .append(s.graded() ? s.percentText() : esc(s.scoreText(lang))).append("</td><td>")
                    .append(esc(String.join(" ", s.unreachableHosts()))).append("</td><td>")
                    .append(esc(String.join(" ", s.errorHosts()))).append("</td><td>").append(esc(s.remarks(lang)))
                    .append("</td></tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
    }

    private static String cellText(LessonGrade l) {
        return switch (l.cell()) {
            case UNREACHABLE -> "UNREACHABLE";
            case ERROR -> "ERROR";
            default -> l.score() + "/" + l.maximum();
        };
    }

    private static void stat(StringBuilder sb, String label, String value) {
        sb.append("<span>").append(esc(label)).append(": <b>").append(esc(value)).append("</b></span>");
    }

    private static void student(StringBuilder sb, ClassGrades g, StudentGrade s, Lang lang) {
        boolean zh = lang == Lang.ZH;
        sb.append("<section class=\"student\" id=\"s-").append(esc(s.student().id())).append("\">\n<h2>")
                .append(esc(s.student().id() + " " + s.student().name())).append(" — ")
                .append(s.graded() ? s.total() + "/" + s.maximum() + " (" + s.percentText() + "%)"
                        : esc(s.scoreText(lang) + (zh ? "：" : ": ") + Remarks.headline(s, lang)))
                .append("</h2>\n<p class=\"meta\">").append(esc((zh ? "实验文件：" : "lab: ") + s.student().labSource()))
                .append("</p>\n<ul>\n");
        for (HostRecord h : s.hosts()) {
            sb.append("<li class=\"").append(h.state() == HostRecord.State.ANSWERED ? "" : h.state().json())
                    .append("\"><b>").append(esc(h.isTutor() ? (zh ? "本机探测" : "from the grader") : h.role()))
                    .append("</b> ");
            if (!h.isTutor()) {
                sb.append(esc(h.login())).append(" · ").append(esc(h.os())).append(' ');
            }
            sb.append(esc(h.state().name())).append(", ").append(h.elapsed().toMillis()).append(" ms");
            h.problem().ifPresent(p -> sb.append(": ").append(esc(p.in(lang))));
            h.hostKey().ifPresent(k -> sb.append(" · <code>").append(esc(k)).append("</code>"));
            sb.append(" · <code>").append(esc(Gradebook.evidencePath(s, h))).append("</code></li>\n");
        }
        sb.append("</ul>\n");
        for (LessonGrade l : s.lessons()) {
            sb.append("<h3 class=\"").append(l.cell().json()).append("\">")
                    .append(esc(l.id() + " " + l.lesson().title().in(lang))).append(" — ").append(cellText(l))
                    .append(switch (l.cell()) {
                        case UNREACHABLE, ERROR -> "";
                        default -> " " + l.cell().name();
                    }).append("</h3>\n");
            if (!l.lesson().quiz().isEmpty()) {
                sb.append("<p class=\"meta quiz\">").append(esc(ClassGrades.QUIZ_NOT_GRADED.in(lang))).append("</p>\n");
            }
            sb.append("<table>\n");
            for (CheckGrade c : l.checks()) {
                check(sb, c, lang);
            }
            sb.append("</table>\n");
        }
        sb.append("</section>\n");
    }

    private static void check(StringBuilder sb, CheckGrade c, Lang lang) {
        boolean zh = lang == Lang.ZH;
        var v = c.verdict();
        sb.append("<tr class=\"").append(v.status().json()).append("\"><td class=\"badge\">").append(v.status().name())
                .append("</td><td>").append(esc(v.title().in(lang))).append("<br><code>").append(esc(v.check()))
                .append("</code> ").append(esc(String.join(", ", v.hosts()))).append("</td><td class=\"num\">")
                .append(c.earned()).append('/').append(c.points()).append("</td><td>");
        if (c.hostLevel()) {
            sb.append(esc(zh ? "未判断：主机无法询问（原因见上方主机列表）"
                    : "not judged: a host could not be asked (the reason is in the host list above)"));
        } else if (v.status() != Status.PASS) {
            sb.append(esc(v.message().in(lang)));
            if (!v.cause().isEmpty()) {
                sb.append(" <code>").append(esc(v.cause())).append("</code>");
            }
            v.hint().ifPresent(h -> sb.append("<p class=\"hint\">").append(zh ? "提示：" : "Hint: ")
                    .append(esc(h.in(lang))).append("</p>"));
        } else {
            sb.append(esc(v.message().in(lang)));
        }
        v.notes().forEach(n -> sb.append("<p class=\"hint\">").append(esc(n.in(lang))).append("</p>"));
        if (v.perHost().size() > 1 || !v.evidence().isEmpty()) {
            List<String> folded = new ArrayList<>();
            if (v.perHost().size() > 1) {
                folded.add((zh ? "各主机 (" : "hosts (") + v.perHost().size() + ")");
            }
            if (!v.evidence().isEmpty()) {
                folded.add((zh ? "证据 (" : "evidence (") + v.evidence().size() + ")");
            }
            sb.append("<details><summary>").append(String.join(" · ", folded)).append("</summary>");
            if (v.perHost().size() > 1) {
                sb.append("<ul>");
                for (HostVerdict h : v.perHost()) {
                    sb.append("<li class=\"").append(h.status().json()).append("\"><b>").append(esc(h.role()))
                            .append("</b> ").append(h.status().name()).append(": ").append(esc(h.message().in(lang)))
                            .append("</li>");
                }
                sb.append("</ul>");
            }
            StringBuilder ev = new StringBuilder();
            for (Evidence e : v.evidence()) {
                ev.append(e).append('\n');
            }
            if (ev.length() > 0) {
                sb.append("<pre>").append(esc(ev.toString())).append("</pre>");
            }
            sb.append("</details>");
        }
        sb.append("</td></tr>\n");
    }

    /**
     * HTML text of {@code s}: markup characters escaped, and what a host printed made visible
     * ({@link dev.labtutor.i18n.SafeText}).
     */
    static String esc(String raw) {
        String s = dev.labtutor.i18n.SafeText.terminal(raw);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
