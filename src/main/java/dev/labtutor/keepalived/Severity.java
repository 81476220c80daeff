package dev.labtutor.keepalived;

/**
 * How bad a diagnostic is. {@link #ERROR} means keepalived 2.2.7 itself would print a diagnostic for it
 * ({@code keepalived -t} exits non-zero); under keepalived 1.3.5's rules, that 1.3.5 logs it or silently stops the
 * configuration from working (a missing '}'). {@link #WARNING} is a tutor warning keepalived does not give;
 * {@link #INFO} is a note.
 */
public enum Severity {
    ERROR, WARNING, INFO
}
