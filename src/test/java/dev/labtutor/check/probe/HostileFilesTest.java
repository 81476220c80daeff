package dev.labtutor.check.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe.Kind;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A learner may put a link to /dev/zero where the keepalived config is read, or a config of a gigabyte: the probes read
 * a bounded part and end at once, instead of reading until the host's deadline (or, for grep over /dev/zero, until the
 * host runs out of memory).
 */
class HostileFilesTest {

    @TempDir
    Path dir;

    private String run(Probe p) throws Exception {
        ProbeScript s = ProbeScript.build(List.of(p), Duration.ofSeconds(30));
        long t0 = System.nanoTime();
        String out = s.parse(LocalSh.run(s.text())).get(p).stdout();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < 10_000, p + " took " + ms + " ms");
        return out;
    }

    @Test
    void aConfigOrFileThatIsALinkToADeviceIsUnreadableAtOnce() throws Exception {
        Path conf = dir.resolve("keepalived.conf");
        Files.createSymbolicLink(conf, Path.of("/dev/zero"));
        assertEquals("labtutor:cfg-unreadable\n", run(Probe.of(Kind.KEEPALIVED_CONFIG, conf.toString())));
        assertEquals("labtutor:file unreadable\n", run(Probe.of(Kind.FILE, conf.toString())));
    }

    @Test
    void includeLinesAreLookedForOnlyInThePartThatIsPrinted() throws Exception {
        Path conf = dir.resolve("keepalived.conf");
        Files.writeString(conf, "include a.conf\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("a.conf"), "vrrp_instance A {\n}\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("b.conf"), "vrrp_instance B {\n}\n", StandardCharsets.UTF_8);
        try (RandomAccessFile f = new RandomAccessFile(conf.toFile(), "rw")) {
            f.seek(ProbeCommands.FILE_CAP + 4096L);
            f.write("\ninclude b.conf\n".getBytes(StandardCharsets.UTF_8));
            f.setLength(1L << 30);
        }
        String out = run(Probe.of(Kind.KEEPALIVED_CONFIG, conf.toString()));
        assertTrue(out.contains("labtutor:cfg-file " + dir.resolve("a.conf") + "\nvrrp_instance A"),
                "an include in the printed part is followed");
        assertTrue(!out.contains("b.conf"), "one past it is not: the grep stops where the printed part does");
        assertTrue(out.length() < ProbeCommands.FILE_CAP + 1024, "a gigabyte config costs its cap: " + out.length());
    }
}
