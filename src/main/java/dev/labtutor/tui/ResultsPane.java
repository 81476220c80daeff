package dev.labtutor.tui;

import dev.labtutor.check.Prober;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.session.SessionState;
import dev.labtutor.view.DisplayWidth;
import dev.labtutor.view.HostDistro;
import dev.labtutor.view.ResultRows;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The results pane: while a check runs, each host's phase with a spinner and the check's own progress lines; then the
 * last results of the current lesson, one row per check and host ({@link ResultRows}): a host that could not be asked
 * is explained once at the top, FAIL rows carry what was seen, the hint for the cause and the evidence, PASS rows their
 * notes.
 */
final class ResultsPane {

    static final String SPINNER = "|/-\\";
    /** Made on first use (the time zone rules load then): a screen without results does not wait for them. */
    private static final class Clock {
        static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    }

    private ResultsPane() {
    }

    /** Loads the time zone rules and the clock's format now (see {@link TutorApp#prepare()}). */
    static void prepareClock() {
        Clock.CLOCK.format(java.time.Instant.EPOCH);
    }

    static String spinner(SessionState s) {
        long ms = s.running().map(r -> r.elapsed(s.now()).toMillis()).orElse(0L);
        return String.valueOf(SPINNER.charAt((int) ((ms / 120) % SPINNER.length())));
    }

    /** The pane's title: when the shown results were taken and how many checks pass. */
    static String header(SessionState s) {
        Lang lang = s.lang();
        List<CheckMark> marks = s.marks(s.current().id());
        StringBuilder sb = new StringBuilder(" ").append(Words.RESULTS.in(lang));
        s.record(s.current().id()).checkedAt().ifPresent(t -> sb.append("  ").append(Clock.CLOCK.format(t)));
        if (!marks.isEmpty()) {
            long ok = marks.stream().filter(CheckMark::passed).count();
            sb.append("  ")
                    .append(Text.of(ok + "/" + marks.size() + " 通过", ok + "/" + marks.size() + " pass").in(lang));
        }
        return sb.append(' ').toString();
    }

    static List<Line> of(SessionState s, int width) {
        Lang lang = s.lang();
        List<Line> out = new ArrayList<>();
        s.running().ifPresent(run -> {
            String what = run.kind() == SessionState.Kind.RECHECK
                    ? Text.of("复查已通过的课程 " + (run.checked() + 1) + "/" + run.lessons().size(),
                            "Re-checking passed lessons " + (run.checked() + 1) + "/" + run.lessons().size()).in(lang)
                    : Text.of("正在检查 " + run.lessons().get(0), "Checking " + run.lessons().get(0)).in(lang);
            out.add(Line.of(" " + spinner(s) + " ", Style.WARNING)
                    .plus(what + "  " + seconds(run.elapsed(s.now())) + "  ", Style.BOLD)
                    .plus(Words.ESC_CANCELS.in(lang), Style.DIM));
            for (Map.Entry<String, Prober.Phase> e : run.hosts().entrySet()) {
                boolean done = e.getValue() == Prober.Phase.DONE;
                Line row = Line.of("   " + (done ? " " : spinner(s)) + " ", Style.WARNING)
                        .plus(DisplayWidth.pad(e.getKey() + " ", 10), Style.HOST)
                        .plus(Words.phase(e.getValue(), lang), done ? Style.DIM : Style.NORMAL);
                Optional<String> os = HostDistro.of(s.progress().distros(), e.getKey());
                out.add((os.isPresent() ? row.plus(HostDistro.SEPARATOR + os.get(), Style.DIM) : row).fit(width));
            }
            for (Text l : run.lines()) {
                out.addAll(Line.wrapped("     ", "     ", Style.NORMAL, l.in(lang), Style.NORMAL, width));
            }
            out.add(Line.BLANK);
        });
        List<CheckMark> marks = s.marks(s.current().id());
        if (marks.isEmpty()) {
            if (s.running().isEmpty()) {
                out.addAll(Line.wrapped(" ", " ", Style.NORMAL, Words.NOT_CHECKED.in(lang), Style.DIM, width));
                out.addAll(hosts(s, width));
            }
            return out;
        }
        List<ResultRows.Row> rows = ResultRows.of(marks, lang);
        int hostWidth = rows.stream().mapToInt(r -> String.join(", ", r.hosts()).length()).max().orElse(0);
        hostWidth = Math.min(hostWidth, Math.max(4, width / 4));
        int titleCol = 1 + 5 + 2 + hostWidth + 2;
        String detailIndent = width >= 90 ? " ".repeat(titleCol) : " ".repeat(Math.min(titleCol, 8));
        for (ResultRows.Row r : rows) {
            Style st = style(r.status());
            // hosts that do not fit their column go on below, never cut: the row must say which hosts it judges
            List<String> hosts = Wrap.lines(String.join(", ", r.hosts()), hostWidth);
            List<Line> title = Line.wrapped("", "", Style.NORMAL, r.title(), r.hostProblem() ? st : Style.NORMAL,
                    width - titleCol);
            for (int i = 0; i < Math.max(title.size(), hosts.size()); i++) {
                String h = DisplayWidth.pad(i < hosts.size() ? hosts.get(i) : "", hostWidth);
                Line l = (i == 0 ? Line.of(" ").plus(ResultRows.badge(r.status()), st) : Line.of(" ".repeat(6)))
                        .plus("  ", Style.NORMAL).plus(h, Style.HOST).plus("  ", Style.NORMAL);
                out.add(new Line(concat(l, i < title.size() ? title.get(i) : Line.BLANK)));
            }
            for (ResultRows.Detail d : r.details()) {
                Style ds = switch (d.kind()) {
                    case HINT -> Style.WARNING;
                    case EVIDENCE -> Style.DIM;
                    case NOTE -> Style.INFO;
                    case MESSAGE -> Style.NORMAL;
                };
                String prefix = ResultRows.prefix(d.kind(), lang);
                out.addAll(Line.wrapped(detailIndent + prefix, detailIndent + " ".repeat(DisplayWidth.of(prefix)), ds,
                        d.text(), ds, width));
            }
        }
        return out;
    }

    /**
     * The lab's hosts, each with the distribution detected on it ({@code lb01  10.0.0.11 · CentOS Linux 7 · keepalived
     * 1.3.5}), one line each, cut to the pane.
     */
    static List<Line> hosts(SessionState s, int width) {
        List<Line> out = new ArrayList<>();
        if (s.lab().isEmpty() || s.lab().get().hosts().isEmpty()) {
            return out;
        }
        out.add(Line.BLANK);
        out.add(Line.of(" " + Words.HOSTS.in(s.lang()), Style.BOLD));
        for (String l : HostDistro.lines(s.lab().get(), s.progress().distros())) {
            out.add(Line.of("  " + l, Style.NORMAL).fit(width));
        }
        return out;
    }

    static Style style(String status) {
        return switch (status) {
            case "pass" -> Style.PASS;
            case "fail" -> Style.FAIL;
            case "unreachable" -> Style.UNREACHABLE;
            default -> Style.ERROR;
        };
    }

    static String seconds(Duration d) {
        long ms = Math.max(0, d.toMillis());
        return ms < 60_000 ? String.format("%.1f s", ms / 1000.0)
                : (ms / 60_000) + ":" + String.format("%02d", (ms / 1000) % 60);
    }

    private static List<Line.Span> concat(Line a, Line b) {
        List<Line.Span> out = new ArrayList<>(a.spans());
        out.addAll(b.spans());
        return out;
    }
}
