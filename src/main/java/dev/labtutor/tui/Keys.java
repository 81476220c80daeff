package dev.labtutor.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.labtutor.course.Question;
import dev.labtutor.session.Intent;
import dev.labtutor.session.SessionState;
import java.util.List;
import java.util.Optional;

/**
 * Maps a key to what it means here: an intent for the session, a change of the view's own state, or both. Pure. The
 * keys that act everywhere (Ctrl-L, Ctrl-C) come first, then a question being asked, the help and the quiz dialog take
 * the keys; otherwise the {@link Keymap} says what a key does, and a key it does not list does nothing.
 */
final class Keys {

    /** What a key did. {@code redraw} asks for a full repaint (Ctrl-L). */
    record Outcome(Ui ui, Optional<Intent> intent, boolean redraw) {
        static Outcome of(Ui ui) {
            return new Outcome(ui, Optional.empty(), false);
        }

        static Outcome of(Ui ui, Intent i) {
            return new Outcome(ui, Optional.of(i), false);
        }
    }

    private Keys() {
    }

    static Outcome handle(Ui ui, SessionState s, KeyStroke k, Layout l, int lessonLines, int resultLines) {
        Keymap.Pane pane = new Keymap.Pane(l, lessonLines, resultLines);
        Optional<Keymap.Binding> always = Keymap.binding(k, true);
        if (always.isPresent()) {
            return always.get().action().on(ui, s, pane);
        }
        KeyType t = k.getKeyType();
        Character c = t == KeyType.Character ? k.getCharacter() : null;
        if (t == KeyType.EOF) {
            return Outcome.of(ui, new Intent.Confirm(true));
        }
        if (s.ask() != SessionState.Ask.NONE) {
            if (c != null && (c == 'y' || c == 'Y')) {
                return Outcome.of(ui, new Intent.Confirm(true));
            }
            if ((c != null && (c == 'n' || c == 'N')) || t == KeyType.Escape || t == KeyType.Enter) {
                return Outcome.of(ui, new Intent.Confirm(false));
            }
            return Outcome.of(ui);
        }
        if (ui.help()) {
            return Outcome.of(ui.withHelp(false));
        }
        if (ui.quiz().isPresent()) {
            return quiz(ui, s, k);
        }
        return Keymap.binding(k, false).map(b -> b.action().on(ui, s, pane)).orElse(Outcome.of(ui));
    }

    /** How far PgUp and PgDn move in the pane with the focus: its height less one line. */
    static int page(Ui ui, Keymap.Pane p) {
        return Math.max(1, (ui.focus() == Ui.Focus.RESULTS ? p.layout().resultsRows() : p.layout().lessonRows()) - 1);
    }

    /** Moves the cursor in the lesson list, or scrolls the lesson or the results, whichever has the focus. */
    static Ui move(Ui ui, int by, SessionState s, Keymap.Pane p) {
        Layout l = p.layout();
        return switch (ui.focus()) {
            case LIST -> ui.withCursor(clamp(ui.cursor() + by, 0, s.course().lessons().size() - 1));
            case LESSON ->
                ui.withLessonScroll(clamp(ui.lessonScroll() + by, 0, Math.max(0, p.lessonLines() - l.lessonRows())));
            case RESULTS ->
                ui.withResultsScroll(clamp(ui.resultsScroll() + by, 0, Math.max(0, p.resultLines() - l.resultsRows())));
        };
    }

    private static Outcome quiz(Ui ui, SessionState s, KeyStroke k) {
        List<Question> quiz = s.current().quiz();
        int i = Math.min(ui.quiz().get(), quiz.size() - 1);
        switch (k.getKeyType()) {
            case Escape, Enter :
                return Outcome.of(ui.withQuiz(Optional.empty()));
            case ArrowLeft, ArrowUp, PageUp, ReverseTab :
                return Outcome.of(ui.withQuiz(Optional.of(Math.max(0, i - 1))));
            case ArrowRight, ArrowDown, PageDown, Tab :
                return Outcome.of(ui.withQuiz(Optional.of(Math.min(quiz.size() - 1, i + 1))));
            case Character :
                Question q = quiz.get(i);
                String key = String.valueOf(k.getCharacter());
                if (q.choice(key).isPresent()) {
                    return Outcome.of(ui, new Intent.Answer(q.id(), key));
                }
                return Outcome.of(ui);
            default :
                return Outcome.of(ui);
        }
    }

    /** The first question not answered right, so the dialog opens where work is left. */
    static int firstOpen(SessionState s) {
        List<Question> quiz = s.current().quiz();
        var answers = s.record(s.current().id()).answers();
        for (int i = 0; i < quiz.size(); i++) {
            String a = answers.get(quiz.get(i).id());
            if (a == null || quiz.get(i).choice(a).map(ch -> !ch.correct()).orElse(true)) {
                return i;
            }
        }
        return 0;
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
