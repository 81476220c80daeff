package dev.labtutor.session;

import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.check.observe.Target;
import dev.labtutor.check.observe.Timeline;
import dev.labtutor.check.observe.TimelineEvent;
import dev.labtutor.check.observe.Watch;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An observation told as lines in both languages, for every view that shows it live (the command line prints them on
 * stderr, the tutor under its running check): what is watched and for how long, when the starting state has been seen
 * (the learner may act), every transition as it happens, and every ten seconds where things stand and how long is left,
 * so a wait is never silent.
 */
public final class ObservationLines implements ObservationListener {

    private static final long HEARTBEAT_MS = 10_000;

    private final Consumer<Text> out;
    private final Map<String, Long> lastBeat = new HashMap<>();
    private final Map<String, Long> windows = new HashMap<>();
    /** The checks whose watch has seen the first state of its pattern (told once: the learner may act). */
    private final java.util.Set<String> ready = new java.util.HashSet<>();

    public ObservationLines(Consumer<Text> out) {
        this.out = out;
    }

    @Override
    public synchronized void started(String check, Watch w, Duration window) {
        String roles = String.join(", ", w.roles());
        Text what =
                w.track() == Watch.Track.HOLDER
                        ? Text.of("谁持有 " + w.address() + "（" + String.join("、", w.roles()) + "）",
                                "who holds " + w.address() + " (" + roles + ")")
                        : Text.of("哪台服务器的页面在应答", "whose pages answer");
        Text from = w.target().map(Target::describe)
                .map(t -> Text.of("，并从本机访问 " + t, ", asking " + t + " from this machine")).orElse(Text.of("", ""));
        String want = String.join(" → ", w.pattern());
        windows.put(check, window.toMillis());
        lastBeat.put(check, 0L);
        out.accept(Text.of(check + "：观察" + what.zh() + from.zh() + "，最多 " + window.toSeconds() + " 秒，等待 " + want,
                check + ": watching " + what.en() + from.en() + " for up to " + window.toSeconds() + " s, waiting for "
                        + want));
    }

    @Override
    public synchronized void event(String check, TimelineEvent e) {
        out.accept(Text.of("  " + e.line(Lang.ZH), "  " + e.line(Lang.EN)));
    }

    @Override
    public synchronized void sampled(String check, Timeline t) {
        if (t.matched() >= 1 && ready.add(check)) {
            String first = t.watch().pattern().get(0);
            out.accept(Text.of("  已看到起始状态 " + first + "：现在可以动手了", "  start seen (" + first + "): act now"));
        }
        long at = t.elapsed();
        if (at - lastBeat.getOrDefault(check, 0L) < HEARTBEAT_MS) {
            return;
        }
        lastBeat.put(check, at);
        var segs = t.segments();
        String now = segs.isEmpty() ? "?" : segs.get(segs.size() - 1).state();
        long left = Math.max(0, windows.getOrDefault(check, 0L) - at) / 1000;
        boolean asks = t.watch().target().isPresent();
        String stamp = String.format(Locale.ROOT, "  [%6.1f s] ", at / 1000.0);
        out.accept(Text.of(
                stamp + "仍在观察：当前 " + (now.isEmpty() ? "（无）" : now) + "，已看到 " + t.matched() + "/"
                        + t.watch().pattern().size() + (asks ? "，" + t.requests() + " 次请求丢失 " + t.lost() + " 次" : "")
                        + "，剩余 " + left + " 秒",
                stamp + "still watching: now " + (now.isEmpty() ? "(none)" : now) + ", " + t.matched() + " of "
                        + t.watch().pattern().size() + " states seen"
                        + (asks ? ", " + t.lost() + " of " + t.requests() + " requests lost" : "") + ", " + left
                        + " s left"));
    }
}
