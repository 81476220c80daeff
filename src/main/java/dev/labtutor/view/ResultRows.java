package dev.labtutor.view;

import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.SafeText;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.HostMark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The results of a check as rows, shared by the text report, the plain mode and the results pane: first one row per
 * host that could not be asked at all (its login or key problem explained once, with its hint), then one row per check
 * and host (hosts with the same judgement share a row), each non-passing row with what was seen, the hint for the
 * observed cause and the evidence, a passing row with its advisory notes. Messages, hints and notes read as sentences
 * ({@link Sentence}). Every text is passed through {@link SafeText#terminal}: the rows carry what hosts printed, and
 * every terminal view shows them. A host problem already explained above is not repeated under every check, nor given
 * the check's unrelated hint.
 */
public final class ResultRows {

    /** What a detail line is, so each view can style it. */
    public enum Kind {
        MESSAGE, HINT, EVIDENCE, NOTE
    }

    public record Detail(Kind kind, String text) {
    }

    /** One row: a status word, the hosts it covers, a title, and details below. */
    public record Row(String status, List<String> hosts, String title, List<Detail> details, boolean hostProblem) {
        public Row {
            hosts = List.copyOf(hosts);
            details = List.copyOf(details);
        }
    }

    private ResultRows() {
    }

    public static List<Row> of(List<CheckMark> marks, Lang lang) {
        Map<String, HostMark> down = new LinkedHashMap<>();
        for (CheckMark c : marks) {
            for (HostMark h : c.hosts()) {
                if (hostProblem(h) && !down.containsKey(h.host())) {
                    down.put(h.host(), h);
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        down.forEach((host, h) -> {
            List<Detail> d = new ArrayList<>();
            h.hint().ifPresent(x -> d.add(new Detail(Kind.HINT, Sentence.start(x.in(lang), lang))));
            rows.add(new Row(h.status(), List.of(host), Sentence.start(h.message().in(lang), lang), d, true));
        });
        for (CheckMark c : marks) {
            for (List<HostMark> group : groups(c.hosts())) {
                HostMark h = group.get(0);
                List<String> hosts = group.stream().map(HostMark::host).filter(x -> !x.isEmpty()).toList();
                List<Detail> d = new ArrayList<>();
                if (h.passed()) {
                    c.notes().forEach(n -> d.add(new Detail(Kind.NOTE, Sentence.start(n.in(lang), lang))));
                } else if (!(down.containsKey(h.host()) && hostProblem(h))) {
                    group.stream().map(x -> Sentence.start(x.message().in(lang), lang)).distinct()
                            .forEach(m -> d.add(new Detail(Kind.MESSAGE, m)));
                    h.hint().map(x -> Sentence.start(x.in(lang), lang)).ifPresent(x -> d.add(new Detail(Kind.HINT, x)));
                    for (HostMark x : group) {
                        x.evidence().forEach(
                                e -> d.add(new Detail(Kind.EVIDENCE, group.size() > 1 ? x.host() + ": " + e : e)));
                    }
                }
                rows.add(new Row(h.status(), hosts, c.title().in(lang), d, false));
            }
        }
        return rows.stream().map(ResultRows::safe).toList();
    }

    /** The row as a terminal may show it: what a host printed cannot act there ({@link SafeText}). */
    private static Row safe(Row r) {
        return new Row(r.status(), r.hosts().stream().map(SafeText::terminal).toList(), SafeText.terminal(r.title()),
                r.details().stream().map(d -> new Detail(d.kind(), SafeText.terminal(d.text()))).toList(),
                r.hostProblem());
    }

    /** A host that could not be asked at all (connect, login, host key, sudo): its cause says so. */
    public static boolean hostProblem(HostMark h) {
        return !h.passed() && h.cause().startsWith("host-");
    }

    /**
     * Hosts with the same judgement share a row: all passing hosts; failing hosts with the same status, cause and hint
     * (each host's own message is still listed). A host that could not be asked keeps a row of its own.
     */
    private static List<List<HostMark>> groups(List<HostMark> hosts) {
        Map<String, List<HostMark>> g = new LinkedHashMap<>();
        for (HostMark h : hosts) {
            String key = h.passed() ? "pass" : hostProblem(h) ? h.host() + "\u0000" + h.cause()
                    : h.status() + "\u0000" + h.cause() + "\u0000" + h.hint().map(x -> x.en()).orElse("");
            g.computeIfAbsent(key, k -> new ArrayList<>()).add(h);
        }
        return new ArrayList<>(g.values());
    }

    /** The prefix a detail line gets in text views. */
    public static String prefix(Kind kind, Lang lang) {
        return switch (kind) {
            case HINT -> lang == Lang.ZH ? "提示：" : "Hint: ";
            case NOTE -> lang == Lang.ZH ? "注意：" : "Note: ";
            case EVIDENCE -> "- ";
            case MESSAGE -> "";
        };
    }

    /** The word shown for a status, five columns wide. */
    public static String badge(String status) {
        return switch (status) {
            case "pass" -> "PASS ";
            case "fail" -> "FAIL ";
            case "unreachable" -> "UNRCH";
            case "error" -> "ERROR";
            default -> "?    ";
        };
    }
}
