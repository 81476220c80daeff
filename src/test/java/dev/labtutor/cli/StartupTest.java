package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The start-up shortcuts must answer as the whole command tree does: the one-branch tree has the same root options,
 * version and subcommand; {@code --version} prints picocli's lines. The class-data training run swallows its errors
 * (the archive is made all the same), so this is where they show.
 */
class StartupTest {

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
        CommandLine branch = Startup.commandLine("lessons");
        assertEquals(Startup.BranchRoot.class, branch.getCommandSpec().userObject().getClass());
        assertEquals(optionNames(full), optionNames(branch), "keep BranchRoot's options equal to RootCommand's");
        assertEquals(List.of(full.getCommandSpec().version()), List.of(branch.getCommandSpec().version()));
        assertEquals(full.getCommandName(), branch.getCommandName());
    }

    @Test
    void everySubcommandGetsItsOwnBranchWithTheSameOptions() {
        CommandLine full = Main.commandLine();
        full.getSubcommands().forEach((name, sub) -> {
            CommandLine branch = Startup.commandLine("--debug", name, "x");
            assertEquals(List.of(name), List.copyOf(branch.getSubcommands().keySet()), name);
            CommandLine same = branch.getSubcommands().get(name);
            assertEquals(optionNames(sub), optionNames(same), name);
            assertEquals(sub.getSubcommands().keySet(), same.getSubcommands().keySet(), name);
        });
        for (String[] noCommand : new String[][]{{"--help"}, {}, {"nosuch"}, {"--", "lessons"}}) {
            assertSame(RootCommand.class, Startup.commandLine(noCommand).getCommandSpec().userObject().getClass(),
                    String.join(" ", noCommand));
        }
    }

    @Test
    void theVersionIsWhatPicocliPrints() {
        CommandLine full = Main.commandLine();
        java.io.StringWriter picocli = new java.io.StringWriter();
        full.setOut(new java.io.PrintWriter(picocli));
        full.execute("--version");
        java.io.StringWriter shortcut = new java.io.StringWriter();
        assertEquals(0, Main.run(new java.io.PrintWriter(shortcut),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), "--version"));
        assertEquals(picocli.toString(), shortcut.toString());
        assertArrayEquals(full.getCommandSpec().version(), Startup.version());
    }

    @Test
    void theTutorIsPaintedForAFirstAndAReturningStartInBothLanguages() throws Exception {
        assertEquals(4, Startup.paintTutor());
    }
}
