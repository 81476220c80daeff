package dev.labtutor.course;

/**
 * Something the learner does on one host in a step: type commands, or write a file. Text is a template ({@code ${vip}},
 * {@code ${lb01.iface}}) filled with the learner's values.
 */
public sealed interface Action permits Action.Run, Action.WriteFile {

    String on();

    /**
     * Commands typed at the host's shell. {@code interactive} ones (vim, watching a log) are shown but never run by
     * {@code sandbox solve}. {@code watched}: in a lesson's solution, the first action that the tutor must be watching
     * (the failover itself, after its set-up): a solution run while its checks observe does what comes before first,
     * and this action only once every watch has its baseline.
     */
    record Run(String on, String script, boolean interactive, boolean watched) implements Action {

        public Run(String on, String script, boolean interactive) {
            this(on, script, interactive, false);
        }
    }

    /** A file the learner writes (in vim); {@code sandbox solve} writes it with a here-document. */
    record WriteFile(String on, String path, String content) implements Action {
    }
}
