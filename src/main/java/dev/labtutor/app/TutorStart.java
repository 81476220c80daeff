package dev.labtutor.app;

import com.googlecode.lanterna.terminal.Terminal;
import dev.labtutor.tui.TutorApp;
import dev.labtutor.tui.TutorTerminal;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;

/**
 * The tutor's start: whether it runs on a terminal, and the jobs that run beside the reading of the course (the
 * terminal's stty run, the screen's first-time work) so that all stand before the first screen.
 */
public final class TutorStart {

    private TutorStart() {
    }

    /**
     * Whether standard input and output are both a terminal ({@code System.console() != null}). The launcher tells it
     * in the {@code labtutor.tty} property ({@code yes} or {@code no}), known there from a shell test; asking
     * {@link System#console()} first loads and links its classes, ~12 ms before the first screen.
     */
    public static boolean onTerminal() {
        String told = System.getProperty("labtutor.tty");
        return told == null ? System.console() != null : told.equals("yes");
    }

    /*
     * The two jobs that run beside the course reading are named classes on plain threads, not
     * lambdas on the common pool: a lambda the CDS training run never created is spun at run
     * time, and starting the fork-join pool is work of its own; on the path to the first screen
     * each cost milliseconds.
     */

    /** Runs {@code job} on a new daemon thread, then {@code after} on the same thread (when not null). */
    public static <T> FutureTask<T> inBackground(Callable<T> job, Runnable after, String name) {
        FutureTask<T> task = new FutureTask<>(job);
        Thread t = new Thread(after == null ? task : new Then(task, after), name);
        t.setDaemon(true);
        t.start();
        return task;
    }

    /** One job, then another on the same thread. */
    private record Then(Runnable first, Runnable after) implements Runnable {
        @Override
        public void run() {
            first.run();
            after.run();
        }
    }

    /** Opens the tutor's terminal (one stty run). */
    public static final class OpenTerminal implements Callable<TutorTerminal> {
        @Override
        public TutorTerminal call() throws java.io.IOException {
            return TutorTerminal.open();
        }
    }

    /**
     * The screen's own slow first-time work ({@link TutorApp#prepare()}), run on the terminal's thread once the
     * terminal is handed over; nobody waits for it, and the first paint finds it done (or waits on the class
     * initialisation it is in the middle of).
     */
    public static final class Prepare implements Runnable {
        @Override
        public void run() {
            try {
                TutorApp.prepare();
            } catch (RuntimeException | LinkageError e) {
                // not printed (the screen is about to start); the first paint meets the same problem and reports it
            }
        }
    }

    /**
     * The value of {@code f}, or what it threw (an unchecked exception stays one, e.g. the command's UserError; an I/O
     * error stays one).
     */
    public static <T> T joined(FutureTask<T> f) throws java.io.IOException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof java.io.IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while starting");
        }
    }

    public static void closeQuietly(Terminal t) {
        try {
            t.close();
        } catch (java.io.IOException e) {
            // the error that stopped the tutor is the one to report
        }
    }
}
