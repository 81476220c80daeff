package dev.labtutor.app;

import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.i18n.Lang;
import dev.labtutor.session.ObservationLines;
import java.io.PrintWriter;

/**
 * Shows an observation live on stderr while {@code labtutor check LESSON --wait N} watches, in the words the tutor
 * shows ({@link ObservationLines}): the start line prefixed with {@code labtutor:}, transitions and heartbeats indented
 * under it.
 */
public final class TimelinePrinter {

    private TimelinePrinter() {
    }

    public static ObservationListener to(PrintWriter err, Lang lang) {
        return new ObservationLines(t -> {
            String s = t.in(lang);
            err.println(s.startsWith("  ") ? s : "labtutor: " + s);
            err.flush();
        });
    }
}
