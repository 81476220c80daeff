package dev.labtutor.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root of a one-branch command tree: {@link RootCommand}'s name, version and options without
 * its subcommands, so that {@code labtutor lessons} builds only the {@code lessons} branch (picocli
 * otherwise loads and reflects over every command class before parsing, which is most of a short
 * command's start). {@code BranchRootTest} keeps its options equal to {@link RootCommand}'s.
 */
@Command(name = "labtutor", mixinStandardHelpOptions = true, versionProvider = BranchRoot.Version.class)
final class BranchRoot implements Runnable {

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Show stack traces for errors.")
    boolean debug;

    @Override
    public void run() {
        // never the command that runs: a branch tree is built only for a named subcommand
    }

    /** {@link RootCommand}'s version lines. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return RootCommand.class.getAnnotation(Command.class).version();
        }
    }

    /**
     * The tree for {@code args} when they name one of the root's subcommands: this root with that
     * subcommand alone; empty otherwise (root help, no command, an unknown one).
     */
    static java.util.Optional<CommandLine> forArgs(String... args) {
        String first = null;
        for (String a : args) {
            if (a.equals("--")) {
                break;
            }
            if (!a.startsWith("-")) {
                first = a;
                break;
            }
        }
        if (first == null) {
            return java.util.Optional.empty();
        }
        for (Class<?> sub : RootCommand.class.getAnnotation(Command.class).subcommands()) {
            Command c = sub.getAnnotation(Command.class);
            if (c != null && (c.name().equals(first) || java.util.Arrays.asList(c.aliases()).contains(first))) {
                CommandLine root = new CommandLine(new BranchRoot());
                root.addSubcommand(c.name(), new CommandLine(sub));
                Main.withHelp(root);
                return java.util.Optional.of(root);
            }
        }
        return java.util.Optional.empty();
    }
}
