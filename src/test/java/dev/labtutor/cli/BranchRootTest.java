package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The one-branch tree must parse like the full one: same root options, same version, same subcommand. */
class BranchRootTest {

    @BeforeAll
    static void home() {
        CliTest.home();
    }

    private static TreeSet<String> optionNames(CommandLine cl) {
        TreeSet<String> names = new TreeSet<>();
        cl.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }

    @Test
    void theBranchRootHasTheRootsOptionsAndVersion() {
        CommandLine full = Main.commandLine();
        CommandLine branch = BranchRoot.forArgs("lessons").orElseThrow();
        assertEquals(optionNames(full), optionNames(branch), "keep BranchRoot's options equal to RootCommand's");
        assertEquals(List.of(full.getCommandSpec().version()), List.of(branch.getCommandSpec().version()));
        assertEquals(full.getCommandName(), branch.getCommandName());
    }

    @Test
    void everySubcommandGetsItsOwnBranchWithTheSameOptions() {
        CommandLine full = Main.commandLine();
        full.getSubcommands().forEach((name, sub) -> {
            CommandLine branch = BranchRoot.forArgs("--debug", name, "x").orElseThrow();
            CommandLine same = branch.getSubcommands().get(name);
            assertEquals(optionNames(sub), optionNames(same), name);
            assertEquals(sub.getSubcommands().keySet(), same.getSubcommands().keySet(), name);
        });
        assertTrue(BranchRoot.forArgs("--help").isEmpty());
        assertTrue(BranchRoot.forArgs().isEmpty());
        assertTrue(BranchRoot.forArgs("nosuch").isEmpty());
    }
}
