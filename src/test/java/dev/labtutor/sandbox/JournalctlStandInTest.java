package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journalctl stand-in run with bash against a host's /var/log/messages under a temporary root
 * (LABTUTOR_SANDBOX_ROOT), in the forms the systemctl stand-in and the lessons suggest.
 */
class JournalctlStandInTest {

    @TempDir
    Path root;

    private Path messages;
    private List<String> log;

    @BeforeEach
    void writeLog() throws IOException, URISyntaxException {
        messages = root.resolve("var/log/messages");
        Files.createDirectories(messages.getParent());
        log = Files
                .readAllLines(Path.of(getClass().getResource("/fixtures/messages/sandbox-lb01-messages.txt").toURI()));
        Files.write(messages, log);
    }

    private List<String> keepalivedLines() {
        return log.stream().filter(
                l -> l.toLowerCase().contains("keepalived") || l.contains("LVS and VRRP High Availability Monitor"))
                .toList();
    }

    private ProcessBuilder journalctl(String... args) throws URISyntaxException {
        List<String> argv = new ArrayList<>(List.of("bash",
                Path.of(getClass().getResource("/dev/labtutor/sandbox/bin/journalctl").toURI()).toString()));
        argv.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("LABTUTOR_SANDBOX_ROOT", root.toString());
        return pb.redirectErrorStream(true);
    }

    private List<String> run(String... args) throws Exception {
        Process p = journalctl(args).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(out, StandardCharsets.UTF_8));
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void bundledOptionsFilterToTheUnit() throws Exception {
        List<String> want = keepalivedLines();
        assertEquals(15, want.size());
        assertEquals(want, run("-xeu", "keepalived.service"));
        assertEquals(want, run("-x", "-e", "-u", "keepalived"));
        assertEquals(want, run("--unit=keepalived.service"));
    }

    @Test
    void linesShowTheEndOfTheUnitsLog() throws Exception {
        List<String> want = keepalivedLines();
        assertEquals(want.subList(want.size() - 2, want.size()), run("-u", "keepalived", "-n", "2"));
        assertEquals(want.subList(want.size() - 3, want.size()), run("-n3", "-u", "keepalived"));
        assertEquals(want.subList(want.size() - 4, want.size()),
                run("-u", "keepalived", "-n", "4", "--no-pager", "-o", "short"));
        assertEquals(want.subList(want.size() - 10, want.size()), run("-u", "keepalived", "-n"));
        assertEquals(List.of("Dec  6 21:57:01 lb01 systemd[1]: Stopped The Apache HTTP Server."),
                run("-n1", "-uhttpd"));
    }

    @Test
    void endShowsTheLastThousandLines() throws Exception {
        List<String> many =
                IntStream.range(0, 1200).mapToObj(i -> "Dec  6 22:00:00 lb01 systemd[1]: line " + i).toList();
        Files.write(messages, many);
        assertEquals(many.subList(200, 1200), run("-e"));
        assertEquals(many.subList(1195, 1200), run("-e", "-n", "5"));
    }

    @Test
    void aUnitWithoutLinesHasNoEntries() throws Exception {
        assertEquals(List.of("-- No entries --"), run("-xeu", "nfs-server.service"));
    }

    @Test
    void followPrintsTheEndThenNewLinesOfTheUnit() throws Exception {
        Process p = journalctl("-fu", "keepalived").start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> want = keepalivedLines();
            for (String line : want.subList(want.size() - 10, want.size())) {
                assertEquals(line, out.readLine());
            }
            String other = "Dec  6 22:01:00 lb01 systemd[1]: Started The Apache HTTP Server.";
            String mine = "Dec  6 22:01:01 lb01 Keepalived_vrrp[2098]: (VI_1) Entering BACKUP STATE";
            Files.writeString(messages, other + "\n" + mine + "\n", StandardOpenOption.APPEND);
            assertEquals(mine, out.readLine());
            assertTrue(p.isAlive(), "follows until killed");
        } finally {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
