package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's command reference is every command's {@code --help}, verbatim, in the order of the command tree. When a
 * command's help changes, this test fails with the difference; {@code mvn -B test -Dtest=ReadmeCliReferenceTest
 * -Dlabtutor.updateReadme=true} rewrites the section (between its two markers) from the program itself.
 */
class ReadmeCliReferenceTest {

    static final String BEGIN = "<!-- cli-reference: every command's --help, generated; "
            + "mvn -B test -Dtest=ReadmeCliReferenceTest -Dlabtutor.updateReadme=true rewrites it -->\n";
    static final String END = "<!-- cli-reference end -->";

    @BeforeAll
    static void home() {
        System.setProperty("labtutor.home", System.getProperty("labtutor.root", "."));
    }

    @Test
    void theReadmeCommandReferenceIsEveryCommandsHelp() throws Exception {
        Path readme = Path.of(System.getProperty("labtutor.root", ".")).resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int a = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        assertTrue(a >= 0 && e > a, "README.md has no generated command reference (the markers are missing)");
        String expected = reference();
        String actual = text.substring(a + BEGIN.length(), e);
        if (!actual.equals(expected) && Boolean.getBoolean("labtutor.updateReadme")) {
            Files.writeString(readme, text.substring(0, a + BEGIN.length()) + expected + text.substring(e),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, actual,
                "README's command reference differs from --help; rerun with -Dlabtutor.updateReadme=true");
    }

    @Test
    void theReferenceCoversEveryCommandOnce() {
        String ref = reference();
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        for (List<String> p : paths) {
            String head = "$ labtutor " + (p.isEmpty() ? "" : String.join(" ", p) + " ") + "--help\n";
            assertEquals(ref.indexOf(head), ref.lastIndexOf(head), head);
            assertTrue(ref.contains(head), head);
        }
        assertTrue(ref.contains("Usage: labtutor grade") && ref.contains("Usage: labtutor sandbox up"), ref);
    }

    /** Every command's help as shell transcripts, root first, then depth first in the tree's order. */
    static String reference() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.commandLine(), new ArrayList<>(), paths);
        StringBuilder sb = new StringBuilder();
        for (List<String> p : paths) {
            List<String> args = new ArrayList<>(p);
            args.add("--help");
            CliTest.Run r = CliTest.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), p + ": " + r.err());
            sb.append("\n```\n$ labtutor ").append(String.join(" ", args)).append('\n').append(r.out());
            if (!r.out().endsWith("\n")) {
                sb.append('\n');
            }
            sb.append("```\n");
        }
        return sb.append('\n').toString();
    }

    private static void collect(picocli.CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                List<String> next = new ArrayList<>(path);
                next.add(name);
                collect(sub, next, out);
            }
        });
    }
}
