package dev.labtutor.lab;

/**
 * Hears what a connection attempt is doing, so a waiting learner sees "connecting" apart from "logging in", and can
 * abort it: {@link #abortWith} hands over an action that closes the attempt's socket (a blocked connect or key exchange
 * cannot be interrupted otherwise). Called on the connecting thread; implementations must be quick and thread-safe.
 */
public interface ConnectProgress {

    ConnectProgress NONE = new ConnectProgress() {
    };

    /** Called first, with the action that aborts this attempt. */
    default void abortWith(Runnable abort) {
    }

    default void connecting() {
    }

    default void loggingIn() {
    }
}
