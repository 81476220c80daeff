package dev.labtutor.tui;

import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.progress.ProgressStore;
import dev.labtutor.session.Checker;
import dev.labtutor.session.SessionState;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the tutor's views need from outside: the session to start from, the live lab, check titles, and for a first run
 * without a lab file, the ways to get one. The command line supplies it; tests supply fakes.
 */
public interface World {

    /** Where a session starts: its state, whether the progress was read from a file, and a warning about that file. */
    record Start(SessionState state, boolean existed, Optional<Text> warning) {
    }

    /** The live lab for one session; closing it closes the SSH connections. */
    interface Link extends AutoCloseable {
        Checker checker();

        @Override
        void close();

        static Link of(Checker checker, Runnable close) {
            return new Link() {
                @Override
                public Checker checker() {
                    return checker;
                }

                @Override
                public void close() {
                    close.run();
                }
            };
        }
    }

    /** A setup step that failed, in one sentence. */
    final class SetupFailed extends dev.labtutor.i18n.TextException {
        public SetupFailed(Text reason) {
            super(reason);
        }
    }

    Start start(Optional<LabFile> lab, Lang lang);

    /**
     * Which sandbox a lab file belongs to ("sandbox nt (started by root)"), so a lab the learner did not name is named;
     * empty for any other lab.
     */
    default Optional<Text> labOrigin(LabFile lab) {
        return Optional.empty();
    }

    /**
     * Completes once what loads in the background (the check definitions) is there, so the screen can be drawn again
     * with it.
     */
    default java.util.concurrent.CompletionStage<?> ready() {
        return java.util.concurrent.CompletableFuture.completedFuture(null);
    }

    /** The title of a lesson's check with the learner's values (the check's id if its definition cannot be read). */
    Text checkTitle(CheckRef ref, Bindings bindings);

    Link connect(LabFile lab, SecretPrompter prompter, Consumer<Text> notices);

    ProgressStore store();

    Path stateDir();

    /** The file a lab written by the first-run form goes to. */
    Path labTarget();

    /** Empty when the local sandbox can be started here, else why not (not root, tools missing). */
    Optional<Text> sandboxUnavailable();

    /**
     * Starts the local sandbox (as {@code labtutor sandbox up} does), telling {@code progress} each line; returns its
     * lab.
     */
    LabFile startSandbox(Consumer<String> progress) throws SetupFailed;

    /** Logs in to {@code host} once; empty when that worked, else the reason. */
    Optional<Text> tryLogin(HostSpec host, SecretPrompter prompter);

    /**
     * Writes the lab file with these course variables (the VIP) and hosts to {@link #labTarget()} and reads it back.
     */
    LabFile writeLab(Map<String, HostSpec> hosts, Map<String, String> vars) throws SetupFailed;
}
