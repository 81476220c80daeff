package dev.labtutor.check.probe;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandsTest {

    @Test
    void hostileArgumentsAreRejectedBeforeAnyShellTextIsBuilt() {
        List<Probe> bad = List.of(Probe.of(Kind.UNIT, "keepalived; reboot"), Probe.of(Kind.UNIT, "$(id)"),
                Probe.of(Kind.UNIT, ""), Probe.of(Kind.LOG, "a b"), Probe.of(Kind.PACKAGE, "-rf"),
                Probe.of(Kind.PACKAGE, "keepalived'"), Probe.of(Kind.SYSCTL, "net.ipv4.conf.*"),
                Probe.of(Kind.SYSCTL, "Net.ipv4"), Probe.of(Kind.SYSCTL, "net..ipv4"),
                Probe.of(Kind.SYSCTL, "net.ipv4."), Probe.of(Kind.FILE, "etc/passwd"),
                Probe.of(Kind.FILE, "/etc/keepalived/$(id).conf"), Probe.of(Kind.FILE, "/etc/a b"),
                Probe.of(Kind.KEEPALIVED_CONFIG, "/etc/k*.conf"), Probe.of(Kind.KEEPALIVED_TEST, "/etc/k`id`"),
                Probe.of(Kind.HTTP, "ftp://10.0.0.1/", "1"), Probe.of(Kind.HTTP, "http://10.0.0.1/'$(id)'", "1"),
                Probe.of(Kind.HTTP, "http://10.0.0.1/ x", "1"), Probe.of(Kind.HTTP, "http://10.0.0.1/", "0"),
                Probe.of(Kind.HTTP, "http://10.0.0.1/", "51"), Probe.of(Kind.HTTP, "http://10.0.0.1/", "two"),
                Probe.of(Kind.HTTP, "http://10.0.0.1/"), Probe.of(Kind.IPVS, "extra"), Probe.of(Kind.COMMAND, " "),
                Probe.of(Kind.UNIT));
        for (Probe p : bad) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ProbeCommands.shell(p), p.describe());
            if (!p.args().isEmpty() && p.kind() != Kind.HTTP && p.kind() != Kind.COMMAND && p.kind() != Kind.IPVS) {
                assertTrue(e.getMessage().contains("'" + p.arg(0) + "'"), e.getMessage());
            }
        }
    }

    @Test
    void reasonableArgumentsAreAccepted() {
        for (Probe p : List.of(Probe.of(Kind.UNIT, "keepalived"), Probe.of(Kind.UNIT, "getty@tty1.service"),
                Probe.of(Kind.PACKAGE, "libstdc++"), Probe.of(Kind.SYSCTL, "net.ipv4.conf.ens33.arp_ignore"),
                Probe.of(Kind.SYSCTL, "net.ipv4.conf.eth0/100"), Probe.of(Kind.FILE, "/etc/keepalived/keepalived.conf"),
                Probe.of(Kind.HTTP, "http://192.168.100.100/index.html?x=1&y=2", "50"),
                Probe.of(Kind.HTTP, "https://[fd00::1]:8443/", "1"), Probe.of(Kind.COMMAND, "echo 'hi' | wc -c"))) {
            assertDoesNotThrow(() -> ProbeCommands.shell(p), p.describe());
        }
    }

    @Test
    void exactInvocationsTheSandboxStandInsAnswer() {
        assertTrue(ProbeCommands.shell(Probe.of(Kind.ADDRESSES)).startsWith("ip -j -4 addr show 2>/dev/null || "));
        assertTrue(ProbeCommands.shell(Probe.of(Kind.UNIT, "keepalived")).contains(
                "systemctl show -p LoadState,ActiveState,SubState,UnitFileState --no-pager 'keepalived.service'"));
        assertTrue(ProbeCommands.shell(Probe.of(Kind.SYSCTL, "net.ipv4.conf"))
                .contains("o=$(sysctl 'net.ipv4.conf' 2>/dev/null); [ -n \"$o\" ] || exit 1"));
        assertTrue(ProbeCommands.shell(Probe.of(Kind.IPVS)).contains("ipvsadm -Ln"));
        assertTrue(ProbeCommands.shell(Probe.of(Kind.KEEPALIVED_TEST, "/etc/keepalived/keepalived.conf"))
                .contains("keepalived -t -f '/etc/keepalived/keepalived.conf'"));
        assertTrue(ProbeCommands.shell(Probe.of(Kind.HTTP, "http://10.0.0.1/", "3"))
                .contains("curl -s -m 3 -o - -w '\\nlabtutor:http %{http_code}\\n' 'http://10.0.0.1/'"));
        assertTrue(ProbeCommands.shell(Probe.of(Kind.LOG, "keepalived"))
                .contains("journalctl -u 'keepalived' -n 300 --no-pager -o short"));
        assertTrue(ProbeCommands.shell(Probe.of(Kind.PACKAGE, "ipvsadm"))
                .contains("dpkg-query -W -f='${Status} ${Version}\\n' 'ipvsadm'"));
        assertEquals("exec sh -c 'echo '\\''hi'\\'''", ProbeCommands.shell(Probe.of(Kind.COMMAND, "echo 'hi'")));
    }

    @Test
    void dirnameIsWhatDirnameOnePrints() {
        assertEquals("/etc/keepalived", ProbeCommands.dirname("/etc/keepalived/keepalived.conf"));
        assertEquals("/etc", ProbeCommands.dirname("/etc/keepalived/"));
        assertEquals("/etc", ProbeCommands.dirname("/etc//keepalived//"));
        assertEquals("/", ProbeCommands.dirname("/keepalived.conf"));
        assertEquals("/", ProbeCommands.dirname("/"));
        assertEquals("/", ProbeCommands.dirname("//"));
    }

    /**
     * The SELINUX probe reads /etc/selinux/config with builtins instead of grep: the same fragment, pointed at a file
     * of awkward lines, prints exactly what {@code grep -E '^[[:space:]]*SELINUX='} prints, under dash and under bash
     * (openEuler's sh).
     */
    @Test
    void selinuxConfigLinesAreWhatGrepPrints(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("config");
        Files.writeString(config,
                "# This file controls the state of SELinux\n#SELINUX=disabled\n"
                        + "SELINUX=enforcing # the mode\n\t  SELINUX=\"permissive\"\n SELINUXTYPE=targeted\n"
                        + "\n   \nSELINUX=disabled\r\nXSELINUX=no\n\u000bSELINUX=vt\nSELINUX=last-without-newline");
        String fragment = ProbeCommands.shell(Probe.of(Kind.SELINUX)).replace("/etc/selinux/config", config.toString());
        String grep = run("sh", "LC_ALL=C grep -E '^[[:space:]]*SELINUX=' " + config);
        assertEquals(5, grep.lines().count(), grep);
        for (String shell : List.of("sh", "bash")) {
            String out = run(shell, "export LC_ALL=C; " + fragment);
            int at = out.indexOf("labtutor:config\n");
            assertTrue(at >= 0, out);
            assertEquals(grep, out.substring(at + "labtutor:config\n".length()), shell);
        }
    }

    private static String run(String shell, String script) throws Exception {
        Process p = new ProcessBuilder(shell, "-c", script).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
