package dev.labtutor.view;

import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.Distro;
import dev.labtutor.progress.CheckMark;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The terminal form of a lesson's results: a header naming the lesson (第 N 课) and the lab file and hosts checked (实验),
 * then {@link ResultRows}: status, hosts, title, and under anything not passed what was seen, the hint and every piece
 * of evidence (every keepalived diagnostic, not just the first). The columns before the title are ASCII, so Chinese
 * titles never push a column out of line. Colour only when asked.
 */
public final class ReportText {

    /** What the report is about: the lesson's number, id and title, and the lab file with the hosts checked. */
    public record Header(int number, String lesson, String title, Optional<String> labFile, List<String> hosts,
            Map<String, Distro> distros) {
        public Header {
            hosts = List.copyOf(hosts);
            distros = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(distros));
        }

        /** A header whose hosts' distributions are not known. */
        public Header(int number, String lesson, String title, Optional<String> labFile, List<String> hosts) {
            this(number, lesson, title, labFile, hosts, Map.of());
        }
    }

    private ReportText() {
    }

    /** The report of a lesson: the header, a row per check, the summary, and the report's note on a line of its own. */
    public static String render(LessonReport r, Lang lang, boolean color) {
        return render(r.header(), r.marks(), lang, color) + r.note().map(n -> n.in(lang) + "\n").orElse("");
    }

    public static String render(Header h, List<CheckMark> marks, Lang lang, boolean color) {
        StringBuilder sb = new StringBuilder();
        sb.append(header(h, lang)).append('\n');
        List<ResultRows.Row> rows = ResultRows.of(marks, lang);
        int hostWidth = 0;
        for (ResultRows.Row r : rows) {
            hostWidth = Math.max(hostWidth, String.join(", ", r.hosts()).length());
        }
        String indent = " ".repeat(2 + 5 + 2 + hostWidth + 2);
        for (ResultRows.Row r : rows) {
            sb.append("  ").append(badge(r.status(), color)).append("  ")
                    .append(DisplayWidth.pad(String.join(", ", r.hosts()), hostWidth)).append("  ").append(r.title())
                    .append('\n');
            for (ResultRows.Detail d : r.details()) {
                sb.append(indent).append(ResultRows.prefix(d.kind(), lang)).append(d.text()).append('\n');
            }
        }
        long passed = marks.stream().filter(CheckMark::passed).count();
        sb.append(summary(marks.size(), passed, lang));
        return sb.toString();
    }

    /** {@code 第 2 课 master 配置主服务器} and {@code 实验：FILE（lb01 root@...，lb02 ...）}, or their English. */
    public static String header(Header h, Lang lang) {
        StringBuilder sb = new StringBuilder();
        if (lang == Lang.ZH) {
            sb.append("第 ").append(h.number()).append(" 课 ").append(h.lesson()).append("  ").append(h.title())
                    .append('\n');
            sb.append("实验：").append(h.labFile().orElse("（没有实验环境文件）"));
            if (!h.hosts().isEmpty()) {
                sb.append("（检查了 ").append(String.join("，", h.hosts())).append("）");
            }
        } else {
            sb.append("Lesson ").append(h.number()).append(" ").append(h.lesson()).append("  ").append(h.title())
                    .append('\n');
            sb.append("Lab: ").append(h.labFile().orElse("(no lab file)"));
            if (!h.hosts().isEmpty()) {
                sb.append(" (checked ").append(String.join(", ", h.hosts())).append(")");
            }
        }
        return sb.toString();
    }

    private static String summary(int n, long passed, Lang lang) {
        if (lang == Lang.ZH) {
            return passed == n ? "全部 " + n + " 项检查通过。\n" : passed + "/" + n + " 项检查通过。\n";
        }
        return passed == n ? "All " + n + " checks passed.\n" : passed + "/" + n + " checks passed.\n";
    }

    static String badge(String status, boolean color) {
        String word = ResultRows.badge(status);
        if (!color) {
            return word;
        }
        String code = switch (status) {
            case "pass" -> "32";
            case "fail" -> "31";
            case "unreachable" -> "33";
            default -> "35";
        };
        return "\u001b[" + code + ";1m" + word + "\u001b[0m";
    }
}
