package dev.labtutor.grading;

import dev.labtutor.check.Evidence;
import dev.labtutor.check.Status;
import dev.labtutor.i18n.Lang;
import java.util.Locale;

/**
 * {@code junit.xml} for an LMS or CI viewer: a testsuite per student, a testcase per check (classname
 * {@code student.lesson}); FAIL is a {@code <failure>}, UNREACHABLE and ERROR are an {@code <error>} (never a failure),
 * with the message as attribute and hint and evidence as text. A student none of whose hosts could be judged has the
 * property {@code graded=false} and the score "not graded", with no percent.
 */
public final class JunitXml {

    private JunitXml() {
    }

    public static String render(ClassGrades g, Lang lang) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        long tests = g.students().stream().mapToLong(s -> s.lessons().stream().mapToLong(l -> l.checks().size()).sum())
                .sum();
        long failures = g.students().stream().mapToLong(s -> s.count(Status.FAIL)).sum();
        long errors = g.students().stream().mapToLong(s -> s.count(Status.ERROR) + s.count(Status.UNREACHABLE)).sum();
        sb.append("<testsuites name=\"").append(attr("labtutor grade " + g.course().id())).append("\" tests=\"")
                .append(tests).append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" time=\"").append(seconds(g.elapsed().toMillis())).append("\">\n");
        for (StudentGrade s : g.students()) {
            long n = s.lessons().stream().mapToLong(l -> l.checks().size()).sum();
            long hostMillis = s.hosts().stream().mapToLong(h -> h.elapsed().toMillis()).max().orElse(0);
            sb.append("  <testsuite name=\"").append(attr(s.student().id() + " " + s.student().name()))
                    .append("\" tests=\"").append(n).append("\" failures=\"").append(s.count(Status.FAIL))
                    .append("\" errors=\"").append(s.count(Status.ERROR) + s.count(Status.UNREACHABLE))
                    .append("\" skipped=\"0\" time=\"").append(seconds(hostMillis)).append("\" timestamp=\"")
                    .append(g.started().toString(), 0, 19).append("\">\n");
            sb.append("    <properties>\n");
            property(sb, "id", s.student().id());
            property(sb, "name", s.student().name());
            property(sb, "graded", Boolean.toString(s.graded()));
            property(sb, "score", s.graded() ? s.total() + "/" + s.maximum() : "not graded");
            property(sb, "percent", s.graded() ? s.percentText() : "");
            property(sb, "unreachable-hosts", String.join(" ", s.unreachableHosts()));
            property(sb, "error-hosts", String.join(" ", s.errorHosts()));
            sb.append("    </properties>\n");
            for (LessonGrade l : s.lessons()) {
                for (CheckGrade c : l.checks()) {
                    testcase(sb, s, l, c, lang);
                }
            }
            sb.append("  </testsuite>\n");
        }
        sb.append("</testsuites>\n");
        return sb.toString();
    }

    private static void testcase(StringBuilder sb, StudentGrade s, LessonGrade l, CheckGrade c, Lang lang) {
        sb.append("    <testcase classname=\"").append(attr(s.student().id() + "." + l.id())).append("\" name=\"")
                .append(attr(c.verdict().check())).append("\" time=\"0\"");
        if (c.status() == Status.PASS) {
            sb.append("/>\n");
            return;
        }
        String tag = c.status() == Status.FAIL ? "failure" : "error";
        String type = c.status().json() + (c.verdict().cause().isEmpty() ? "" : ":" + c.verdict().cause());
        StringBuilder body = new StringBuilder();
        body.append(c.verdict().title().in(lang)).append(" (").append(c.points()).append(" points)\n");
        c.verdict().hint()
                .ifPresent(h -> body.append(lang == Lang.ZH ? "提示：" : "Hint: ").append(h.in(lang)).append('\n'));
        for (Evidence e : c.verdict().evidence()) {
            body.append(e).append('\n');
        }
        sb.append(">\n      <").append(tag).append(" message=\"").append(attr(c.verdict().message().in(lang)))
                .append("\" type=\"").append(attr(type)).append("\">").append(text(body.toString())).append("</")
                .append(tag).append(">\n    </testcase>\n");
    }

    private static void property(StringBuilder sb, String name, String value) {
        sb.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value))
                .append("\"/>\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    /**
     * XML text of {@code raw}: what a host printed made visible ({@link dev.labtutor.i18n.SafeText}), markup escaped.
     */
    static String text(String raw) {
        String s = dev.labtutor.i18n.SafeText.terminal(raw);
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                default -> {
                    if (c == '\n' || c == '\t' || c == '\r'
                            || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF && (c < 0xD800 || c > 0xDFFF))) {
                        sb.appendCodePoint(c);
                    } else {
                        sb.append('\uFFFD');
                    }
                }
            }
        });
        return sb.toString();
    }

    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }
}
