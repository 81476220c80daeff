package dev.labtutor.course;

/**
 * Something the learner does on one host in a step: type commands, or write a file. Text is a template ({@code ${vip}},
 * {@code ${lb01.iface}}) filled with the learner's values.
 */
public sealed interface Action permits Action.Run, Action.WriteFile {

    String on();

    /** This action as told to a host of {@code family}: its {@code family:} variant when it has one, else itself. */
    Action forFamily(dev.labtutor.lab.Family family);

    /**
     * Commands typed at the host's shell. {@code interactive} ones (vim, watching a log) are shown but never run by
     * {@code sandbox solve}. {@code watched}: in a lesson's solution, the first action that the tutor must be watching
     * (the failover itself, after its set-up): a solution run while its checks observe does what comes before first,
     * and this action only once every watch has its baseline. {@code family} holds the {@code run} of each family
     * whose commands differ (by family id, see {@link Variants}).
     */
    record Run(String on, String script, boolean interactive, boolean watched,
            java.util.Map<String, String> family) implements Action {

        public Run {
            family = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(family));
        }

        public Run(String on, String script, boolean interactive, boolean watched) {
            this(on, script, interactive, watched, java.util.Map.of());
        }

        public Run(String on, String script, boolean interactive) {
            this(on, script, interactive, false);
        }

        @Override
        public Run forFamily(dev.labtutor.lab.Family f) {
            return Variants.lookup(family, f).map(s -> new Run(on, s, interactive, watched)).orElse(this);
        }
    }

    /** A file the learner writes (in vim); {@code sandbox solve} writes it with a here-document. */
    record WriteFile(String on, String path, String content) implements Action {

        @Override
        public WriteFile forFamily(dev.labtutor.lab.Family f) {
            return this;
        }
    }
}
