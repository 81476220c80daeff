package dev.labtutor.course;

/**
 * Something the learner does on one host in a step: type commands, or write a file.
 * Text is a template ({@code ${vip}}, {@code ${lb01.iface}}) filled with the learner's values.
 */
public sealed interface Action permits Action.Run, Action.WriteFile {

    String on();

    /**
     * Commands typed at the host's shell. {@code interactive} ones (vim, watching a log) are
     * shown but never run by {@code sandbox solve}.
     */
    record Run(String on, String script, boolean interactive) implements Action {
    }

    /** A file the learner writes (in vim); {@code sandbox solve} writes it with a here-document. */
    record WriteFile(String on, String path, String content) implements Action {
    }
}
