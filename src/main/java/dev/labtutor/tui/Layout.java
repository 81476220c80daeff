package dev.labtutor.tui;

/**
 * Where the panes go on a screen of {@code width} x {@code height}: the title bar on the first row, the lesson list on
 * the left, the lesson above the results on the right, the message line and the key line at the bottom. Below 80x24
 * nothing but a request to enlarge the window.
 */
record Layout(int width, int height, int listWidth, int rightX, int rightWidth, int lessonTop, int lessonHeight,
        int resultsTop, int resultsHeight, int messageRow, int keysRow) {

    static final int MIN_WIDTH = 80;
    static final int MIN_HEIGHT = 24;

    static Layout of(int width, int height) {
        return of(width, height, Integer.MAX_VALUE);
    }

    /** As {@link #of(int, int)}, the results pane no taller than its {@code resultLines} need (and at least 5 rows). */
    static Layout of(int width, int height, int resultLines) {
        int list = Math.max(24, Math.min(40, width / 4));
        int body = height - 3;
        int most = Math.max(8, Math.min(body - 8, body * 2 / 5));
        int results = Math.max(5, Math.min(most, resultLines == Integer.MAX_VALUE ? most : resultLines + 2));
        int lessonHeight = body - results;
        return new Layout(width, height, list, list + 1, width - list - 1, 1, lessonHeight, 1 + lessonHeight, results,
                height - 2, height - 1);
    }

    boolean tooSmall() {
        return width < MIN_WIDTH || height < MIN_HEIGHT;
    }

    /** Rows of text in the lesson pane (below its header). */
    int lessonRows() {
        return lessonHeight - 1;
    }

    int resultsRows() {
        return resultsHeight - 1;
    }

    int listRows() {
        return lessonHeight + resultsHeight - 1;
    }
}
