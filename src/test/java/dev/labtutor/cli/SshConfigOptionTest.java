package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --ssh-config} reaches the lab file reader: aliases resolve, mistakes name the line. */
class SshConfigOptionTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void home() {
        CliTest.home();
    }

    @Test
    void checkResolvesAliasesThroughTheGivenConfig() throws Exception {
        // 127.0.0.1 port 1 refuses at once: the report shows the address, port and user the alias gave.
        Path cfg = Files.writeString(dir.resolve("ssh_config"),
                "Host lab-*\n    HostName 127.0.0.1\n    Port 1\n    User learner\nHost lab-lb01 lab-lb02\n");
        Path lab = Files.writeString(dir.resolve("lab.yaml"),
                "hosts:\n  lb01: { ssh: lab-lb01 }\n  lb02: { address: lab-lb02 }\n");
        CliTest.Run r = CliTest.run("check", "master", "--lab", lab.toString(), "--ssh-config", cfg.toString(),
                "--known-hosts", dir.resolve("kh").toString(), "--lang", "en");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("lb01 (learner@127.0.0.1:1): connection refused"), r.out());
    }

    @Test
    void anAliasTheConfigLacksIsBadInputAtItsLine() throws Exception {
        Path cfg = Files.writeString(dir.resolve("ssh_config"), "Host lab-lb01\n    HostName 127.0.0.1\n");
        Path lab = Files.writeString(dir.resolve("lab.yaml"), "hosts:\n  lb01: { ssh: lab-lb1 }\n");
        CliTest.Run r = CliTest.run("check", "master", "--lab", lab.toString(), "--ssh-config", cfg.toString());
        assertEquals(2, r.code());
        assertTrue(
                r.err().contains(lab + ":2:16: host lb01: no 'Host lab-lb1' in " + cfg + " (did you mean 'lab-lb01'?)"),
                r.err());

        CliTest.Run missing =
                CliTest.run("check", "master", "--lab", lab.toString(), "--ssh-config", dir.resolve("nope").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("ssh config " + dir.resolve("nope") + " does not exist"), missing.err());
    }
}
