package dev.labtutor.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.lab.HostSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SshOptionsTest {

    @Test
    void knownHostsLiveUnderXdgConfigHomeOrDotConfig() {
        assertEquals(Path.of("/x/cfg/labtutor/known_hosts"),
                SshOptions.defaultKnownHosts(Map.of("XDG_CONFIG_HOME", "/x/cfg")::get, "/home/u"));
        assertEquals(Path.of("/home/u/.config/labtutor/known_hosts"),
                SshOptions.defaultKnownHosts(Map.<String, String>of()::get, "/home/u"));
        assertEquals(Path.of("/home/u/.config/labtutor/known_hosts"),
                SshOptions.defaultKnownHosts(Map.of("XDG_CONFIG_HOME", "relative")::get, "/home/u"),
                "the XDG spec says relative values are ignored");
    }

    @Test
    void defaultsAreSaneAndValidated() {
        SshOptions d = SshOptions.defaults(Path.of("kh"));
        assertEquals(4 * 1024 * 1024, d.outputCap());
        assertTrue(d.connectTimeout().compareTo(d.authTimeout()) <= 0);
        assertThrows(IllegalArgumentException.class, () -> d.withConnectTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> d.withOutputCap(0));
    }

    @Test
    void withoutATerminalTheConsolePrompterAsksNothing() {
        ConsoleSecretPrompter p = new ConsoleSecretPrompter(() -> null);
        HostSpec h = new HostSpec("lb01", "10.0.0.11", 22, "root", Optional.empty(), Optional.empty(), false);
        assertEquals(Optional.empty(), p.password(h, "pw: "));
        assertEquals(Optional.empty(), p.passphrase(Path.of("id")));
    }
}
