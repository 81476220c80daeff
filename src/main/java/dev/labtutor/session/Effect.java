package dev.labtutor.session;

import dev.labtutor.progress.Progress;
import java.util.List;
import java.util.Set;

/**
 * What {@link Session#update} asks the outside world to do. Effects run off the drawing thread ({@link Driver}) and
 * report back as {@link Intent}s.
 */
public sealed interface Effect {

    /**
     * Check these lessons one after another, reporting phases, lines and verdicts for run {@code run}; {@code watch}
     * for a round of watching ({@code w}), in which a lesson observed over time (a failover) is observed while the
     * learner acts ({@link Checker#watch}).
     */
    record RunCheck(long run, List<String> lessons, boolean watch) implements Effect {
        public RunCheck {
            lessons = List.copyOf(lessons);
        }
    }

    /** Stop run {@code run} for real: its SSH work is interrupted and its connections attempts aborted. */
    record CancelRun(long run) implements Effect {
    }

    /** Write the progress (atomically; only the latest matters). */
    record Save(Progress progress) implements Effect {
    }

    /** Find the interface that carries each of these hosts' addresses, and each host's distribution. */
    record DetectHosts(Set<String> roles) implements Effect {
        public DetectHosts {
            roles = Set.copyOf(roles);
        }
    }

    /** The learner quit: stop everything once the last save is written. */
    record Exit() implements Effect {
    }
}
