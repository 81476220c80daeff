package dev.labtutor.session;

import dev.labtutor.check.Prober;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Set;

/**
 * The session's port to the learner's lab: check a lesson, find the hosts' interfaces. The live one goes over SSH
 * ({@link LiveChecker}); tests pass a fake. Calls block and are run off the drawing thread by {@link Driver};
 * interrupting the calling thread must stop the work.
 */
public interface Checker {

    /** Hears a check as it goes: each host's phase, and the progress lines of long-running checks. */
    interface Listener {
        void phase(String host, Prober.Phase phase);

        void line(Text line);
    }

    /** The lesson cannot be checked on this lab at all (a role it needs is missing, ...). */
    final class Refused extends dev.labtutor.i18n.TextException {
        public Refused(Text reason) {
            super(reason);
        }
    }

    /** One check of the lesson as its hosts are now ({@code c}). */
    List<Verdict> check(Lesson lesson, Listener listener) throws Refused, InterruptedException;

    /**
     * A round of watching ({@code w}): as {@link #check}, except that a lesson observed over time (a failover) is
     * observed while the learner acts, for up to {@link LiveChecker#OBSERVE_WINDOW}.
     */
    default List<Verdict> watch(Lesson lesson, Listener listener) throws Refused, InterruptedException {
        return check(lesson, listener);
    }

    /**
     * One round on the hosts of {@code roles}: the interface carrying each host's address and its distribution, for the
     * hosts that answered.
     */
    HostProfiles detectHosts(Set<String> roles) throws InterruptedException;
}
