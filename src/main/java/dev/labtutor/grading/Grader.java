package dev.labtutor.grading;

import dev.labtutor.check.Binder;
import dev.labtutor.check.BoundCheck;
import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.Evaluator;
import dev.labtutor.check.HostFacts;
import dev.labtutor.check.Plan;
import dev.labtutor.check.Prober;
import dev.labtutor.check.RoundFacts;
import dev.labtutor.check.Supersede;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.RemoteShell;
import dev.labtutor.yaml.Problems;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Grades a class in one round: every student's selected lessons are bound with that student's values, their probes
 * merged into ONE batched script per host (so the verdicts are exactly those of checking each lesson, with one exec per
 * host), and all students' hosts are probed at once, at most {@code parallel} in flight. Each host has its own deadline
 * from the moment it starts, connecting included: a host that does not answer in time is UNREACHABLE and frees its
 * slot, so a dead host never delays the others. A student is evaluated as soon as their last host is in.
 *
 * <p>Each host's shell is closed once its script has run: with a fresh connection per host only the hosts in flight
 * hold one; with a pool (whose shells ignore close) the connections stay for repeated rounds ({@code grade --watch}),
 * so later rounds skip the logins.
 */
public final class Grader implements AutoCloseable {

    /** Follows a round as it goes (progress line, dashboard). Called from worker threads. */
    public interface Listener {
        default void started(int students, int hosts) {
        }

        default void hostDone(Student student, HostRecord host) {
        }

        default void studentDone(StudentGrade grade) {
        }

        static Listener none() {
            return new Listener() {
            };
        }
    }

    /** Time a host's deadline keeps back from its probes: the watchdog's KILL grace and the output's way back. */
    private static final Duration PROBE_MARGIN = Duration.ofSeconds(5);

    /**
     * The default deadline of one host: 20 s, and 2 s more for each graded lesson, since all of a host's lessons run as
     * one batch (a slow lab VM takes tens of seconds for all thirteen).
     */
    public static Duration defaultDeadline(int lessons) {
        return Duration.ofSeconds(Math.min(600, 20 + 2L * Math.max(0, lessons)));
    }

    /**
     * Each probe of a batch may run until the host's deadline, less a margin: the probes run in parallel, so a batch as
     * a whole takes as long as its slowest probe, and a fixed per-probe limit would cut a slow host's batch that the
     * host deadline still allows.
     */
    static Duration perProbe(Duration hostDeadline) {
        Duration d = hostDeadline.minus(PROBE_MARGIN);
        return d.compareTo(hostDeadline.dividedBy(2)) < 0 ? hostDeadline.dividedBy(2) : d;
    }

