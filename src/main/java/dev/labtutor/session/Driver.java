package dev.labtutor.session;

import dev.labtutor.check.Prober;
import dev.labtutor.check.Supersede;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.Progress;
import dev.labtutor.progress.ProgressStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs a {@link Session}: holds the state, applies intents one at a time on the thread that calls {@link #dispatch} /
 * {@link #pump} (the drawing thread of a view), and runs the effects elsewhere: checks on worker threads (cancelled for
 * real by interrupting them), progress writes on one writer thread where only the latest snapshot matters. Effects
 * report back with {@link #post}, from any thread.
 */
public final class Driver implements AutoCloseable {

    private final Session session;
    private final Checker checker;
    private final ProgressStore store;
    private final Clock clock;
    private final Consumer<String> log;
    private final BlockingQueue<Intent> inbox = new LinkedBlockingQueue<>();
    private final ExecutorService work = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "labtutor-session");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, Future<?>> runs = new ConcurrentHashMap<>();
    private final Writer writer = new Writer();
    private volatile SessionState state;
    private volatile boolean exited;

    /**
     * @param progressExisted whether the progress came from a file (else the first state is written at once)
     * @param log receives one line per internal problem (the views keep it off the screen)
     */
    public Driver(Session session, SessionState initial, boolean progressExisted, Checker checker, ProgressStore store,
            Clock clock, Consumer<String> log) {
        this(session, initial, progressExisted, true, checker, store, clock, log);
    }

    /** As above; {@code lookAtHosts} false to skip detecting the hosts' interfaces (one-shot commands). */
    public Driver(Session session, SessionState initial, boolean progressExisted, boolean lookAtHosts, Checker checker,
            ProgressStore store, Clock clock, Consumer<String> log) {
        this.session = session;
        this.checker = checker;
        this.store = store;
        this.clock = clock;
        this.log = log;
        Session.Transition t =
                session.begin(initial.at(clock.instant(), clock.instant()), progressExisted, lookAtHosts);
        state = t.state();
        run(t.effects());
    }

    public SessionState state() {
        return state;
    }

    public boolean exited() {
        return exited;
    }

    /** Queues an intent; safe from any thread. */
    public void post(Intent intent) {
        inbox.add(intent);
    }

    /** Applies {@code intent} now (call from the driving thread only). */
    public SessionState dispatch(Intent intent) {
        Session.Transition t = session.update(state, intent, clock.instant());
        state = t.state();
        run(t.effects());
        return state;
    }

    /**
     * Waits up to {@code wait} for a queued intent, then applies every queued one; with none, a {@link Intent.Tick}.
     * True when the state changed.
     */
    public boolean pump(Duration wait) throws InterruptedException {
        SessionState before = state;
        Intent first = inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            dispatch(new Intent.Tick());
        } else {
            dispatch(first);
            for (Intent next; (next = inbox.poll()) != null;) {
                dispatch(next);
            }
        }
        SessionState now = state;
        boolean timeShown = now.busy() || now.watching().isPresent();
        return timeShown ? !now.equals(before) : !now.equals(before.at(now.now(), now.lastActive()));
    }

    /**
     * Waits up to {@code wait} for one queued intent and applies it (a {@link Intent.Tick} when none came): for views
     * that report each change.
     */
    public void step(Duration wait) throws InterruptedException {
        Intent next = inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        dispatch(next == null ? new Intent.Tick() : next);
    }

    /** Pumps until no check is running (the {@code check} command's loop). */
    public void awaitIdle() throws InterruptedException {
        while (state.busy() || !inbox.isEmpty()) {
            pump(Duration.ofMillis(100));
        }
    }

    private void run(List<Effect> effects) {
        for (Effect e : effects) {
            if (e instanceof Effect.RunCheck rc) {
                runs.put(rc.run(), work.submit(() -> check(rc)));
            } else if (e instanceof Effect.CancelRun cr) {
                Future<?> f = runs.remove(cr.run());
                if (f != null) {
                    f.cancel(true);
                }
            } else if (e instanceof Effect.Save s) {
                writer.save(s.progress());
            } else if (e instanceof Effect.DetectHosts d) {
                work.submit(() -> detect(d));
            } else if (e instanceof Effect.Exit) {
                exited = true;
            }
        }
    }

    private void check(Effect.RunCheck rc) {
        long run = rc.run();
        Checker.Listener listener = new Checker.Listener() {
            @Override
            public void phase(String host, Prober.Phase phase) {
                post(new Intent.HostPhase(run, host, phase));
            }

            @Override
            public void line(Text line) {
                post(new Intent.CheckLine(run, line));
            }
        };
        try {
            // Lessons judged together (a re-check): a check superseded by a later lesson of the
            // run is reported once that lesson is in, judged with it (Supersede).
            Map<String, List<Verdict>> done = new LinkedHashMap<>();
            List<String> held = new ArrayList<>();
            for (String id : rc.lessons()) {
                Lesson lesson = state.course().lesson(id).orElseThrow();
                List<Verdict> verdicts = rc.watch() ? checker.watch(lesson, listener) : checker.check(lesson, listener);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                done.put(id, verdicts);
                held.add(id);
                Map<String, List<Verdict>> resolved = Supersede.resolve(state.course(), done);
                for (java.util.Iterator<String> it = held.iterator(); it.hasNext();) {
                    String h = it.next();
                    if (!waitsForLaterLesson(state.course().lesson(h).orElseThrow(), rc.lessons(), done.keySet())) {
                        post(new Intent.LessonChecked(run, h, resolved.get(h)));
                        it.remove();
                    }
                }
            }
            post(new Intent.RunFinished(run));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Checker.Refused e) {
            post(new Intent.RunFailed(run, e.reason()));
        } catch (RuntimeException e) {
            log.accept("check run " + run + " failed: " + stack(e));
            post(new Intent.RunFailed(run, Text.of("内部错误：" + e, "internal error: " + e + " (details in the log)")));
        } finally {
            runs.remove(run);
        }
    }

    /** True when a check of {@code lesson} is superseded by a lesson of this run not yet checked. */
    private static boolean waitsForLaterLesson(Lesson lesson, List<String> run, java.util.Set<String> done) {
        return lesson.checks().stream().map(CheckRef::supersededBy).flatMap(Optional::stream)
                .anyMatch(by -> run.contains(by) && !done.contains(by));
    }

    private void detect(Effect.DetectHosts d) {
        try {
            HostProfiles found = checker.detectHosts(d.roles());
            if (!found.isEmpty()) {
                post(new Intent.HostsDetected(found));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.accept("host detection failed: " + stack(e));
        }
    }

    private static String stack(Throwable e) {
        java.io.StringWriter sw = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(sw));
        return sw.toString();
    }

    /** Cancels running checks and writes the last progress before returning. */
    @Override
    public void close() {
        new ArrayList<>(runs.values()).forEach(f -> f.cancel(true));
        runs.clear();
        writer.flush();
        work.shutdownNow();
    }

    /** Writes progress snapshots in order on one thread; a snapshot superseded before it is written is skipped. */
    private final class Writer {
        private final AtomicReference<Progress> pending = new AtomicReference<>();
        private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "labtutor-progress");
            t.setDaemon(true);
            return t;
        });
        private String lastError = "";

        void save(Progress p) {
            if (pending.getAndSet(p) == null) {
                thread.submit(this::drain);
            }
        }

        private void drain() {
            Progress p = pending.getAndSet(null);
            if (p == null) {
                return;
            }
            try {
                store.save(p);
                lastError = "";
            } catch (IOException | RuntimeException e) {
                log.accept("saving progress failed: " + e);
                if (!e.toString().equals(lastError)) {
                    lastError = e.toString();
                    post(new Intent.Notice(
                            Text.of("进度无法保存：" + e.getMessage(), "progress could not be saved: " + e.getMessage()),
                            true));
                }
            }
        }

        void flush() {
            thread.submit(this::drain);
            thread.shutdown();
            try {
                if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                    log.accept("progress writer did not finish within 10 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
