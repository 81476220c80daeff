package dev.labtutor.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.LabFileReader;
import dev.labtutor.lab.RemoteShell;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.yaml.Problem;
import dev.labtutor.yaml.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lab hosts named by ssh config aliases (HostName, User, Port, IdentityFile, ProxyJump through other in-process
 * servers, each hop's key verified) and logins with keys from a real ssh-agent.
 */
class SshConfigTest {

    @RegisterExtension
    final SshServerExtension target = new SshServerExtension();

    @RegisterExtension
    final SshServerExtension bastion = new SshServerExtension();

    @TempDir
    Path tmp;

    private SshConnector connector(Map<String, String> env) {
        SshOptions options = new SshOptions(tmp.resolve("known_hosts"), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(5), 1024 * 1024);
        return new SshConnector(options, SecretPrompter.none(), env::get, n -> {
        });
    }

    private Path key() throws Exception {
        Path key = SshServerExtension.newUserKey(tmp, "ed25519", "");
        target.authorize(Path.of(key + ".pub"));
        target.offer("publickey");
        return key;
    }

    private Path config(String text) throws IOException {
        return Files.writeString(tmp.resolve("ssh_config"), text);
    }

    private LabFile lab(Path config, String hosts) throws IOException {
        Path f = Files.writeString(tmp.resolve("lab.yaml"), "hosts:\n" + hosts);
        return new LabFileReader(tmp).withSshConfig(Optional.of(config)).readStrict(f);
    }

    private static String run(RemoteShell shell) throws HostException {
        return shell.runScript("echo ok", Duration.ofSeconds(20)).stdout();
    }

    @Test
    void anAliasGivesAddressUserPortAndIdentity() throws Exception {
        Path key = key();
        Path cfg = config("""
                Host other
                    User nobody
                Host my-lb01
                    HostName 127.0.0.1
                    Port %d
                    User learner
                    IdentityFile %s
                Host *
                    User fallback
                    Port 1
                """.formatted(target.port(), key));
        HostSpec h = lab(cfg, "  lb01: { ssh: my-lb01 }\n").host("lb01").orElseThrow();

        assertEquals(new HostSpec("lb01", "127.0.0.1", target.port(), "learner", Optional.empty(), Optional.empty(),
                false, List.of(key), List.of(), Optional.of("my-lb01")), h);
        try (RemoteShell shell = connector(Map.of()).open(h)) {
            assertEquals("ok\n", run(shell));
        }
        assertEquals(List.of("learner"), target.logins);
    }

    @Test
    void labFileValuesWinAndAnAddressThatIsAnAliasIsResolved() throws Exception {
        Path key = key();
        Path cfg = config("""
                Host my-lb01
                    HostName 127.0.0.1
                    Port 1
                    User learner
                    IdentityFile %s
                """.formatted(key));
        HostSpec h = lab(cfg, "  lb01: { address: my-lb01, port: %d, user: admin }\n".formatted(target.port()))
                .host("lb01").orElseThrow();
        assertEquals("127.0.0.1", h.address());
        assertEquals(target.port(), h.port());
        assertEquals("admin", h.user());
        try (RemoteShell shell = connector(Map.of()).open(h)) {
            assertEquals("ok\n", run(shell));
        }
        assertEquals(List.of("admin"), target.logins);
    }

    @Test
    void anUnknownAliasIsReportedAtItsLineWithASuggestion() throws Exception {
        Path cfg = config("Host my-lb01\n    HostName 10.0.0.11\nHost *.lab\n    User x\n");
        Path f = Files.writeString(tmp.resolve("lab.yaml"),
                "hosts:\n  lb01: { ssh: my-lb1 }\n  lb02: { ssh: web.lab }\n");
        Problems p = new Problems();
        new LabFileReader(tmp).withSshConfig(Optional.of(cfg)).read(f, p);
        List<String> lines = p.sorted().stream().map(Problem::toString).toList();
        assertEquals(List.of(f + ":2:16: host lb01: no 'Host my-lb1' in " + cfg + " (did you mean 'my-lb01'?)",
                f + ":3:16: host lb02: no 'Host web.lab' in " + cfg), lines);
    }

    @Test
    void aMissingConfigIsNamed() throws Exception {
        Path f = Files.writeString(tmp.resolve("lab.yaml"),
                "ssh-config: nope/config\nhosts:\n  lb01: { ssh: my-lb01 }\n");
        Problems p = new Problems();
        new LabFileReader(tmp).read(f, p);
        assertEquals(
                List.of(f + ":3:16: host lb01: 'ssh: my-lb01' names an ssh config alias, but the ssh config "
                        + tmp.resolve("nope/config") + " does not exist"),
                p.sorted().stream().map(Problem::toString).toList());
    }

    @Test
    void proxyJumpGoesThroughEachHopAndVerifiesItsKey() throws Exception {
        Path key = key();
        bastion.authorize(Path.of(key + ".pub"));
        bastion.offer("publickey");
        bastion.allowForwarding();
        Path cfg = config("""
                Host bastion
                    HostName 127.0.0.1
                    Port %d
                    User jumper
                    IdentityFile %s
                Host my-lb01
                    HostName 127.0.0.1
                    Port %d
                    User learner
                    IdentityFile %s
                    ProxyJump bastion,bastion
                """.formatted(bastion.port(), key, target.port(), key));
        HostSpec h = lab(cfg, "  lb01: { ssh: my-lb01 }\n").host("lb01").orElseThrow();
        HostSpec.Jump hop = new HostSpec.Jump("bastion", "127.0.0.1", bastion.port(), "jumper", List.of(key));
        assertEquals(List.of(hop, hop), h.jumps());
        assertEquals("lb01 (learner@127.0.0.1:" + target.port() + " via bastion, bastion)", h.display());

        try (RemoteShell shell = connector(Map.of()).open(h)) {
            assertEquals("ok\n", run(shell));
            assertEquals("ok\n", shell.runBatch("echo ok", Duration.ofSeconds(20)).stdout());
        }
        assertEquals(List.of("jumper", "jumper"), bastion.logins, "two hops through the bastion");
        assertEquals(List.of("direct-tcpip", "direct-tcpip"), bastion.channelTypes);
        assertEquals(List.of("learner"), target.logins);
        String known = Files.readString(tmp.resolve("known_hosts"));
        assertTrue(known.contains("[127.0.0.1]:" + bastion.port() + " " + bastion.hostKeyLine()), known);
        assertTrue(known.contains("[127.0.0.1]:" + target.port() + " " + target.hostKeyLine()), known);

        bastion.restartWithNewHostKey();
        HostException e = assertThrows(HostException.class, () -> connector(Map.of()).open(h));
        assertEquals(HostException.Kind.HOST_KEY_CHANGED, e.kind());
        assertTrue(e.text().en().contains(
                "labtutor hosts forget --known-hosts " + tmp.resolve("known_hosts") + " 127.0.0.1:" + bastion.port()),
                e.text().en());
        assertTrue(e.text().en().startsWith("lb01 → bastion (jumper@127.0.0.1:" + bastion.port() + ")"), e.text().en());
    }

    @Test
    void keysFromSshAgentLogIn() throws Exception {
        Path ed = SshServerExtension.newUserKey(tmp, "ed25519", "");
        Path rsa = SshServerExtension.newUserKey(tmp, "rsa", "");
        target.authorize(Path.of(rsa + ".pub"));
        target.offer("publickey");
        Path sock = tmp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(sock) && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            for (Path k : List.of(ed, rsa)) {
                ProcessBuilder add = new ProcessBuilder("ssh-add", k.toString()).redirectErrorStream(true);
                add.environment().put("SSH_AUTH_SOCK", sock.toString());
                Process p = add.start();
                String out = new String(p.getInputStream().readAllBytes());
                assertEquals(0, p.waitFor(), out);
            }
            HostSpec h = target.host("root", Optional.empty(), Optional.empty(), false);
            try (RemoteShell shell = connector(Map.of("SSH_AUTH_SOCK", sock.toString())).open(h)) {
                assertEquals("ok\n", run(shell));
            }
            assertEquals(List.of("root"), target.logins);

            HostException none = assertThrows(HostException.class, () -> connector(Map.of()).open(h));
            assertEquals(HostException.Kind.NO_CREDENTIALS, none.kind(), "without SSH_AUTH_SOCK no agent is asked");
        } finally {
            agent.destroy();
            if (!agent.waitFor(10, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
    }
}
