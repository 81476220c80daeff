package dev.labtutor.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ExecResult;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.RemoteShell;
import dev.labtutor.lab.SecretPrompter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class SshConnectorTest {

    @RegisterExtension
    final SshServerExtension sshd = new SshServerExtension();

    @TempDir
    Path tmp;

    private final List<Text> notices = new CopyOnWriteArrayList<>();

    private SshOptions options() {
        return new SshOptions(tmp.resolve("known_hosts"), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(5), 1024 * 1024);
    }

    private SshConnector connector(SshOptions options, SecretPrompter prompter, Map<String, String> env) {
        return new SshConnector(options, prompter, env::get, notices::add);
    }

    private SshConnector connector(Map<String, String> env) {
        return connector(options(), SecretPrompter.none(), env);
    }

    private HostSpec passwordHost() {
        sshd.password("root", "s3cret-Pw");
        return sshd.host("root", Optional.empty(), Optional.of("LAB_PW"), false);
    }

    @Test
    void ed25519KeyLogsInAndScriptRunsWithSeparateStreamsAndExitStatus() throws Exception {
        Path key = SshServerExtension.newUserKey(tmp, "ed25519", "");
        sshd.authorize(Path.of(key + ".pub"));
        sshd.offer("publickey");
        HostSpec host = sshd.host("root", Optional.of(key), Optional.empty(), false);
        try (RemoteShell shell = connector(Map.of()).open(host)) {
            ExecResult r =
                    shell.runScript("echo hello; echo oops >&2; printf '%s' \"$0\"; exit 3\n", Duration.ofSeconds(20));
            assertEquals(3, r.exitStatus());
            assertEquals("hello\nsh", r.stdout());
            assertEquals("oops\n", r.stderr());
            assertFalse(r.stdoutTruncated() || r.stderrTruncated());
        }
        assertEquals(List.of("sh -s"), sshd.commands);
    }

    @Test
    void aPinnedConnectorAcceptsOnlyThatHostKeyAndExecGetsItsStdin() throws Exception {
        Path key = SshServerExtension.newUserKey(tmp, "ed25519", "");
        sshd.authorize(Path.of(key + ".pub"));
        sshd.offer("publickey");
        sshd.allowExec();
        HostSpec host = sshd.host("root", Optional.of(key), Optional.empty(), false);
        String pin = KnownHostsStore.fingerprint(sshd.hostPublicKey());
        try (SshjRemoteShell shell = SshConnector.pinned(options(), pin).open(host)) {
            ExecResult r = shell.exec("cat; echo done >&2", "任意 bytes\n".getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(20));
            assertEquals(0, r.exitStatus());
            assertEquals("任意 bytes\n", r.stdout());
            assertEquals("done\n", r.stderr());
            assertEquals("", shell.exec("cat", null, Duration.ofSeconds(20)).stdout());
        }
        assertEquals(List.of("cat; echo done >&2", "cat"), sshd.commands);
        assertFalse(Files.exists(tmp.resolve("known_hosts")), "a pinned connector leaves known_hosts alone");
        HostException e = assertThrows(HostException.class,
                () -> SshConnector.pinned(options(), "SHA256:" + "A".repeat(43)).open(host).close());
        assertEquals(HostException.Kind.HOST_KEY_CHANGED, e.kind());
    }

    @Test
    void rsaKeyLogsIn() throws Exception {
        Path key = SshServerExtension.newUserKey(tmp, "rsa", "");
        sshd.authorize(Path.of(key + ".pub"));
        sshd.offer("publickey");
        HostSpec host = sshd.host("root", Optional.of(key), Optional.empty(), false);
        try (RemoteShell shell = connector(Map.of()).open(host)) {
            assertEquals("ok\n", shell.runScript("echo ok", Duration.ofSeconds(20)).stdout());
        }
    }

    @Test
    void encryptedKeyAsksThePrompterForThePassphraseAndWipesIt() throws Exception {
        Path key = SshServerExtension.newUserKey(tmp, "ed25519", "key-pass");
        sshd.authorize(Path.of(key + ".pub"));
        sshd.offer("publickey");
        List<char[]> given = new ArrayList<>();
        SecretPrompter prompter = new SecretPrompter() {
            @Override
            public Optional<char[]> password(HostSpec host, String prompt) {
                throw new AssertionError("no password should be asked when the key works");
            }

            @Override
            public Optional<char[]> passphrase(Path k) {
                char[] p = "key-pass".toCharArray();
                given.add(p);
                return Optional.of(p);
            }
        };
        HostSpec host = sshd.host("root", Optional.of(key), Optional.empty(), false);
        try (RemoteShell shell = connector(options(), prompter, Map.of()).open(host)) {
            assertEquals(0, shell.runScript("true", Duration.ofSeconds(20)).exitStatus());
        }
        assertEquals(1, given.size());
        assertTrue(new String(given.get(0)).chars().allMatch(c -> c == 0), "passphrase array wiped");
    }

    @Test
    void encryptedKeyWithoutATerminalIsNoCredentials() throws Exception {
        Path key = SshServerExtension.newUserKey(tmp, "ed25519", "key-pass");
        sshd.authorize(Path.of(key + ".pub"));
        HostSpec host = sshd.host("root", Optional.of(key), Optional.empty(), false);
        HostException e = assertThrows(HostException.class, () -> connector(Map.of()).open(host));
        assertEquals(HostException.Kind.NO_CREDENTIALS, e.kind());
        assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
    }

    @Test
    void passwordFromTheEnvironment() throws Exception {
        HostSpec host = passwordHost();
        sshd.offer("password");
        try (RemoteShell shell = connector(Map.of("LAB_PW", "s3cret-Pw")).open(host)) {
            assertEquals("root\n", shell.runScript("echo root", Duration.ofSeconds(20)).stdout());
        }
    }

    @Test
    void passwordFromThePrompterIsWipedAfterLogin() throws Exception {
        HostSpec host = passwordHost();
        sshd.offer("password");
        char[] typed = "s3cret-Pw".toCharArray();
        List<String> prompts = new ArrayList<>();
        SecretPrompter prompter = new SecretPrompter() {
            @Override
            public Optional<char[]> password(HostSpec h, String prompt) {
                prompts.add(prompt);
                return Optional.of(typed);
            }

            @Override
            public Optional<char[]> passphrase(Path key) {
                return Optional.empty();
            }
        };
        try (RemoteShell shell = connector(options(), prompter, Map.of()).open(host)) {
            assertTrue(shell.isOpen());
        }
        assertEquals(1, prompts.size());
        assertTrue(prompts.get(0).contains("root@127.0.0.1"), prompts.get(0));
        assertTrue(Arrays.equals(new char[typed.length], typed), "typed password wiped");
    }

    @Test
    void keyboardInteractiveAnswersALocalisedPrompt() throws Exception {
        HostSpec host = passwordHost();
        sshd.offer("keyboard-interactive");
        sshd.keyboardPrompt("密码：");
        try (RemoteShell shell = connector(Map.of("LAB_PW", "s3cret-Pw")).open(host)) {
            assertEquals(0, shell.runScript("true", Duration.ofSeconds(20)).exitStatus());
        }
    }

    @Test
    void wrongPasswordIsAuthFailedNamingMethodsButNotTheSecret() {
        HostSpec host = passwordHost();
        sshd.offer("password", "keyboard-interactive");
        HostException e =
                assertThrows(HostException.class, () -> connector(Map.of("LAB_PW", "wrong-Guess-42")).open(host));
        assertEquals(HostException.Kind.AUTH_FAILED, e.kind());
        assertTrue(e.kind().unreachable());
        for (String m : List.of(e.text().en(), e.text().zh(), String.valueOf(e.getCause()))) {
            assertFalse(m.contains("wrong-Guess-42"), m);
        }
        assertTrue(e.text().en().contains(host.display()), e.text().en());
        assertTrue(e.text().en().contains("password (from $LAB_PW)"), e.text().en());
        assertTrue(e.text().en().contains("keyboard-interactive"), e.text().en());
        assertTrue(e.text().zh().contains("登录被拒绝"), e.text().zh());
    }

    @Test
    void noIdentityNoEnvironmentNoTerminalIsNoCredentialsNamingTheVariable() {
        HostSpec host = passwordHost();
        HostException e = assertThrows(HostException.class, () -> connector(Map.of()).open(host));
        assertEquals(HostException.Kind.NO_CREDENTIALS, e.kind());
        assertTrue(e.text().en().contains("LAB_PW"), e.text().en());
        assertTrue(e.text().zh().contains("LAB_PW"), e.text().zh());
    }

    @Test
    void hostKeysAreAcceptedOnceRefusedWhenChangedAndAcceptedAgainAfterForget() throws Exception {
        HostSpec host = passwordHost();
        Map<String, String> env = Map.of("LAB_PW", "s3cret-Pw");
        SshOptions options = options();
        String expected = fingerprintBySshKeygen(sshd.hostPublicKey());

        connector(options, SecretPrompter.none(), env).open(host).close();
        assertEquals(1, notices.size());
        String notice = notices.get(0).en();
        assertTrue(notice.contains("lb01") && notice.contains("[127.0.0.1]:" + sshd.port()), notice);
        assertTrue(notice.contains(expected), notice + " vs " + expected);
        String line = Files.readString(options.knownHostsFile());
        assertTrue(line.startsWith("[127.0.0.1]:" + sshd.port() + " ecdsa-sha2-nistp256 "), line);

        notices.clear();
        connector(options, SecretPrompter.none(), env).open(host).close();
        assertEquals(List.of(), notices);

        sshd.restartWithNewHostKey();
        String offered = fingerprintBySshKeygen(sshd.hostPublicKey());
        HostException e =
                assertThrows(HostException.class, () -> connector(options, SecretPrompter.none(), env).open(host));
        assertEquals(HostException.Kind.HOST_KEY_CHANGED, e.kind());
        assertFalse(e.kind().unreachable());
        String m = e.text().en();
        assertTrue(m.contains(expected) && m.contains(offered), m);
        String forget = "labtutor hosts forget --known-hosts " + options.knownHostsFile().toAbsolutePath().normalize()
                + " 127.0.0.1:" + sshd.port();
        assertTrue(m.contains("`" + forget + "`"), "the exact command for the file that was checked: " + m);
        assertTrue(m.contains("[127.0.0.1]:" + sshd.port()), m);
        assertTrue(e.text().zh().contains("`" + forget + "`"), e.text().zh());
        assertEquals(List.of(), notices);

        assertEquals(1, new KnownHostsStore(options.knownHostsFile()).forget("127.0.0.1:" + sshd.port()));
        connector(options, SecretPrompter.none(), env).open(host).close();
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).en().contains(offered));
    }

    @Test
    void aPortThatNeverSpeaksSshTimesOutInTheConfiguredTime() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HostSpec host = new HostSpec("web01", "127.0.0.1", silent.getLocalPort(), "root", Optional.empty(),
                    Optional.of("LAB_PW"), false);
            SshOptions options = options().withConnectTimeout(Duration.ofSeconds(1));
            long t0 = System.nanoTime();
            HostException e = assertThrows(HostException.class,
                    () -> connector(options, SecretPrompter.none(), Map.of("LAB_PW", "x")).open(host));
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertEquals(HostException.Kind.CONNECT_TIMEOUT, e.kind());
            assertTrue(ms >= 900 && ms < 5000, "took " + ms + " ms");
            assertTrue(e.text().en().contains("web01"), e.text().en());
        }
    }

    @Test
    void aClosedPortIsConnectFailed() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        HostSpec host =
                new HostSpec("web02", "127.0.0.1", port, "root", Optional.empty(), Optional.of("LAB_PW"), false);
        HostException e = assertThrows(HostException.class, () -> connector(Map.of("LAB_PW", "x")).open(host));
        assertEquals(HostException.Kind.CONNECT_FAILED, e.kind());
        assertTrue(e.text().en().contains("refused"), e.text().en());
    }

    @Test
    void aFullListenBacklogTimesOutInTheConfiguredTime() throws Exception {
        List<java.net.Socket> fillers = new ArrayList<>();
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            java.net.InetSocketAddress at =
                    new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), busy.getLocalPort());
            boolean full = false;
            for (int i = 0; i < 16 && !full; i++) {
                java.net.Socket s = new java.net.Socket();
                fillers.add(s);
                try {
                    s.connect(at, 300);
                } catch (java.net.SocketTimeoutException e) {
                    full = true;
                }
            }
            assertTrue(full, "the kernel kept accepting into a backlog of 1");
            HostSpec host = new HostSpec("web01", "127.0.0.1", busy.getLocalPort(), "root", Optional.empty(),
                    Optional.of("LAB_PW"), false);
            SshOptions options = options().withConnectTimeout(Duration.ofSeconds(1));
            long t0 = System.nanoTime();
            HostException e = assertThrows(HostException.class,
                    () -> connector(options, SecretPrompter.none(), Map.of("LAB_PW", "x")).open(host));
            long ms = Duration.ofNanos(System.nanoTime() - t0).toMillis();
            assertEquals(HostException.Kind.CONNECT_TIMEOUT, e.kind());
            assertTrue(ms >= 900 && ms < 5000, "took " + ms + " ms");
        } finally {
            for (java.net.Socket s : fillers) {
                s.close();
            }
        }
    }

    @Test
    void parallelFirstConnectsRecordTheHostKeyOnce() throws Exception {
        HostSpec host = passwordHost();
        SshConnector connector = connector(Map.of("LAB_PW", "s3cret-Pw"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<RemoteShell>> opened = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                opened.add(pool.submit(() -> connector.open(host)));
            }
            for (java.util.concurrent.Future<RemoteShell> f : opened) {
                try (RemoteShell shell = f.get()) {
                    assertEquals("x\n", shell.runScript("echo x", Duration.ofSeconds(20)).stdout());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, notices.size(), notices.toString());
        assertEquals(1, new KnownHostsStore(options().knownHostsFile()).list().size());
        assertEquals(6, sshd.connections.get());
    }

    private String fingerprintBySshKeygen(java.security.PublicKey key) throws Exception {
        Path pub = tmp.resolve("host-" + System.nanoTime() + ".pub");
        Files.writeString(pub, PublicKeyEntry.toString(key) + "\n", StandardCharsets.UTF_8);
        String out = SshServerExtension.sshKeygen(tmp, "-l", "-E", "sha256", "-f", pub.toString());
        String fp = out.trim().split("\\s+")[1];
        assertTrue(fp.startsWith("SHA256:"), out);
        assertEquals(fp, KnownHostsStore.fingerprint(key));
        return fp;
    }

    @Test
    void aMissingIdentityFileIsNamedBeforeAnyConnection() {
        Path key = tmp.resolve("id_missing");
        HostSpec host = sshd.host("root", Optional.of(key), Optional.empty(), false);
        HostException e = assertThrows(HostException.class, () -> connector(Map.of()).open(host));
        assertEquals(HostException.Kind.NO_CREDENTIALS, e.kind());
        assertEquals("lb01 (root@127.0.0.1:" + sshd.port() + "): the identity file " + key
                + " does not exist. Fix this host's identity in the lab file.", e.text().en());
        assertTrue(e.text().zh().contains("不存在"), e.text().zh());
        assertEquals(0, sshd.connections.get());
    }

    @Test
    void aPublicKeyGivenAsIdentityPointsToThePrivateKey() throws Exception {
        Path key = SshServerExtension.newUserKey(tmp, "ed25519", "");
        Path pub = Path.of(key + ".pub");
        HostSpec host = sshd.host("root", Optional.of(pub), Optional.empty(), false);
        HostException e = assertThrows(HostException.class, () -> connector(Map.of()).open(host));
        assertEquals(HostException.Kind.NO_CREDENTIALS, e.kind());
        assertTrue(e.text().en().contains(pub
                + " is a public key (.pub); identity needs the private key; the private key is probably " + key + "."),
                e.text().en());
        assertFalse(e.text().en().contains("passphrase") || e.text().en().contains("VM is"), e.text().en());
        assertEquals(0, sshd.connections.get());
    }

    @Test
    void aFileThatIsNoKeyIsSaidToBeNoKey() throws Exception {
        Path notKey = Files.writeString(tmp.resolve("notes.txt"), "hello\n");
        HostSpec host = sshd.host("root", Optional.of(notKey), Optional.empty(), false);
        HostException e = assertThrows(HostException.class, () -> connector(Map.of()).open(host));
        assertTrue(e.text().en().contains(notKey + " is not a private key file"), e.text().en());
    }

    @Test
    void theNoLoginMessageSuggestsTheKeyTheLabFileAccepts() {
        sshd.password("root", "pw");
        HostSpec host = sshd.host("root", Optional.empty(), Optional.empty(), false);
        HostException e = assertThrows(HostException.class, () -> connector(Map.of()).open(host));
        assertEquals(HostException.Kind.NO_CREDENTIALS, e.kind());
        assertTrue(e.text().en().contains("password-env") && !e.text().en().contains("password_env"), e.text().en());
        assertTrue(e.text().zh().contains("password-env"), e.text().zh());
    }
}