    private final Course course;
    private final CheckCatalog catalog;
    private final Prober.ShellSource shells;
    private final Prober.LocalProbes local;
    private final Duration timeout;
    private final int parallel;
    private final Redactor redactor;
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "labtutor-grade");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param shells where connections come from (a pool, for repeated rounds)
     * @param timeout each host's deadline, connecting included
     * @param parallel hosts in flight at most
     */
    public Grader(Course course, CheckCatalog catalog, Prober.ShellSource shells, Prober.LocalProbes local,
            Duration timeout, int parallel, Redactor redactor) {
        if (parallel < 1) {
            throw new IllegalArgumentException("parallel must be at least 1");
        }
        this.course = course;
        this.catalog = catalog;
        this.shells = shells;
        this.local = local;
        this.timeout = timeout;
        this.parallel = parallel;
        this.redactor = redactor;
    }

    /** A student's lessons bound to their values, and the one round of probes they need. */
    private record Job(Student student, Map<Lesson, List<BoundCheck>> bound, Plan plan) {
    }

    private record HostRound(HostFacts facts, HostRecord record) {
    }

    /** Grades every student of {@code roster} on {@code lessons}; blocks until the round is done. */
    public ClassGrades grade(Roster roster, List<Lesson> lessons, Path knownHosts, Listener listener)
            throws InterruptedException {
        Instant started = Instant.now();
        List<Job> jobs = roster.students().stream().map(s -> bind(s, lessons)).toList();
        listener.started(jobs.size(),
                jobs.stream().mapToInt(
                        j -> (int) j.plan().probes().keySet().stream().filter(r -> !r.equals(HostFacts.TUTOR)).count())
                        .sum());
        Semaphore slots = new Semaphore(parallel);
        List<CompletableFuture<StudentGrade>> grades = new ArrayList<>();
        try {
            for (Job job : jobs) {
                Map<String, CompletableFuture<HostRound>> hosts = new LinkedHashMap<>();
                for (Map.Entry<String, Set<Probe>> e : job.plan().probes().entrySet()) {
                    if (!e.getKey().equals(HostFacts.TUTOR) && !job.student().lab().hosts().containsKey(e.getKey())) {
                        HostRound none = notInLab(job.student(), e.getKey(), List.copyOf(e.getValue()), lessons);
                        listener.hostDone(job.student(), none.record());
                        hosts.put(e.getKey(), CompletableFuture.completedFuture(none));
                        continue;
                    }
                    slots.acquire();
                    CompletableFuture<HostRound> f = probe(job.student(), e.getKey(), withOs(e.getKey(), e.getValue()));
                    f.whenComplete((r, x) -> slots.release());
                    hosts.put(e.getKey(), f.thenApply(r -> {
                        listener.hostDone(job.student(), r.record());
                        return r;
                    }));
                }
                grades.add(CompletableFuture.allOf(hosts.values().toArray(CompletableFuture[]::new))
                        .thenApply(v -> evaluate(job, roster, hosts)).thenApply(g -> {
                            listener.studentDone(g);
                            return g;
                        }));
            }
            CompletableFuture.allOf(grades.toArray(CompletableFuture[]::new)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("grading failed: " + e.getCause(), e.getCause());
        } finally {
            grades.forEach(g -> g.cancel(true));
        }
        return new ClassGrades(course, lessons, roster.source(), knownHosts, timeout, parallel, started, Instant.now(),
                grades.stream().map(CompletableFuture::join).toList(), roster.warnings(course, lessons));
    }

    /** A lab host's probes in its one round: the lessons' and {@link HostFacts#OS}, which tells its distribution. */
    private static List<Probe> withOs(String role, Set<Probe> probes) {
        Set<Probe> all = new java.util.LinkedHashSet<>(probes);
        if (!role.equals(HostFacts.TUTOR)) {
            all.add(HostFacts.OS);
        }
        return List.copyOf(all);
    }

    /**
     * The student's lessons bound with their values. Each host's family variant is chosen when it is judged, from the
     * OS fact of its round (see {@code FamilySwitch}), so binding needs no distributions.
     */
    private Job bind(Student s, List<Lesson> lessons) {
        Binder binder = new Binder(catalog);
        Bindings b = Bindings.of(course, Optional.of(s.lab()));
        Map<Lesson, List<BoundCheck>> bound = new LinkedHashMap<>();
        List<BoundCheck> all = new ArrayList<>();
        for (Lesson l : lessons) {
            List<BoundCheck> checks = l.checks().stream().map(ref -> binder.bind(ref, b, new Problems())).toList();
            bound.put(l, checks);
            all.addAll(checks);
        }
        return new Job(s, bound, Plan.of(all));
    }

    private StudentGrade evaluate(Job job, Roster roster, Map<String, CompletableFuture<HostRound>> hosts) {
        Map<String, HostFacts> facts = new LinkedHashMap<>();
        List<HostRecord> records = new ArrayList<>();
        hosts.forEach((role, f) -> {
            HostRound r = f.join();
            facts.put(role, r.facts());
            records.add(r.record());
        });
        RoundFacts round = new RoundFacts(facts);
        Map<String, List<dev.labtutor.check.Verdict>> verdicts = new LinkedHashMap<>();
        job.bound().forEach((lesson, checks) -> verdicts.put(lesson.id(),
                checks.stream().map(c -> Evaluator.evaluate(c, round)).toList()));
        Map<String, List<dev.labtutor.check.Verdict>> resolved = Supersede.resolve(course, verdicts);
        List<LessonGrade> lessons = new ArrayList<>();
        job.bound().keySet().forEach(lesson -> lessons.add(new LessonGrade(lesson, resolved.get(lesson.id()).stream()
                .map(v -> new CheckGrade(lesson.id(), redactor.clean(v), roster.pointsOf(v.check()))).toList())));
        return new StudentGrade(job.student(), lessons, records);
    }

    /**
     * A role the graded lessons probe but the student has no host for (a roster that was not checked with
     * {@link Roster#problemsWith}): nothing is contacted, the host is an ERROR that says what is missing, and its
     * checks are ERROR, never FAIL.
     */
    private HostRound notInLab(Student student, String role, List<Probe> probes, List<Lesson> lessons) {
        List<String> needing = lessons.stream().filter(l -> l.checks().stream().anyMatch(c -> c.on().contains(role)))
                .map(Lesson::id).toList();
        String zhNeed = needing.isEmpty() ? "评分的课要用它" : String.join("、", needing) + " 课要用它";
        String enNeed = needing.isEmpty() ? "the graded lessons need it" : "needed by " + String.join(", ", needing);
        HostException e = new HostException(HostException.Kind.NOT_IN_LAB, role,
                Text.of("学生 " + student.id() + " 没有 " + role + " 主机（" + zhNeed + "）；请在 " + student.labSource()
                        + " 中加上它",
                        "student " + student.id() + " has no host for " + role + " (" + enNeed + "); add it to "
                                + student.labSource()));
        HostFacts facts = HostFacts.failed(role, "", e);
        Instant now = Instant.now();
        HostRecord record =
                new HostRecord(role, "", 0, "", HostRecord.State.ERROR, Optional.of(e.text()), Optional.empty(), now,
                        now, Optional.empty(), Optional.empty(), probes.stream().map(Probe::describe).toList());
        return new HostRound(facts, record);
    }

    private CompletableFuture<HostRound> probe(Student student, String role, List<Probe> probes) {
        boolean tutor = role.equals(HostFacts.TUTOR);
        HostSpec spec = tutor ? new HostSpec(role, "127.0.0.1", 22, System.getProperty("user.name", "tutor"),
                Optional.empty(), Optional.empty(), false) : student.lab().hosts().get(role);
        Recorder rec = new Recorder(spec, System.nanoTime() + timeout.toNanos());
        Duration perProbe = perProbe(timeout);
        return CompletableFuture.supplyAsync(() -> {
            try (Prober p = new Prober(s -> rec.wrap(shells.get(s)), local, perProbe, timeout, 1)) {
                return tutor ? p.probeLocally(probes) : p.probeHost(spec, probes);
            } finally {
                rec.closeShell();
            }
        }, workers).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).handle((facts, ex) -> {
            HostFacts f = facts != null ? facts : HostFacts.failed(role, spec.address(), failure(spec, rec, ex));
            return new HostRound(f, rec.record(f, probes));
        });
    }

    private HostException failure(HostSpec spec, Recorder rec, Throwable ex) {
        Throwable cause =
                ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null ? ex.getCause() : ex;
        if (cause instanceof TimeoutException) {
            long s = Math.max(1, timeout.toSeconds());
            String who = spec.display();
            return new HostException(
                    rec.scriptSent() ? HostException.Kind.COMMAND_TIMEOUT : HostException.Kind.CONNECT_TIMEOUT,
                    spec.role(),
                    Text.of(who + " 在 " + s + " 秒内没有完成（包括连接和登录，以及这台主机全部课程的检查）；用 --timeout 秒数 给每台主机更多时间",
                            who + " did not answer within " + s
                                    + " s (connecting, login and the checks of all graded lessons included); "
                                    + "give each host more time with --timeout SECONDS"));
        }
        return new HostException(HostException.Kind.PROTOCOL, spec.role(),
                Text.of(spec.role() + " 探测出错：" + cause, "probing " + spec.role() + " failed: " + cause), cause);
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }

    /**
     * Sees one host's exchange go by: the script sent, the raw result, the host key, the times. The shell it wraps
     * gives a script only the time left before the host's deadline.
     */
    private final class Recorder {
        private final HostSpec spec;
        private final long deadline;
        private final Instant started = Instant.now();
        private volatile String script;
        private volatile ExecResult result;
        private volatile Optional<String> hostKey = Optional.empty();
        private volatile RemoteShell shell;

        Recorder(HostSpec spec, long deadline) {
            this.spec = spec;
            this.deadline = deadline;
        }

        boolean scriptSent() {
            return script != null;
        }

        /** Closes the connection used, which a pool's shells ignore (they stay for the next round). */
        void closeShell() {
            RemoteShell s = shell;
            if (s != null) {
                s.close();
            }
        }

        RemoteShell wrap(RemoteShell shell) {
            this.shell = shell;
            hostKey = shell.hostKey();
            return new RemoteShell() {
                @Override
                public HostSpec host() {
                    return shell.host();
                }

                @Override
                public boolean isOpen() {
                    return shell.isOpen();
                }

                @Override
                public Optional<String> hostKey() {
                    return shell.hostKey();
                }

                @Override
                public ExecResult runScript(String text, Duration limit) throws HostException {
                    script = text;
                    Duration left = Duration.ofNanos(deadline - System.nanoTime());
                    if (left.isNegative() || left.isZero()) {
                        throw new HostException(HostException.Kind.COMMAND_TIMEOUT, spec.role(), Text.of(
                                spec.role() + " 连接用完了全部时间", spec.role() + ": connecting used up the whole deadline"));
                    }
                    ExecResult r = shell.runScript(text, left.compareTo(limit) < 0 ? left : limit);
                    result = r;
                    return r;
                }

                @Override
                public void close() {
                    // the pool owns the connection
                }
            };
        }

        HostRecord record(HostFacts facts, List<Probe> probes) {
            HostRecord.State state = facts.failure()
                    .map(e -> e.kind().unreachable() ? HostRecord.State.UNREACHABLE : HostRecord.State.ERROR)
                    .orElse(HostRecord.State.ANSWERED);
            ExecResult r = result;
            Optional<ExecResult> raw =
                    Optional.ofNullable(r).map(x -> new ExecResult(x.exitStatus(), redactor.clean(x.stdout()),
                            redactor.clean(x.stderr()), x.stdoutTruncated(), x.stderrTruncated(), x.elapsed()));
            return new HostRecord(spec.role(), spec.address(), spec.port(), spec.user(), state,
                    facts.failure().map(e -> redactor.clean(e.text())), hostKey, started, Instant.now(),
                    Optional.ofNullable(script).map(redactor::clean), raw,
                    probes.stream().map(Probe::describe).toList(), facts.distro());
        }
    }
}
