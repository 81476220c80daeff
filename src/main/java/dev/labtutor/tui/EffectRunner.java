package dev.labtutor.tui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a screen's effects off the drawing thread and hands what they report back to it as events, in order, through one
 * queue (the pattern of the session's {@code Driver}, for the screens that are not the tutor). A job is known by the id
 * its screen's state gave it, so the state can cancel it and can tell a late report of a cancelled job from a current
 * one.
 *
 * @param <E> the screen's events
 */
final class EffectRunner<E> implements AutoCloseable {

    /** One effect's work; {@code report} queues an event for the drawing thread, from any thread. */
    @FunctionalInterface
    interface Job<E> {
        void run(Consumer<E> report) throws InterruptedException;
    }

    private final BlockingQueue<E> inbox = new LinkedBlockingQueue<>();
    private final Map<Long, Future<?>> jobs = new ConcurrentHashMap<>();
    private final ExecutorService work;

    EffectRunner(String threadName) {
        work = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues an event; safe from any thread. */
    void post(E event) {
        inbox.add(event);
    }

    /** Starts job {@code id} on a worker thread. */
    void start(long id, Job<E> job) {
        jobs.put(id, work.submit(() -> {
            try {
                job.run(this::post);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                jobs.remove(id);
            }
        }));
    }

    /** Interrupts job {@code id}, if it still runs. */
    void cancel(long id) {
        Future<?> f = jobs.remove(id);
        if (f != null) {
            f.cancel(true);
        }
    }

    /** Waits up to {@code wait} for an event, then takes every queued one; empty when none came. */
    List<E> take(Duration wait) throws InterruptedException {
        List<E> out = new ArrayList<>();
        E first = inbox.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
            out.add(first);
            inbox.drainTo(out);
        }
        return out;
    }

    /**
     * Interrupts every job and waits up to {@code grace} for them to end, so that nothing runs on after the screen has
     * gone; what they reported is still queued for {@link #take}.
     */
    void close(Duration grace) {
        work.shutdownNow();
        jobs.clear();
        try {
            work.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
