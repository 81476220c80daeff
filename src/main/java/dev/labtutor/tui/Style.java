package dev.labtutor.tui;

/** What a piece of text on screen is; the painter turns it into colours (or, with NO_COLOR, into bold/reverse only). */
public enum Style {
    NORMAL, DIM, BOLD, TITLE, HEADER, CODE, HOST, KEY, SELECTED, PASS, FAIL, UNREACHABLE, ERROR, WARNING, SUCCESS, INFO,
    LOCKED,
    /** A cell of the class dashboard, coloured by its verdict. */
    CELL_PASS, CELL_PARTIAL, CELL_FAIL, CELL_UNREACHABLE, CELL_ERROR
}
