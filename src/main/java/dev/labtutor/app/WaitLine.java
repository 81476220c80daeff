package dev.labtutor.app;

import dev.labtutor.check.CheckRun;
import dev.labtutor.check.Verdict;
import dev.labtutor.i18n.Lang;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Shows, between rounds of {@code --wait}, which checks are awaited and the time left: in place on a terminal, a line
 * per round otherwise.
 */
public final class WaitLine implements CheckRun.Rounds {
    private final PrintWriter err;
    private final Lang lang;
    private final boolean inPlace;
    private boolean drawn;

    public WaitLine(PrintWriter err, Lang lang, boolean inPlace) {
        this.err = err;
        this.lang = lang;
        this.inPlace = inPlace;
    }

    @Override
    public synchronized void waiting(List<Verdict> notPassed, Duration left) {
        String names = notPassed.stream().map(v -> v.title().in(lang) + " (" + String.join(", ", v.hosts()) + ")")
                .collect(Collectors.joining(lang == Lang.ZH ? "；" : "; "));
        long s = Math.max(0, (left.toMillis() + 999) / 1000);
        String line = lang == Lang.ZH ? "等待 " + notPassed.size() + " 项检查通过，还剩 " + s + " 秒：" + names
                : "waiting for " + notPassed.size() + " check" + (notPassed.size() == 1 ? "" : "s") + " to pass, " + s
                        + " s left: " + names;
        if (inPlace) {
            err.print("\r\u001b[2K" + dev.labtutor.view.DisplayWidth.fit(line, 79));
            drawn = true;
        } else {
            err.println("labtutor: " + line);
        }
        err.flush();
    }

    public synchronized void clear() {
        if (drawn) {
            err.print("\r\u001b[2K");
            err.flush();
        }
    }
}
