package dev.labtutor.cli;

import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.check.observe.Timeline;
import dev.labtutor.check.observe.TimelineEvent;
import dev.labtutor.check.observe.Watch;
import dev.labtutor.i18n.Lang;
import dev.labtutor.session.ObservationLines;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows an observation live on stderr while {@code labtutor check LESSON --wait N} watches, in
 * the words the tutor shows ({@link ObservationLines}): the start line prefixed with
 * {@code labtutor:}, transitions and heartbeats indented under it.
 */
final class TimelinePrinter implements ObservationListener {

    private final ObservationLines lines;

    TimelinePrinter(PrintWriter err, Lang lang) {
        this.lines = new ObservationLines(t -> {
            String s = t.in(lang);
            err.println(s.startsWith("  ") ? s : "labtutor: " + s);
            err.flush();
        });
    }

    @Override
    public void started(String check, Watch w, Duration window) {
        lines.started(check, w, window);
    }

    @Override
    public void event(String check, TimelineEvent e) {
        lines.event(check, e);
    }

    @Override
    public void sampled(String check, Timeline t) {
        lines.sampled(check, t);
    }
}
