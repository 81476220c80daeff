package dev.labtutor.session;

import dev.labtutor.check.Prober;
import dev.labtutor.check.Verdict;
import dev.labtutor.i18n.Text;
import java.util.List;

/**
 * Everything that can happen to a session: what the learner asks for (keys in the full-screen app, commands in the
 * plain mode, the {@code check} command), and what the effects report back ({@link HostPhase}, {@link LessonChecked},
 * ...). Effects' reports carry the id of the run they belong to, so a report from a cancelled run is ignored.
 */
public sealed interface Intent {

    /** Go to a lesson (a locked one can be read, not passed). */
    record Open(String lesson) implements Intent {
    }

    record Next() implements Intent {
    }

    record Previous() implements Intent {
    }

    /** Check the current lesson now. */
    record Check() implements Intent {
    }

    /**
     * Check this lesson ({@code labtutor check LESSON}): an open or passed lesson becomes where the learner is and is
     * checked; a locked one is checked where it is, without moving the learner, and its results pass and unlock
     * nothing.
     */
    record CheckLesson(String lesson) implements Intent {
    }

    /** Start re-checking every 2 s until everything passes; stop when already watching. */
    record Watch() implements Intent {
    }

    /** Esc: close a question, else cancel the running check and stop watching, else close the solution. */
    record Cancel() implements Intent {
    }

    /** Show the next hint level. */
    record Hint() implements Intent {
    }

    /** Show the solution: asks first (it is recorded in the progress). */
    record Solution() implements Intent {
    }

    /** The answer to the pending question ({@link SessionState.Ask}). */
    record Confirm(boolean yes) implements Intent {
    }

    /** Re-check every passed lesson (nothing is locked again if one is broken now). */
    record RecheckPassed() implements Intent {
    }

    record SwitchLanguage() implements Intent {
    }

    /** A quiz answer: question id and choice key. */
    record Answer(String question, String choice) implements Intent {
    }

    record Quit() implements Intent {
    }

    /** Time passes (spinner, elapsed time, the next watch round). */
    record Tick() implements Intent {
    }

    /** A host's phase in the running check. */
    record HostPhase(long run, String host, Prober.Phase phase) implements Intent {
    }

    /** A progress line of a long-running check (an observed failover, for example). */
    record CheckLine(long run, Text line) implements Intent {
    }

    /** One lesson of a run has been checked. */
    record LessonChecked(long run, String lesson, List<Verdict> verdicts) implements Intent {
    }

    /** A run is over (after its last {@link LessonChecked}). */
    record RunFinished(long run) implements Intent {
    }

    /** A run could not check at all (the lab file does not fit the lesson, ...): one sentence why. */
    record RunFailed(long run, Text reason) implements Intent {
    }

    /** The interfaces carrying each host's address and each host's distribution, as detected on the hosts. */
    record HostsDetected(HostProfiles found) implements Intent {
    }

    /** Something the learner should know (a host key recorded, progress moved aside, saving failed). */
    record Notice(Text text, boolean warning) implements Intent {
    }
}
