package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/**
 * Issue 19: {@code cli} holds only picocli commands (one small class per subcommand), their option mixins, and the few
 * classes every command shares. Wiring goes to {@code app}, policy to the domain. A new file here that is none of
 * these, or a command over {@value #MAX_LINES} lines, fails this test.
 */
class CliPackageTest {

    static final int MAX_LINES = 150;

    /** Files that are not commands but belong here, each with its reason. */
    static final Map<String, String> ALLOWED = Map.ofEntries(Map.entry("Main", "the entry point"),
            Map.entry("ExitCodes", "the one place exit codes are decided"),
            Map.entry("UserError", "an error the user can fix, with its exit code"),
            Map.entry("CourseOptions", "option mixin"), Map.entry("LabOptions", "option mixin"),
            Map.entry("FormatOption", "option mixin"), Map.entry("SandboxWhere", "option mixin of the sandbox verbs"),
            Map.entry("SandboxKernelOption", "option group of sandbox up"),
            Map.entry("GroupCommand", "base of the commands that only group subcommands"),
            Map.entry("RunningSandboxCommand", "base of the sandbox verbs on a running sandbox"),
            Map.entry("CourseCommand", "base of the commands that read the course"),
            Map.entry("LearnerCommand", "base of the commands on the learner's course and lab"),
            Map.entry("BuildDocs", "build-time: writes the man pages and completions from the command tree"),
            Map.entry("Installation", "where lessons/ and checks/ are, for CourseOptions"),
            Map.entry("Startup", "the launcher's entry: every start-up shortcut in one place (docs/startup.md)"));

    @Test
    void everyFileIsACommandAMixinOrListedAndNoneIsLong() throws IOException, ClassNotFoundException {
        Path dir = Path.of(System.getProperty("labtutor.root", "."), "src/main/java/dev/labtutor/cli");
        List<String> wrong = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString().replace(".java", "");
            if (!ALLOWED.containsKey(name) && !isCommand(Class.forName("dev.labtutor.cli." + name))) {
                wrong.add(name
                        + " is not a picocli command: move it out of cli (wiring to app, policy to the domain) or list it here");
            }
            long lines;
            try (Stream<String> s = Files.lines(f)) {
                // what a reader reads: imports and blank lines, which the formatter adds, do not count
                lines = s.filter(l -> !l.isBlank() && !l.startsWith("import ") && !l.startsWith("package ")).count();
            }
            if (lines > MAX_LINES) {
                wrong.add(
                        name + " has " + lines + " lines (at most " + MAX_LINES + "): split it or move its logic out");
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theListsNameOnlyFilesThatExist() {
        Path dir = Path.of(System.getProperty("labtutor.root", "."), "src/main/java/dev/labtutor/cli");
        List<String> gone =
                ALLOWED.keySet().stream().filter(n -> !Files.exists(dir.resolve(n + ".java"))).sorted().toList();
        assertEquals(List.of(), gone, "take these off CliPackageTest's lists");
    }

    private static boolean isCommand(Class<?> c) {
        return c.isAnnotationPresent(Command.class)
                || Arrays.stream(c.getDeclaredMethods()).anyMatch((Method m) -> m.isAnnotationPresent(Command.class));
    }
}
