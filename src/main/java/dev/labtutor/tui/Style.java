package dev.labtutor.tui;

/** What a piece of text on screen is; the painter turns it into colours (or, with NO_COLOR, into bold/reverse only). */
public enum Style {
    NORMAL, DIM, BOLD, TITLE, HEADER, CODE, HOST, KEY, SELECTED, PASS, FAIL, UNREACHABLE, ERROR, WARNING, SUCCESS, INFO, LOCKED
}
