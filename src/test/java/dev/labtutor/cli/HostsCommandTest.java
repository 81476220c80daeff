package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Lang;
import dev.labtutor.ssh.KnownHostsStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HostsCommandTest {

    @TempDir
    Path tmp;

    private Path file;
    private PublicKey key;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void recordTwoHosts() throws Exception {
        file = tmp.resolve("known_hosts");
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        key = g.generateKeyPair().getPublic();
        KnownHostsStore store = new KnownHostsStore(file);
        store.check("10.0.0.11", 22, key);
        store.check("10.0.0.21", 2222, key);
    }

    private int run(HostsCommand command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private HostsCommand command(Map<String, String> roles, Lang lang) {
        return new HostsCommand((lab, role) -> Optional.ofNullable(roles.get(role)), file, lang);
    }

    @Test
    void listShowsEveryHostWithItsFingerprint() {
        assertEquals(0, run(command(Map.of(), Lang.EN), "list", "--known-hosts", file.toString()));
        List<String> lines = out.toString().lines().toList();
        assertEquals(2, lines.size(), out.toString());
        String fp = KnownHostsStore.fingerprint(key);
        assertTrue(
                lines.get(0).matches("10\\.0\\.0\\.11\\s+ecdsa-sha2-nistp256\\s+" + java.util.regex.Pattern.quote(fp)),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("[10.0.0.21]:2222 "), lines.get(1));
    }

    @Test
    void listUsesTheDefaultFileAndSaysWhenEmpty() throws Exception {
        Files.delete(file);
        assertEquals(0, run(command(Map.of(), Lang.ZH), "list"));
        assertTrue(out.toString().contains("尚未记录") && out.toString().contains(file.toString()), out.toString());
    }

    @Test
    void forgetARoleThroughTheLabFile() {
        assertEquals(0,
                run(command(Map.of("web01", "10.0.0.21:2222"), Lang.EN), "forget", "web01", "--lab", "lab.yaml"));
        assertTrue(out.toString().contains("Forgot 1 host key for web01 (10.0.0.21:2222)"), out.toString());
        assertEquals(List.of("10.0.0.11"),
                new KnownHostsStore(file).list().stream().map(KnownHostsStore.Entry::hosts).toList());
    }

    @Test
    void forgetAnAddressAndReportNothingToForget() {
        assertEquals(0, run(command(Map.of(), Lang.EN), "forget", "10.0.0.11", "--known-hosts", file.toString()));
        assertTrue(out.toString().contains("Forgot 1 host key for 10.0.0.11"), out.toString());
        assertEquals(0, run(command(Map.of(), Lang.EN), "forget", "10.0.0.11"));
        assertTrue(out.toString().contains("No host key recorded for 10.0.0.11"), out.toString());
        assertEquals(1, new KnownHostsStore(file).list().size());
    }

    @Test
    void forgetNeedsAHost() {
        assertEquals(2, run(command(Map.of(), Lang.EN), "forget"));
        assertTrue(err.toString().contains("HOST"), err.toString());
    }
}
