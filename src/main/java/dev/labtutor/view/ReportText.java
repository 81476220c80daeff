package dev.labtutor.view;

import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;
import dev.labtutor.i18n.Lang;
import java.util.List;

/**
 * The terminal form of a lesson report: one aligned line per check (status, title, hosts),
 * then for anything not passed what was seen and what to do, each sentence once (an
 * unreachable host is explained at its first check). Colour only when asked.
 */
public final class ReportText {

    private ReportText() {
    }

    public static String render(LessonReport r, String lessonTitle, Lang lang, boolean color) {
        StringBuilder sb = new StringBuilder();
        sb.append(lang == Lang.ZH ? "课程 " : "Lesson ").append(r.lesson()).append("  ").append(lessonTitle).append('\n');
        int titleWidth = 0;
        for (Verdict v : r.verdicts()) {
            titleWidth = Math.max(titleWidth, DisplayWidth.of(v.title().in(lang)));
        }
        titleWidth = Math.min(titleWidth, 64);
        java.util.Set<String> said = new java.util.HashSet<>();
        String same = lang == Lang.ZH ? "（同上）" : "(as above)";
        for (Verdict v : r.verdicts()) {
            sb.append("  ").append(badge(v.status(), color)).append("  ")
                    .append(DisplayWidth.pad(v.title().in(lang), titleWidth)).append("  ")
                    .append(String.join(", ", v.hosts())).append('\n');
            for (var note : v.notes()) {
                sb.append("          ").append(lang == Lang.ZH ? "注：" : "Note: ").append(note.in(lang)).append('\n');
            }
            if (v.status() != Status.PASS) {
                String message = v.message().in(lang);
                sb.append("          ").append(said.add(message) ? message : same).append('\n');
                v.hint().map(h -> h.in(lang)).filter(said::add).ifPresent(h -> sb.append("          ")
                        .append(lang == Lang.ZH ? "提示：" : "Hint: ").append(h).append('\n'));
            }
        }
        long passed = r.verdicts().stream().filter(Verdict::passed).count();
        sb.append(summary(r.verdicts(), passed, lang));
        return sb.toString();
    }

    private static String summary(List<Verdict> vs, long passed, Lang lang) {
        if (lang == Lang.ZH) {
            return passed == vs.size() ? "全部 " + vs.size() + " 项检查通过。\n" : passed + "/" + vs.size() + " 项检查通过。\n";
        }
        return passed == vs.size() ? "All " + vs.size() + " checks passed.\n" : passed + "/" + vs.size() + " checks passed.\n";
    }

    static String badge(Status s, boolean color) {
        String word = switch (s) {
            case PASS -> "PASS ";
            case FAIL -> "FAIL ";
            case UNREACHABLE -> "UNRCH";
            case ERROR -> "ERROR";
        };
        if (!color) {
            return word;
        }
        String code = switch (s) {
            case PASS -> "32";
            case FAIL -> "31";
            case UNREACHABLE -> "33";
            case ERROR -> "35";
        };
        return "\u001b[" + code + ";1m" + word + "\u001b[0m";
    }
}
