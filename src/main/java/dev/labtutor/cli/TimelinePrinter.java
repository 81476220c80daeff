package dev.labtutor.cli;

import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.check.observe.Target;
import dev.labtutor.check.observe.Timeline;
import dev.labtutor.check.observe.TimelineEvent;
import dev.labtutor.check.observe.Watch;
import dev.labtutor.i18n.Lang;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Shows an observation live on stderr while {@code labtutor check LESSON --wait N} watches: what
 * is watched and for how long, every transition as it happens, and every ten seconds where
 * things stand and how long is left, so the wait is never silent.
 */
final class TimelinePrinter implements ObservationListener {

    private static final long HEARTBEAT_MS = 10_000;

    private final PrintWriter err;
    private final Lang lang;
    private final Map<String, Long> lastBeat = new HashMap<>();
    private final Map<String, Long> windows = new HashMap<>();

    TimelinePrinter(PrintWriter err, Lang lang) {
        this.err = err;
        this.lang = lang;
    }

    @Override
    public synchronized void started(String check, Watch w, Duration window) {
        String what = w.track() == Watch.Track.HOLDER
                ? (zh() ? "谁持有 " + w.address() + "（" + String.join("、", w.roles()) + "）" : "who holds " + w.address() + " (" + String.join(", ", w.roles()) + ")")
                : (zh() ? "哪台服务器的页面在应答" : "whose pages answer");
        String from = w.target().map(Target::describe).map(t -> zh() ? "，并从本机访问 " + t : ", asking " + t + " from this machine").orElse("");
        String want = String.join(" → ", w.pattern());
        windows.put(check, window.toMillis());
        lastBeat.put(check, 0L);
        err.println(zh() ? "labtutor: " + check + "：观察" + what + from + "，最多 " + window.toSeconds() + " 秒，等待 " + want
                : "labtutor: " + check + ": watching " + what + from + " for up to " + window.toSeconds() + " s, waiting for " + want);
        err.flush();
    }

    @Override
    public synchronized void event(String check, TimelineEvent e) {
        err.println("  " + e.line(lang));
        err.flush();
    }

    @Override
    public synchronized void sampled(String check, Timeline t) {
        long at = t.elapsed();
        if (at - lastBeat.getOrDefault(check, 0L) < HEARTBEAT_MS) {
            return;
        }
        lastBeat.put(check, at);
        var segs = t.segments();
        String now = segs.isEmpty() ? "?" : segs.get(segs.size() - 1).state();
        now = now.isEmpty() ? (zh() ? "（无）" : "(none)") : now;
        long left = Math.max(0, windows.getOrDefault(check, 0L) - at) / 1000;
        String answers = t.watch().target().isPresent()
                ? (zh() ? "，" + t.requests() + " 次请求丢失 " + t.lost() + " 次" : ", " + t.lost() + " of " + t.requests() + " requests lost") : "";
        err.println(String.format(java.util.Locale.ROOT, "  [%6.1f s] ", at / 1000.0) + (zh()
                ? "仍在观察：当前 " + now + "，已看到 " + t.matched() + "/" + t.watch().pattern().size() + answers + "，剩余 " + left + " 秒"
                : "still watching: now " + now + ", " + t.matched() + " of " + t.watch().pattern().size() + " states seen" + answers + ", " + left + " s left"));
        err.flush();
    }

    private boolean zh() {
        return lang == Lang.ZH;
    }
}
