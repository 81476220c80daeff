package dev.labtutor.check;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.observe.Answer;
import dev.labtutor.check.observe.Sample;
import dev.labtutor.check.observe.Target;
import dev.labtutor.check.observe.Timeline;
import dev.labtutor.check.observe.TimelineEvent;
import dev.labtutor.check.observe.Watch;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An observed timeline: while the learner acts (stops keepalived on the master, starts it again), who holds an address,
 * or whose pages a URL serves, is sampled several times a second and must go through {@code pattern} in order.
 * {@link CheckRun} observes these checks over the wait window ({@code labtutor check LESSON --wait 120}); judged from
 * one round alone (no window) only one state can be seen, so the check fails with cause {@code not-observed}. The
 * answers of {@code target} from the tutor's machine are the evidence of the gap: requests lost and the longest outage.
 */
public record TimelineCheck(Watch.Track track, String address, Optional<Target> target, List<String> backends,
        int recent, List<String> pattern, Optional<LogEvidence> fromLogs) implements GroupPrimitive {

    /** Starts the note of a verdict measured while watching (kept in progress, see {@link #watched}). */
    public static final String MEASURED_EN = "measured: ";

    public TimelineCheck {
        backends = List.copyOf(backends);
        pattern = List.copyOf(pattern);
        java.util.Objects.requireNonNull(fromLogs, "fromLogs");
    }

    /** A timeline that only a watch can judge. */
    public TimelineCheck(Watch.Track track, String address, Optional<Target> target, List<String> backends, int recent,
            List<String> pattern) {
        this(track, address, target, backends, recent, pattern, Optional.empty());
    }

    /** True when a remembered verdict of such a check is a PASS that was measured while watching. */
    public static boolean watched(List<Text> notes) {
        return notes.stream().anyMatch(n -> n.en().startsWith(MEASURED_EN));
    }

    /** What to watch when the check runs on these roles. */
    public Watch watch(List<String> on) {
        return new Watch(track, address, on, target, backends, recent, pattern);
    }

    @Override
    public Map<String, Set<Probe>> probes(List<String> on) {
        if (fromLogs.isPresent()) {
            return fromLogs.get().probes();
        }
        Map<String, Set<Probe>> m = new LinkedHashMap<>();
        if (track == Watch.Track.HOLDER) {
            on.forEach(r -> m.put(r, Set.of(AddressCheck.ADDRESSES)));
        }
        return m;
    }

    /**
     * One round, nobody watching: judged from keepalived's logs where the check says how ({@link LogEvidence}); else
     * one round is one sample, enough to show where things stand, never enough to pass.
     */
    @Override
    public Outcome evaluate(List<String> on, RoundFacts facts) {
        if (fromLogs.isPresent()) {
            return fromLogs.get().judge(facts);
        }
        Map<String, Set<String>> held = new HashMap<>();
        if (track == Watch.Track.HOLDER) {
            for (String r : on) {
                Optional<Outcome> unusable = facts.unusable(r, AddressCheck.ADDRESSES);
                if (unusable.isPresent()) {
                    return unusable.get();
                }
                Addresses a = (Addresses) facts.host(r).orElseThrow().fact(AddressCheck.ADDRESSES);
                held.put(r, addressesOf(a));
            }
        }
        return judge(new Timeline(watch(on), List.of(new Sample(0, held, Map.of()))));
    }

    static Set<String> addressesOf(Addresses a) {
        Set<String> out = new java.util.HashSet<>();
        a.interfaces().forEach(i -> i.addresses().forEach(x -> out.add(x.address())));
        return out;
    }

    /** The verdict on a timeline: PASS once the pattern was seen (and the target answered at all). */
    public Outcome judge(Timeline t) {
        Watch w = t.watch();
        List<Evidence> ev = new ArrayList<>();
        for (TimelineEvent e : t.events()) {
            ev.add(new Evidence(e.who(), e.line(Lang.EN).strip()));
        }
        String seg = t.describeSegments(Lang.EN);
        ev.add(new Evidence("timeline", seg.isEmpty() ? "nothing observed" : seg));
        Text answers = answers(t);
        w.target().ifPresent(x -> ev.add(new Evidence("tutor", answers.en())));
        String want = String.join(" → ", w.pattern());
        String took = Timeline.seconds(t.elapsed());
        String subject = w.track() == Watch.Track.HOLDER ? address : w.target().map(Target::describe).orElse("");
        if (w.target().isPresent() && t.requests() > 0 && t.answered() == 0) {
            return Outcome.fail("no-answer",
                    Text.of("从本机访问 " + w.target().get().describe() + " 始终没有应答（" + took + " 秒内 " + t.requests() + " 次）",
                            w.target().get().describe() + " never answered from this machine (" + t.requests()
                                    + " requests in " + took + " s)"),
                    ev);
        }
        if (!t.observed()) {
            String seenZh = t.describeSegments(Lang.ZH);
            String cause = "not-observed";
            if (w.track() == Watch.Track.HOLDER && t.segments().stream().anyMatch(s -> s.state().contains("+"))) {
                cause = "split-brain";
            } else if (w.track() == Watch.Track.BACKENDS
                    && t.segments().stream().anyMatch(s -> s.state().contains("?"))) {
                cause = "unknown-page";
            } else {
                Optional<Timeline.Segment> first = t.segments().stream().filter(s -> !s.state().isEmpty()).findFirst();
                if (first.isPresent() && !first.get().state().equals(w.pattern().get(0))) {
                    String at = first.get().state();
                    return Outcome.fail("started-late", Text.of(
                            "开始观察时已经是 " + at + "（" + subject + "），而不是 " + w.pattern().get(0)
                                    + "：在观察开始之前就动手了。先开始观察，再制造故障",
                            "when watching began, " + subject + " was already at " + at + ", not " + w.pattern().get(0)
                                    + ": the failure was caused before watching began. Start watching first, then cause it"),
                            ev);
                }
            }
            return Outcome.fail(cause,
                    Text.of("在 " + took + " 秒内没有观察到 " + want + "（" + subject + "："
                            + (seenZh.isEmpty() ? "没有观察到任何状态" : seenZh) + "）",
                            want + " was not observed in " + took + " s (" + subject + ": "
                                    + (seg.isEmpty() ? "nothing observed" : seg) + ")"),
                    ev);
        }
        Text moves = moves(t);
        String done = Timeline.seconds(t.completedAt().orElse(t.elapsed()));
        Text measured = Text.of("测得：" + moves.zh() + (w.target().isPresent() ? "；" + answers.zh() : ""),
                MEASURED_EN + moves.en() + (w.target().isPresent() ? "; " + answers.en() : ""));
        return Outcome
                .pass(Text.of(
                        "观察到 " + want + "（" + done + " 秒内）：" + moves.zh()
                                + (w.target().isPresent() ? "；" + answers.zh() : ""),
                        "observed " + want + " within " + done + " s: " + moves.en()
                                + (w.target().isPresent() ? "; " + answers.en() : "")),
                        ev)
                .withNotes(List.of(measured));
    }

    /** The transitions that matter, with the handover time between holders. */
    private static Text moves(Timeline t) {
        List<Timeline.Segment> segs = t.segments().stream().filter(s -> !s.state().isEmpty()).toList();
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (int i = 1; i < segs.size(); i++) {
            Timeline.Segment a = segs.get(i - 1);
            Timeline.Segment b = segs.get(i);
            String gap = Timeline.seconds(b.from() - a.to());
            String at = Timeline.seconds(b.from());
            if (t.watch().track() == Watch.Track.HOLDER) {
                zh.add(at + " 秒时 " + b.state() + " 从 " + a.state() + " 接管（切换用时不超过 " + gap + " 秒）");
                en.add(b.state() + " took over from " + a.state() + " at " + at + " s (handover within " + gap + " s)");
            } else {
                zh.add(at + " 秒时页面来自 " + b.state());
                en.add("pages from " + b.state() + " at " + at + " s");
            }
        }
        return Text.of(String.join("，", zh), String.join(", ", en));
    }

    private static Text answers(Timeline t) {
        String target = t.watch().target().map(Target::describe).orElse("");
        Optional<Timeline.Outage> longest = t.longestOutage();
        String gapZh = longest.map(o -> "，最长中断 " + Timeline.seconds(o.millis()) + " 秒（" + Timeline.seconds(o.from())
                + "–" + Timeline.seconds(o.to()) + " 秒）").orElse("，没有中断");
        String gapEn = longest.map(o -> ", longest gap " + Timeline.seconds(o.millis()) + " s ("
                + Timeline.seconds(o.from()) + "–" + Timeline.seconds(o.to()) + " s)").orElse(", no gap");
        return Text.of("访问 " + target + "：" + t.requests() + " 次请求中丢失 " + t.lost() + " 次" + gapZh,
                target + ": " + t.lost() + " of " + t.requests() + " requests lost" + gapEn);
    }

    /** The answers of a target as evidence text, for views that want more than the summary. */
    static String describe(Answer a) {
        return a.answered() ? (a.status() > 0 ? a.status() + " " + a.body() : "answered") : "lost: " + a.error();
    }
}
