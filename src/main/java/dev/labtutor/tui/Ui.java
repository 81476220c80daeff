package dev.labtutor.tui;

import java.util.Optional;

/**
 * What only the full-screen view needs on top of the session: which pane has the focus, the list cursor, scroll
 * positions, the help and quiz overlays.
 *
 * @param quiz the index of the quiz question shown, when the quiz dialog is open
 * @param follow the lesson and step the lesson pane last scrolled to (it scrolls again when they change)
 */
record Ui(Focus focus, int cursor, int lessonScroll, int resultsScroll, boolean help, Optional<Integer> quiz,
        String follow, long resultsFor) {

    enum Focus {
        LIST, LESSON, RESULTS
    }

    static Ui start() {
        return new Ui(Focus.LESSON, 0, 0, 0, false, Optional.empty(), "", -1);
    }

    Ui withFocus(Focus f) {
        return new Ui(f, cursor, lessonScroll, resultsScroll, help, quiz, follow, resultsFor);
    }

    Ui withCursor(int c) {
        return new Ui(focus, c, lessonScroll, resultsScroll, help, quiz, follow, resultsFor);
    }

    Ui withLessonScroll(int s) {
        return new Ui(focus, cursor, Math.max(0, s), resultsScroll, help, quiz, follow, resultsFor);
    }

    Ui withResultsScroll(int s) {
        return new Ui(focus, cursor, lessonScroll, Math.max(0, s), help, quiz, follow, resultsFor);
    }

    Ui withHelp(boolean h) {
        return new Ui(focus, cursor, lessonScroll, resultsScroll, h, quiz, follow, resultsFor);
    }

    Ui withQuiz(Optional<Integer> q) {
        return new Ui(focus, cursor, lessonScroll, resultsScroll, help, q, follow, resultsFor);
    }

    Ui following(String f, int scroll) {
        return new Ui(focus, cursor, Math.max(0, scroll), resultsScroll, help, quiz, f, resultsFor);
    }

    /**
     * The scroll positions within what there is to show now: after the content got shorter (the other language, a wider
     * window, fewer results), the last page is full again instead of trailing blank rows.
     */
    Ui clamped(int lessonLines, int resultLines, Layout l) {
        int lesson = Math.min(lessonScroll, Math.max(0, lessonLines - l.lessonRows()));
        int results = Math.min(resultsScroll, Math.max(0, resultLines - l.resultsRows()));
        return lesson == lessonScroll && results == resultsScroll ? this
                : new Ui(focus, cursor, lesson, results, help, quiz, follow, resultsFor);
    }

    Ui resultsOf(long key) {
        return new Ui(focus, cursor, lessonScroll, 0, help, quiz, follow, key);
    }
}
