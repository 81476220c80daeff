package dev.labtutor.app;

import dev.labtutor.grading.Grader;
import dev.labtutor.grading.HostRecord;
import dev.labtutor.grading.Student;
import dev.labtutor.grading.StudentGrade;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live progress line of {@code grade} on stderr: students done / total, hosts done, unreachable and in error (e.g.
 * a changed host key) so far, elapsed time. On a terminal it is redrawn in place every half second; in a log (not a
 * terminal) a line is written every few seconds while something changed. Prompts for secrets {@link #pause()} it so
 * that they are not overwritten.
 */
public final class GradeProgress implements Grader.Listener, AutoCloseable {

    private final PrintWriter err;
    private final boolean tty;
    private final long start = System.nanoTime();
    private final AtomicInteger students = new AtomicInteger();
    private final AtomicInteger hosts = new AtomicInteger();
    private final AtomicInteger studentsDone = new AtomicInteger();
    private final AtomicInteger hostsDone = new AtomicInteger();
    private final AtomicInteger unreachable = new AtomicInteger();
    private final AtomicInteger errors = new AtomicInteger();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "labtutor-grade-progress");
        t.setDaemon(true);
        return t;
    });
    private String lastLogged = "";
    private long lastLogNanos;
    /** Drawn while ticking; not while a prompt asks for a secret; never again once closed. */
    private Phase phase = Phase.TICKING;

    private enum Phase {
        TICKING, PAUSED, CLOSED
    }

    public GradeProgress(PrintWriter err, boolean tty) {
        this.err = err;
        this.tty = tty;
        ticker.scheduleAtFixedRate(this::tick, tty ? 500 : 1000, tty ? 500 : 1000, TimeUnit.MILLISECONDS);
    }

    @Override
    public void started(int studentCount, int hostCount) {
        students.set(studentCount);
        hosts.set(hostCount);
    }

    @Override
    public void hostDone(Student student, HostRecord host) {
        if (host.isTutor()) {
            return;
        }
        hostsDone.incrementAndGet();
        if (host.state() == HostRecord.State.UNREACHABLE) {
            unreachable.incrementAndGet();
        } else if (host.state() == HostRecord.State.ERROR) {
            errors.incrementAndGet();
        }
    }

    @Override
    public void studentDone(StudentGrade grade) {
        studentsDone.incrementAndGet();
    }

    public String line() {
        long ms = (System.nanoTime() - start) / 1_000_000;
        return String.format(Locale.ROOT,
                "grading: %d/%d students · %d/%d hosts · %d unreachable · %d error · %d:%02d.%d", studentsDone.get(),
                students.get(), hostsDone.get(), hosts.get(), unreachable.get(), errors.get(), ms / 60_000,
                ms / 1000 % 60, ms / 100 % 10);
    }

    private synchronized void tick() {
        if (phase != Phase.TICKING) {
            return;
        }
        String l = line();
        if (tty) {
            err.print("\r\u001b[K" + l);
            err.flush();
            return;
        }
        String counts = l.substring(0, l.lastIndexOf('·'));
        long now = System.nanoTime();
        if (!counts.equals(lastLogged) && now - lastLogNanos >= TimeUnit.SECONDS.toNanos(5)) {
            err.println("labtutor: " + l);
            err.flush();
            lastLogged = counts;
            lastLogNanos = now;
        }
    }

    public synchronized void pause() {
        if (phase == Phase.TICKING) {
            phase = Phase.PAUSED;
        }
        if (tty) {
            err.print("\r\u001b[K");
            err.flush();
        }
    }

    public synchronized void resume() {
        if (phase == Phase.PAUSED) {
            phase = Phase.TICKING;
        }
    }

    /** Stops the ticker and leaves the final line. */
    @Override
    public synchronized void close() {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        ticker.shutdownNow();
        err.println((tty ? "\r\u001b[K" : "labtutor: ") + line());
        err.flush();
    }
}
