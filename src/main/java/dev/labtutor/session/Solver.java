package dev.labtutor.session;

import dev.labtutor.check.Prober;
import dev.labtutor.course.Solution;
import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Applies a rendered {@link Solution} over SSH, one script after another, as a learner typing the lesson's commands
 * would. Stops at the first script that fails.
 */
public final class Solver {

    /** A solve script that failed on its host. */
    public static final class SolveFailed extends Exception {
        public SolveFailed(String message) {
            super(message);
        }
    }

    private final Prober.ShellSource shells;
    private final Map<String, HostSpec> hosts;
    private final Duration timeout;

    public Solver(Prober.ShellSource shells, Map<String, HostSpec> hosts, Duration timeout) {
        this.shells = shells;
        this.hosts = Map.copyOf(hosts);
        this.timeout = timeout;
    }

    public void apply(List<Solution.Step> steps, Consumer<String> progress) throws SolveFailed {
        for (Solution.Step s : steps) {
            HostSpec h = hosts.get(s.role());
            if (h == null) {
                throw new SolveFailed("the lab has no host for role " + s.role());
            }
            String first = s.script().strip().lines().findFirst().orElse("");
            progress.accept(s.role() + "# " + first + (s.script().strip().lines().count() > 1 ? " ..." : ""));
            ExecResult r;
            try {
                r = shells.get(h).runScript("set -e\n" + s.script(), timeout);
            } catch (HostException e) {
                throw new SolveFailed(e.getMessage());
            }
            if (r.exitStatus() != 0) {
                throw new SolveFailed(s.role() + ": '" + first + "' exited " + r.exitStatus() + ": "
                        + tail(r.stderr().isBlank() ? r.stdout() : r.stderr()));
            }
        }
    }

    private static String tail(String s) {
        String t = s.strip();
        return t.length() > 400 ? "…" + t.substring(t.length() - 400) : t;
    }
}
