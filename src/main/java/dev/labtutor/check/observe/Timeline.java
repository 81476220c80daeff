package dev.labtutor.check.observe;

import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One observation check's view of the samples taken so far: the state at each sample (who holds the address, or whose
 * pages the target serves), the segments those states form, the transitions as events, and what the target's answers
 * measured (lost requests, outages). Pure and immutable: the observer hands out a new one after every sampling round.
 */
public record Timeline(Watch watch, List<Sample> samples) {

    /** The state at one sample; empty when it could not be told (a host could not be asked). */
    public record Point(long at, Optional<String> state, Optional<Answer> answer) {
    }

    /** Consecutive samples in one state ({@code ""}: nobody holds the address / no pages). */
    public record Segment(String state, long from, long to) {
    }

    /**
     * Requests not answered in a row: {@code from} is the last answer before (or the first lost request when there was
     * none), {@code to} the first answer after (or the last lost request when none came), so {@code to - from} bounds
     * the time the service was not there.
     */
    public record Outage(long from, long to, int lost, boolean ended) {
        public long millis() {
            return to - from;
        }
    }

    public Timeline {
        samples = List.copyOf(samples);
    }

    /** Milliseconds from the start of observing to the last sample. */
    public long elapsed() {
        return samples.isEmpty() ? 0 : samples.get(samples.size() - 1).at();
    }

