package dev.labtutor.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.labtutor.course.Question;
import dev.labtutor.session.Intent;
import dev.labtutor.session.SessionState;
import java.util.List;
import java.util.Optional;

/**
 * Maps a key to what it means here: an intent for the session, a change of the view's own
 * state, or both. Pure. A question being asked, the help and the quiz dialog take the keys
 * first; then {@code c w h s n p r l a ? q}, Esc, Tab, arrows, PgUp/PgDn, Home/End, Enter, Ctrl-L.
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
        KeyType t = k.getKeyType();
        Character c = t == KeyType.Character ? k.getCharacter() : null;
        if (c != null && (c == '\f' || (k.isCtrlDown() && (c == 'l' || c == 'L')))) {
            return new Outcome(ui, Optional.empty(), true);
        }
        if (c != null && k.isCtrlDown() && (c == 'c' || c == 'C')) {
            return Outcome.of(ui, new Intent.Quit());
        }
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
        if (c != null && !k.isCtrlDown() && !k.isAltDown()) {
            switch (c) {
                case 'c': return Outcome.of(ui, new Intent.Check());
                case 'w': return Outcome.of(ui, new Intent.Watch());
                case 'h': return Outcome.of(ui.withLessonScroll(0), new Intent.Hint());
                case 's': return Outcome.of(ui.withLessonScroll(0), new Intent.Solution());
                // another lesson is read from its top: the focus goes back to the lesson pane
                case 'n': return Outcome.of(ui.withFocus(Ui.Focus.LESSON), new Intent.Next());
                case 'p': return Outcome.of(ui.withFocus(Ui.Focus.LESSON), new Intent.Previous());
                case 'r': return Outcome.of(ui, new Intent.RecheckPassed());
                case 'l': return Outcome.of(ui, new Intent.SwitchLanguage());
                case 'q': return Outcome.of(ui, new Intent.Quit());
                case '?': return Outcome.of(ui.withHelp(true));
                case 'a':
                    if (!s.current().quiz().isEmpty()) {
                        return Outcome.of(ui.withQuiz(Optional.of(firstOpen(s))));
                    }
                    return Outcome.of(ui);
                default: return Outcome.of(ui);
            }
        }
        int page = Math.max(1, (ui.focus() == Ui.Focus.RESULTS ? l.resultsRows() : l.lessonRows()) - 1);
        int lessons = s.course().lessons().size();
        switch (t) {
            case Escape: return Outcome.of(ui, new Intent.Cancel());
            case Tab: return Outcome.of(ui.withFocus(Ui.Focus.values()[(ui.focus().ordinal() + 1) % 3]));
            case ReverseTab: return Outcome.of(ui.withFocus(Ui.Focus.values()[(ui.focus().ordinal() + 2) % 3]));
            case Enter:
                if (ui.focus() == Ui.Focus.LIST) {
                    return Outcome.of(ui.withFocus(Ui.Focus.LESSON), new Intent.Open(s.course().lessons().get(ui.cursor()).id()));
                }
                return Outcome.of(ui);
            case ArrowUp: return Outcome.of(move(ui, -1, lessons, l, lessonLines, resultLines));
            case ArrowDown: return Outcome.of(move(ui, 1, lessons, l, lessonLines, resultLines));
            case PageUp: return Outcome.of(move(ui, -page, lessons, l, lessonLines, resultLines));
            case PageDown: return Outcome.of(move(ui, page, lessons, l, lessonLines, resultLines));
            case Home: return Outcome.of(move(ui, -1_000_000, lessons, l, lessonLines, resultLines));
            case End: return Outcome.of(move(ui, 1_000_000, lessons, l, lessonLines, resultLines));
            case ArrowLeft: return Outcome.of(ui.withFocus(Ui.Focus.LIST));
            case ArrowRight: return Outcome.of(ui.focus() == Ui.Focus.LIST ? ui.withFocus(Ui.Focus.LESSON) : ui);
            default: return Outcome.of(ui);
        }
    }

    private static Ui move(Ui ui, int by, int lessons, Layout l, int lessonLines, int resultLines) {
        return switch (ui.focus()) {
            case LIST -> ui.withCursor(clamp(ui.cursor() + by, 0, lessons - 1));
            case LESSON -> ui.withLessonScroll(clamp(ui.lessonScroll() + by, 0, Math.max(0, lessonLines - l.lessonRows())));
            case RESULTS -> ui.withResultsScroll(clamp(ui.resultsScroll() + by, 0, Math.max(0, resultLines - l.resultsRows())));
        };
    }

    private static Outcome quiz(Ui ui, SessionState s, KeyStroke k) {
        List<Question> quiz = s.current().quiz();
        int i = Math.min(ui.quiz().get(), quiz.size() - 1);
        switch (k.getKeyType()) {
            case Escape, Enter: return Outcome.of(ui.withQuiz(Optional.empty()));
            case ArrowLeft, ArrowUp, PageUp, ReverseTab: return Outcome.of(ui.withQuiz(Optional.of(Math.max(0, i - 1))));
            case ArrowRight, ArrowDown, PageDown, Tab: return Outcome.of(ui.withQuiz(Optional.of(Math.min(quiz.size() - 1, i + 1))));
            case Character:
                Question q = quiz.get(i);
                String key = String.valueOf(k.getCharacter());
                if (q.choice(key).isPresent()) {
                    return Outcome.of(ui, new Intent.Answer(q.id(), key));
                }
                return Outcome.of(ui);
            default: return Outcome.of(ui);
        }
    }

    /** The first question not answered right, so the dialog opens where work is left. */
    private static int firstOpen(SessionState s) {
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
