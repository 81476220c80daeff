package dev.labtutor.session;

import dev.labtutor.check.Binder;
import dev.labtutor.check.BoundCheck;
import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.CheckRun;
import dev.labtutor.check.HostFacts;
import dev.labtutor.check.Prober;
import dev.labtutor.check.Verdict;
import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Solution;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.yaml.Problems;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A course bound to one live lab: checks a lesson, detects the hosts' interfaces and distributions, applies a lesson's
 * solution. Shared by {@code check}, {@code sandbox solve} and {@code dev check}. The first round on a host asks its
 * distribution ({@link HostFacts#OS}): solutions are rendered in its family's terms, and checks judge each host by its
 * family's variant from the OS fact of their own round.
 */
public final class LessonLab {

    private final Course course;
    private final CheckCatalog catalog;
    private final LabFile lab;
    private final Prober prober;
    private final Prober.ShellSource shells;
    private final Set<String> asked = new java.util.HashSet<>();
    private volatile HostProfiles known = HostProfiles.NONE;

    public LessonLab(Course course, CheckCatalog catalog, LabFile lab, Prober prober, Prober.ShellSource shells) {
        this.course = course;
        this.catalog = catalog;
        this.lab = lab;
        this.prober = prober;
        this.shells = shells;
    }

    public List<BoundCheck> bind(Lesson lesson) {
        Binder binder = new Binder(catalog);
        Bindings b = Bindings.of(course, Optional.of(lab));
        Problems p = new Problems();
        return lesson.checks().stream().map(ref -> binder.bind(ref, b, p)).toList();
    }

    public List<Verdict> check(Lesson lesson, Duration wait) {
        return check(lesson, wait, Prober.Listener.NONE, CheckRun.Rounds.NONE, ObservationListener.NONE);
    }

    /**
     * Checks a lesson; its observation checks (a failover watched over time) are observed for up to {@code wait} while
     * the learner acts, reporting each sample and transition to {@code listener} as it happens.
     */
    public List<Verdict> check(Lesson lesson, Duration wait, ObservationListener listener) {
        return check(lesson, wait, Prober.Listener.NONE, CheckRun.Rounds.NONE, listener);
    }

    /**
     * As {@link #check(Lesson, Duration)}, telling {@code phases} each host's phase, {@code rounds} each wait and
     * {@code observing} each sample and transition of the observed checks.
     */
    public List<Verdict> check(Lesson lesson, Duration wait, Prober.Listener phases, CheckRun.Rounds rounds,
            ObservationListener observing) {
        return new CheckRun(prober, lab.hosts(), d -> Thread.sleep(d.toMillis())).run(bind(lesson), wait,
                Duration.ofSeconds(2), phases, rounds, observing);
    }

    /** True when the lesson has checks observed over time, which pass only with a wait window. */
    public boolean observes(Lesson lesson) {
        return CheckRun.observes(bind(lesson));
    }

    /** Why this lab cannot be used for {@code lesson}: unknown variables or roles, roles it needs but lacks. */
    public List<dev.labtutor.yaml.Problem> problems(Lesson lesson) {
        Set<String> roles = new LinkedHashSet<>();
        lesson.checks().forEach(ref -> roles.addAll(ref.roles()));
        return Bindings.of(course, Optional.of(lab)).labProblems(new java.util.ArrayList<>(roles));
    }

    public LabFile lab() {
        return lab;
    }

    /**
     * One round on {@code roles}' hosts asking their addresses and {@link HostFacts#OS}: the interface carrying each
     * host's address and its distribution, for the hosts that answered. Kept for {@link #profiles} and solutions.
     */
    public HostProfiles detectHosts(Set<String> roles) {
        Map<String, Set<Probe>> plan = new LinkedHashMap<>();
        roles.stream().filter(lab.hosts()::containsKey)
                .forEach(r -> plan.put(r, Set.of(Probe.of(Probe.Kind.ADDRESSES), HostFacts.OS)));
        if (plan.isEmpty()) {
            return HostProfiles.NONE;
        }
        HostProfiles found = HostProfiles.of(prober.probe(plan, lab.hosts()), plan.keySet());
        synchronized (this) {
            asked.addAll(plan.keySet());
            known = known.with(found);
        }
        return found;
    }

    /**
     * What is known of {@code roles}' hosts, asking in one round the hosts not asked yet in this lab session.
     */
    public HostProfiles profiles(Set<String> roles) {
        Set<String> missing = new LinkedHashSet<>(roles);
        synchronized (this) {
            missing.removeAll(asked);
        }
        if (!missing.isEmpty()) {
            detectHosts(missing);
        }
        return known;
    }

    /** Renders the lesson's solve section with this lab's values (interfaces detected) and applies it. */
    public void solve(Lesson lesson, Duration perScript, Consumer<String> progress) throws Solver.SolveFailed {
        Set<String> roles = new LinkedHashSet<>(lesson.roles());
        lesson.solve().forEach(a -> roles.add(a.on()));
        detectHosts(roles);
        HostProfiles found = known;
        Bindings b = Bindings.of(course, Optional.of(lab)).withIfaces(found.ifaces()).withDistros(found.distros());
        Map<String, HostSpec> hosts = lab.hosts();
        new Solver(shells, hosts, perScript).apply(Solution.render(lesson, b), progress);
    }
}
