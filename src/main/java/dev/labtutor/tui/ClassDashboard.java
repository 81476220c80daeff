package dev.labtutor.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.DefaultTerminalFactory;
import com.googlecode.lanterna.terminal.Terminal;
import dev.labtutor.grading.ClassGrades;
import dev.labtutor.grading.Grader;
import dev.labtutor.grading.HostRecord;
import dev.labtutor.grading.Student;
import dev.labtutor.grading.StudentGrade;
import dev.labtutor.i18n.Lang;
import dev.labtutor.tui.ClassDashboardState.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code grade --watch}: a full-screen class dashboard for the lab session. Students by lessons, each cell PASS,
 * partial (points/maximum), FAIL, UNREACHABLE or ERROR; a new round every interval (or on {@code r}) runs off the
 * drawing thread, and each finished round rewrites the gradebook, so {@code q} leaves the last complete one. One loop
 * takes keys and the round's reports as events ({@link ClassDashboardState#update}), and draws when what the screen
 * shows changed.
 */
public final class ClassDashboard {

    /** Runs one grading round, reporting progress to the listener. */
    @FunctionalInterface
    public interface Rounds {
        ClassGrades run(Grader.Listener listener) throws InterruptedException;
    }

    /** How long the loop waits for a report before it looks at the keys and the clock again. */
    private static final Duration WAIT = Duration.ofMillis(40);
    /** How long a round may take to end after {@code q}: a gradebook being written is finished, never cut. */
    private static final Duration LAST_ROUND = Duration.ofSeconds(30);

    private final Rounds rounds;
    private final Consumer<ClassGrades> written;
    private final EffectRunner<Event> runner = new EffectRunner<>("labtutor-grade-watch");
    private ClassDashboardState state;
    /** Set by a {@link ClassDashboardState.Effect.Repaint}, cleared when the screen is drawn. */
    private boolean repaint = true;

    private ClassDashboard(ClassDashboardState state, Rounds rounds, Consumer<ClassGrades> written) {
        this.state = state;
        this.rounds = rounds;
        this.written = written;
    }

    /** Takes over the terminal until {@code q}; returns the last finished round. */
    public static ClassGrades runOnTerminal(ClassGrades first, Rounds rounds, Consumer<ClassGrades> written, Path dir,
            Duration interval, Lang lang) throws IOException {
        Terminal terminal = new DefaultTerminalFactory(System.out, System.in, StandardCharsets.UTF_8)
                .setForceTextTerminal(true).createTerminal();
        try (Screen screen = new TerminalScreen(terminal)) {
            return run(screen, first, rounds, written, dir, interval, lang);
        }
    }

    /** The dashboard loop on any screen (a virtual terminal in tests). */
    public static ClassGrades run(Screen screen, ClassGrades first, Rounds rounds, Consumer<ClassGrades> written,
            Path dir, Duration interval, Lang lang) throws IOException {
        return new ClassDashboard(ClassDashboardState.start(first, dir, interval, System.nanoTime()), rounds, written)
                .loop(screen, lang);
    }

    private ClassGrades loop(Screen screen, Lang lang) throws IOException {
        screen.startScreen();
        screen.setCursorPosition(null);
        try {
            List<Line> shown = List.of();
            while (!state.quit()) {
                for (KeyStroke k = screen.pollInput(); k != null && !state.quit(); k = screen.pollInput()) {
                    apply(new Event.Key(k));
                }
                for (Event e : runner.take(state.quit() ? Duration.ZERO : WAIT)) {
                    apply(e);
                }
                apply(new Event.Tick());
                boolean full = screen.doResizeIfNecessary() != null || repaint;
                TerminalSize size = screen.getTerminalSize();
                List<Line> rows = ClassDashboardView.rows(state, size.getColumns(), size.getRows(), lang);
                if (full || !rows.equals(shown)) {
                    ClassDashboardView.draw(new Painter(screen.newTextGraphics(), true), rows, size.getColumns());
                    screen.refresh(full ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
                    shown = rows;
                    repaint = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            runner.close(LAST_ROUND);
            screen.stopScreen();
        }
        return finished();
    }

    private void apply(Event e) {
        ClassDashboardState.Transition t = ClassDashboardState.update(state, e, System.nanoTime());
        state = t.state();
        for (ClassDashboardState.Effect fx : t.effects()) {
            if (fx instanceof ClassDashboardState.Effect.RunRound r) {
                runner.start(r.round(), report -> round(r.round(), rounds, written, report));
            } else if (fx instanceof ClassDashboardState.Effect.Repaint) {
                repaint = true;
            }
        }
    }

    /** The last round graded and written, counting one that ended while the dashboard closed. */
    private ClassGrades finished() {
        try {
            for (Event e : runner.take(Duration.ZERO)) {
                state = ClassDashboardState.update(state, e, System.nanoTime()).state();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return state.last();
    }

    /**
     * One round on a worker thread: grade, then write the gradebook. An interrupted round writes nothing, and a write
     * cut short leaves the previous gradebook whole.
     */
    private static void round(long id, Rounds rounds, Consumer<ClassGrades> written, Consumer<Event> report)
            throws InterruptedException {
        ClassGrades g;
        try {
            g = rounds.run(new Grader.Listener() {
                @Override
                public void hostDone(Student student, HostRecord host) {
                    report.accept(new Event.HostDone(id, host.state() == HostRecord.State.UNREACHABLE));
                }

                @Override
                public void studentDone(StudentGrade grade) {
                    report.accept(new Event.StudentDone(id));
                }
            });
        } catch (RuntimeException e) {
            report.accept(new Event.RoundFailed(id, e.getMessage()));
            return;
        }
        Optional<String> problem = Optional.empty();
        try {
            written.accept(g);
        } catch (RuntimeException e) {
            problem = Optional.of(String.valueOf(e.getMessage()));
        }
        report.accept(new Event.RoundDone(id, g, LocalTime.now(), problem));
    }
}
