package dev.labtutor.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.labtutor.grading.ClassGrades;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the class dashboard shows, and {@link #update}: a pure function from the state and one event (a key, a tick of
 * the clock, a report of the grading round) to the next state and the effects to run. Times are {@link System#nanoTime}
 * values, passed in.
 *
 * @param last the last finished round, the one on screen
 * @param running the round being graded, if one is
 * @param nextRound when the next round starts by itself
 * @param again {@code r} was pressed during a round: the next one starts as soon as it ends
 * @param note the line under the progress: where the gradebook is, or what went wrong
 * @param scroll the first student row shown
 * @param lessonScroll the first lesson column shown when the lessons are wider than the screen
 * @param rounds how many rounds were started (the next round's id)
 */
record ClassDashboardState(ClassGrades last, Path dir, Duration interval, Optional<Round> running, long now,
        long nextRound, boolean again, String note, int scroll, int lessonScroll, long rounds, boolean quit) {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** A round under way: students graded of {@code total}, hosts found unreachable, since {@code started}. */
    record Round(long id, long started, int done, int total, int unreachable) {
    }

    sealed interface Event {
        record Key(KeyStroke key) implements Event {
        }

        /** Time passed (the elapsed time and the countdown on screen, the next round due). */
        record Tick() implements Event {
        }

        record HostDone(long round, boolean unreachable) implements Event {
        }

        record StudentDone(long round) implements Event {
        }

        /**
         * Round {@code round} is graded; the gradebook was written at {@code written}, or not, for
         * {@code writeProblem}.
         */
        record RoundDone(long round, ClassGrades grades, LocalTime written,
                Optional<String> writeProblem) implements Event {
        }

        record RoundFailed(long round, String message) implements Event {
        }
    }

    sealed interface Effect {
        /** Grade the class once, then write the gradebook, reporting as round {@code round}. */
        record RunRound(long round) implements Effect {
        }

        /** Draw the whole screen anew (Ctrl-L). */
        record Repaint() implements Effect {
        }
    }

    record Transition(ClassDashboardState state, List<Effect> effects) {
        Transition {
            effects = List.copyOf(effects);
        }
    }

    /**
     * The dashboard after the first round (graded before it opens); the next one is due an interval from {@code now}.
     */
    static ClassDashboardState start(ClassGrades first, Path dir, Duration interval, long now) {
        return new ClassDashboardState(first, dir, interval, Optional.empty(), now, now + interval.toNanos(), false,
                "gradebook: " + dir.toAbsolutePath().normalize(), 0, 0, 0, false);
    }

    static Transition update(ClassDashboardState s, Event e, long now) {
        List<Effect> fx = new ArrayList<>();
        ClassDashboardState next = s.at(now).apply(e, fx);
        if (!next.quit && next.running.isEmpty() && (next.again || now - next.nextRound >= 0)) {
            next = next.startRound(fx);
        }
        return new Transition(next, fx);
    }

    private ClassDashboardState apply(Event e, List<Effect> fx) {
        if (e instanceof Event.Key k) {
            return key(k.key(), fx);
        } else if (e instanceof Event.HostDone h) {
            return ours(h.round()) && h.unreachable() ? withRound(running.get().unreachable() + 1, running.get().done())
                    : this;
        } else if (e instanceof Event.StudentDone d) {
            return ours(d.round()) ? withRound(running.get().unreachable(), running.get().done() + 1) : this;
        } else if (e instanceof Event.RoundDone d) {
            if (!ours(d.round())) {
                return this;
            }
            String n = d.writeProblem().map(p -> "could not write the gradebook: " + p).orElse(
                    "gradebook: " + dir.toAbsolutePath().normalize() + " (written " + d.written().format(CLOCK) + ")");
            return new ClassDashboardState(d.grades(), dir, interval, Optional.empty(), now, now + interval.toNanos(),
                    again, n, scroll, lessonScroll, rounds, quit);
        } else if (e instanceof Event.RoundFailed f) {
            return ours(f.round()) ? new ClassDashboardState(last, dir, interval, Optional.empty(), now,
                    now + interval.toNanos(), again, "round failed: " + f.message(), scroll, lessonScroll, rounds, quit)
                    : this;
        }
        return this;
    }

    private ClassDashboardState key(KeyStroke k, List<Effect> fx) {
        if (quits(k)) {
            return new ClassDashboardState(last, dir, interval, running, now, nextRound, again, note, scroll,
                    lessonScroll, rounds, true);
        }
        return switch (k.getKeyType()) {
            case ArrowDown -> scrolled(scroll + 1, lessonScroll);
            case ArrowUp -> scrolled(Math.max(0, scroll - 1), lessonScroll);
            case PageDown -> scrolled(scroll + 10, lessonScroll);
            case PageUp -> scrolled(Math.max(0, scroll - 10), lessonScroll);
            case Home -> scrolled(0, lessonScroll);
            case ArrowRight -> scrolled(scroll, Math.min(lessonScroll + 1, Math.max(0, last.lessons().size() - 1)));
            case ArrowLeft -> scrolled(scroll, Math.max(0, lessonScroll - 1));
            case Character -> {
                if (k.getCharacter() == 'r' && !k.isCtrlDown()) {
                    yield new ClassDashboardState(last, dir, interval, running, now, nextRound, true, note, scroll,
                            lessonScroll, rounds, quit);
                }
                if (k.getCharacter() == 'l' && k.isCtrlDown()) {
                    fx.add(new Effect.Repaint());
                }
                yield this;
            }
            default -> this;
        };
    }

    private static boolean quits(KeyStroke k) {
        return k.getKeyType() == KeyType.EOF || k.getKeyType() == KeyType.Escape || (k.getKeyType() == KeyType.Character
                && (k.getCharacter() == 'q' || k.getCharacter() == 'Q') && !k.isCtrlDown());
    }

    private ClassDashboardState startRound(List<Effect> fx) {
        long id = rounds + 1;
        fx.add(new Effect.RunRound(id));
        return new ClassDashboardState(last, dir, interval,
                Optional.of(new Round(id, now, 0, last.students().size(), 0)), now, nextRound, false, note, scroll,
                lessonScroll, id, quit);
    }

    private boolean ours(long round) {
        return running.map(r -> r.id() == round).orElse(false);
    }

    private ClassDashboardState withRound(int unreachable, int done) {
        Round r = running.get();
        return new ClassDashboardState(last, dir, interval,
                Optional.of(new Round(r.id(), r.started(), done, r.total(), unreachable)), now, nextRound, again, note,
                scroll, lessonScroll, rounds, quit);
    }

    private ClassDashboardState scrolled(int rows, int lessons) {
        return new ClassDashboardState(last, dir, interval, running, now, nextRound, again, note, rows, lessons, rounds,
                quit);
    }

    private ClassDashboardState at(long t) {
        return new ClassDashboardState(last, dir, interval, running, t, nextRound, again, note, scroll, lessonScroll,
                rounds, quit);
    }
}