    public List<Point> points() {
        List<Point> out = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            Optional<Answer> a = watch.target().flatMap(s::answer);
            out.add(new Point(s.at(), state(i), a));
        }
        return out;
    }

    private Optional<String> state(int i) {
        Sample s = samples.get(i);
        if (watch.track() == Watch.Track.HOLDER) {
            List<String> holders = new ArrayList<>();
            for (String r : watch.roles()) {
                Set<String> addrs = s.addresses().get(r);
                if (addrs == null) {
                    return Optional.empty();
                }
                if (addrs.contains(watch.address())) {
                    holders.add(r);
                }
            }
            return Optional.of(String.join("+", holders));
        }
        if (watch.target().isEmpty()) {
            return Optional.empty();
        }
        if (s.answer(watch.target().get()).isEmpty()) {
            return Optional.empty();
        }
        Set<String> seen = new LinkedHashSet<>();
        boolean unknownPage = false;
        int taken = 0;
        for (int k = i; k >= 0 && taken < watch.recent(); k--) {
            Optional<Answer> a = samples.get(k).answer(watch.target().get());
            if (a.isEmpty()) {
                continue;
            }
            if (!a.get().answered()) {
                continue;
            }
            taken++;
            List<String> named = watch.backends().stream().filter(b -> a.get().body().contains(b)).toList();
            if (named.isEmpty()) {
                unknownPage = true;
            }
            seen.addAll(named);
        }
        List<String> ordered = new ArrayList<>(watch.backends().stream().filter(seen::contains).toList());
        if (unknownPage) {
            ordered.add("?");
        }
        return Optional.of(String.join("+", ordered));
    }

    /** The states in order; a sample whose state is unknown does not end a segment. */
    public List<Segment> segments() {
        List<Segment> out = new ArrayList<>();
        for (Point p : points()) {
            if (p.state().isEmpty()) {
                continue;
            }
            String st = p.state().get();
            if (!out.isEmpty() && out.get(out.size() - 1).state().equals(st)) {
                Segment last = out.remove(out.size() - 1);
                out.add(new Segment(st, last.from(), p.at()));
            } else {
                out.add(new Segment(st, p.at(), p.at()));
            }
        }
        return out;
    }

    /** How many states of the pattern have been seen in order (the empty state never counts). */
    public int matched() {
        int idx = 0;
        for (Segment s : segments()) {
            if (idx < watch.pattern().size() && s.state().equals(watch.pattern().get(idx))) {
                idx++;
            }
        }
        return idx;
    }

    /** When the last state of the pattern began (milliseconds), once the whole pattern has been seen. */
    public Optional<Long> completedAt() {
        int idx = 0;
        for (Segment s : segments()) {
            if (idx < watch.pattern().size() && s.state().equals(watch.pattern().get(idx))) {
                idx++;
                if (idx == watch.pattern().size()) {
                    return Optional.of(s.from());
                }
            }
        }
        return Optional.empty();
    }

    public boolean observed() {
        return matched() == watch.pattern().size();
    }

    /** What the check waits for: the pattern, and (when there is a target) at least one answer. */
    public boolean complete() {
        return observed() && (watch.target().isEmpty() || answered() > 0);
    }

    public int requests() {
        return (int) points().stream().filter(p -> p.answer().isPresent()).count();
    }

    public int answered() {
        return (int) points().stream().filter(p -> p.answer().map(Answer::answered).orElse(false)).count();
    }

    public int lost() {
        return requests() - answered();
    }

    public List<Outage> outages() {
        List<Outage> out = new ArrayList<>();
        Long lastOk = null;
        Long firstLost = null;
        long lastLost = 0;
        int lost = 0;
        for (Point p : points()) {
            if (p.answer().isEmpty()) {
                continue;
            }
            if (p.answer().get().answered()) {
                if (lost > 0) {
                    out.add(new Outage(lastOk != null ? lastOk : firstLost, p.at(), lost, true));
                    lost = 0;
                    firstLost = null;
                }
                lastOk = p.at();
            } else {
                if (lost == 0) {
                    firstLost = p.at();
                }
                lost++;
                lastLost = p.at();
            }
        }
        if (lost > 0) {
            out.add(new Outage(lastOk != null ? lastOk : firstLost, lastLost, lost, false));
        }
        return out;
    }

    public Optional<Outage> longestOutage() {
        return outages().stream().max(java.util.Comparator.comparingLong(Outage::millis));
    }

    /** The transitions, in order. */
    public List<TimelineEvent> events() {
        List<TimelineEvent> out = new ArrayList<>();
        List<Point> pts = points();
        Optional<String> prevState = Optional.empty();
        Boolean prevAnswered = null;
        long lastOk = -1;
        int lostRun = 0;
        String target = watch.target().map(Target::describe).orElse("");
        for (Point p : pts) {
            if (p.state().isPresent()) {
                String st = p.state().get();
                if (prevState.isPresent() && !prevState.get().equals(st)) {
                    stateEvents(p.at(), prevState.get(), st, out);
                }
                prevState = p.state();
            }
            if (p.answer().isPresent()) {
                boolean ok = p.answer().get().answered();
                if (prevAnswered != null && prevAnswered && !ok) {
                    out.add(new TimelineEvent(p.at(), "tutor",
                            Text.of(target + " 不再应答（" + p.answer().get().error() + "）",
                                    target + " stopped answering (" + p.answer().get().error() + ")")));
                }
                if (prevAnswered != null && !prevAnswered && ok) {
                    String gap = lastOk >= 0 ? seconds(p.at() - lastOk) : "";
                    out.add(new TimelineEvent(p.at(), "tutor", Text.of(
                            target + " 恢复应答" + (gap.isEmpty() ? "" : "（中断 " + gap + " 秒，丢失 " + lostRun + " 次请求）"),
                            target + " answers again"
                                    + (gap.isEmpty() ? "" : " (out for " + gap + " s, " + lostRun + " lost)"))));
                }
                if (ok) {
                    lastOk = p.at();
                    lostRun = 0;
                } else {
                    lostRun++;
                }
                prevAnswered = ok;
            }
        }
        return out;
    }

    private void stateEvents(long at, String before, String after, List<TimelineEvent> out) {
        if (watch.track() == Watch.Track.HOLDER) {
            Set<String> was = members(before);
            Set<String> now = members(after);
            for (String r : was) {
                if (!now.contains(r)) {
                    out.add(new TimelineEvent(at, r,
                            Text.of(r + " 失去了 " + watch.address(), r + " lost " + watch.address())));
                }
            }
            for (String r : now) {
                if (!was.contains(r)) {
                    String also = now.size() > 1 ? "（同时还有 " + String.join("、", now) + "：脑裂）" : "";
                    String alsoEn =
                            now.size() > 1 ? " (held by " + String.join(", ", now) + " at once: split brain)" : "";
                    out.add(new TimelineEvent(at, r,
                            Text.of(r + " 接管了 " + watch.address() + also, r + " took " + watch.address() + alsoEn)));
                }
            }
            if (now.isEmpty()) {
                out.add(new TimelineEvent(at, "tutor",
                        Text.of("没有主机持有 " + watch.address(), "nobody holds " + watch.address())));
            }
            return;
        }
        out.add(new TimelineEvent(at, "tutor",
                after.isEmpty() ? Text.of("没有页面返回", "no pages are served")
                        : Text.of("页面现在来自 " + after.replace("+", "、").replace("?", "未知页面"),
                                "pages now come from " + after.replace("+", ", ").replace("?", "an unknown page"))));
    }

    private static Set<String> members(String state) {
        Set<String> out = new LinkedHashSet<>();
        for (String m : state.split("\\+")) {
            if (!m.isEmpty()) {
                out.add(m);
            }
        }
        return out;
    }

    /** {@code lb01 0.0–3.2 s → (none) 3.4 s → lb02 3.6–9.6 s}. */
    public String describeSegments(dev.labtutor.i18n.Lang lang) {
        StringBuilder sb = new StringBuilder();
        for (Segment s : segments()) {
            if (sb.length() > 0) {
                sb.append(" → ");
            }
            String name = s.state().isEmpty() ? (lang == dev.labtutor.i18n.Lang.ZH ? "（无）" : "(none)") : s.state();
            sb.append(name).append(' ').append(seconds(s.from()));
            if (s.to() > s.from()) {
                sb.append('–').append(seconds(s.to()));
            }
            sb.append(lang == dev.labtutor.i18n.Lang.ZH ? " 秒" : " s");
        }
        return sb.toString();
    }

    /** Milliseconds as seconds with one decimal: {@code 3.2}. */
    public static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
