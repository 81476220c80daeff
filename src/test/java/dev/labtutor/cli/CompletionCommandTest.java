package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion script, sourced by a real bash and asked what TAB offers. */
class CompletionCommandTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void home() {
        CliTest.home();
    }

    /** What bash completes for each command line (the word under the cursor is the last one). */
    private List<String> complete(Path script, String... lines) throws Exception {
        StringBuilder sh = new StringBuilder("source '" + script + "' 2>/dev/null\n");
        for (String line : lines) {
            sh.append("line='").append(line).append("'\n")
                    .append("read -ra COMP_WORDS <<< \"$line\"; [[ \"$line\" == *' ' ]] && COMP_WORDS+=('')\n")
                    .append("COMP_CWORD=$((${#COMP_WORDS[@]}-1)); COMP_LINE=\"$line\"; COMP_POINT=${#line}; COMPREPLY=()\n")
                    .append("_complete_labtutor labtutor \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null\n")
                    .append("echo \"${COMPREPLY[*]}\"\n");
        }
        Path f = Files.writeString(dir.resolve("ask.sh"), sh.toString());
        Process p = new ProcessBuilder("bash", f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return List.of(out.split("\n"));
    }

    @Test
    void bashCompletesCommandsLessonIdsRolesAndOptionValues() throws Exception {
        CliTest.Run r = CliTest.run("completion", "bash");
        assertEquals(0, r.code(), r.err());
        Path script = Files.writeString(dir.resolve("labtutor.bash"), r.out());
        assertEquals(List.of("check completion",
                "vrrp-basics install master backup failover web-failover logs lvs-prepare lvs-director-master lvs-director-backup"
                        + " lvs-realservers lvs-test nfs-share",
                "master", "lb01 lb02 web01 web02 nfs-server", "zh en", "lb01 lb02 web01 web02 nfs-server",
                "--lab --lang"),
                complete(script, "labtutor c", "labtutor check ", "labtutor show ma", "labtutor hosts forget ",
                        "labtutor lessons --lang ", "labtutor sandbox up --hosts ", "labtutor check --la"));
    }

    @Test
    void zshGetsTheSameScriptThroughBashcompinit() {
        CliTest.Run r = CliTest.run("completion", "zsh");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("#compdef labtutor\n"), r.out());
        assertTrue(r.out().contains("bashcompinit") && r.out().contains("complete -F _complete_labtutor"), r.out());
    }

    @Test
    void anotherShellIsBadInput() {
        CliTest.Run r = CliTest.run("completion", "fish");
        assertEquals(2, r.code());
        assertEquals("labtutor: completion is available for bash and zsh, not 'fish'\n", r.err());
    }
}
