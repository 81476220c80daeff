package dev.labtutor.check.observe;

import java.time.Duration;

/**
 * Progress of an observation, for views that show the timeline live (the CLI prints events on stderr, the TUI redraws
 * its timeline). Called on the observing thread, once per observation check: implementations must return quickly and
 * must not block. Every method has an empty default, so a view overrides only what it shows.
 */
public interface ObservationListener {

    /** A listener that shows nothing. */
    ObservationListener NONE = new ObservationListener() {
    };

    /** Observing of {@code check} began; it ends at the latest after {@code window}. */
    default void started(String check, Watch watch, Duration window) {
    }

    /** After every sampling round: the check's timeline so far (an immutable snapshot). */
    default void sampled(String check, Timeline sofar) {
    }

    /** A transition just seen (also part of the next {@link #sampled} snapshot's events). */
    default void event(String check, TimelineEvent event) {
    }

    /** Observing of {@code check} ended (pattern seen, time up, or cancelled). */
    default void finished(String check, Timeline timeline) {
    }
}
