package dev.labtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.HostVerdict;
import dev.labtutor.check.Status;
import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.course.Course;
import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.lab.ShellPool;
import dev.labtutor.ssh.KnownHostsStore;
import dev.labtutor.ssh.SshConnector;
import dev.labtutor.ssh.SshOptions;
import dev.labtutor.ssh.TestSshd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class of three over real SSH (in-process MINA sshd running the probe scripts with a local {@code sh}): s01 logs in
 * with a password from the environment, s02's hosts accept TCP and never say a word, s03 logs in with a
 * passphrase-protected key and one of its hosts presents a changed host key. Checks the deadline, the batching, the
 * host key policy and that neither secret reaches the gradebook.
 */
class GraderSshTest {

    private static final String PASSWORD = "Cl4ss-Pw-7319";
    private static final String PASSPHRASE = "key-Phrase-4471";
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private Path encryptedKey() throws Exception {
        Path key = dir.resolve("class_key");
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", PASSPHRASE, "-f", key.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, p.waitFor(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return key;
    }

    @Test
    void aSilentHostCostsItsDeadlineDelaysNobodyAndNoSecretReachesTheGradebook() throws Exception {
        Path key = encryptedKey();
        TestSshd a = TestSshd.withPassword(PASSWORD);
        TestSshd b = TestSshd.withKey(Path.of(key + ".pub"));
        TestSshd c = TestSshd.withKey(Path.of(key + ".pub"));
        open.addAll(List.of(a, b, c));
        SilentListener listener = new SilentListener();
        open.add(listener);
        int silent = listener.port();
        Path kh = dir.resolve("known_hosts");
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(256);
        new KnownHostsStore(kh).check("127.0.0.1", c.port(), g.generateKeyPair().getPublic());
        String khBefore = Files.readString(kh);

        Roster roster = GradeFixture.roster(dir, """
                course: keepalived-lvs
                defaults: { user: root }
                students:
                  - id: s01
                    name: 张三
                    vars: { vip: 10.1.1.200, vrid: "61", auth-pass: "pa551111" }
                    hosts:
                      lb01: { address: 127.0.0.1, port: %1$d, password-env: CLASS_PW }
                      lb02: { address: 127.0.0.1, port: %1$d, password-env: CLASS_PW }
                  - id: s02
                    name: 李四
                    vars: { vip: 10.1.2.200, vrid: "62", auth-pass: "pa552222" }
                    hosts:
                      lb01: { address: 127.0.0.1, port: %2$d }
                      lb02: { address: 127.0.0.1, port: %2$d }
                  - id: s03
                    name: Wang Wu
                    vars: { vip: 10.1.3.200, vrid: "63", auth-pass: "pa553333" }
                    hosts:
                      lb01: { address: 127.0.0.1, port: %3$d, identity: class_key }
                      lb02: { address: 127.0.0.1, port: %4$d, identity: class_key }
                """.formatted(a.port(), silent, b.port(), c.port()));
        Course course = GradeFixture.course();
        CheckCatalog catalog = CheckCatalog.readStrict(GradeFixture.root().resolve("checks"));

        Redactor redactor = new Redactor();
        AtomicInteger asked = new AtomicInteger();
        SecretPrompter console = new SecretPrompter() {
            @Override
            public Optional<char[]> password(HostSpec host, String prompt) {
                return Optional.empty();
            }

            @Override
            public Optional<char[]> passphrase(Path k) {
                asked.incrementAndGet();
                return Optional.of(PASSPHRASE.toCharArray());
            }
        };
        new net.schmizz.sshj.DefaultConfig();
        SshOptions options =
                new SshOptions(kh, TIMEOUT, TIMEOUT, TIMEOUT, Duration.ofSeconds(15), SshOptions.DEFAULT_OUTPUT_CAP);
        ClassGrades grades;
        long t0 = System.nanoTime();
        try (ClassPrompter prompter = new ClassPrompter(console, () -> {
        }, () -> {
        }, redactor);
                ShellPool pool = new ShellPool(new SshConnector(options, prompter,
                        redactor.recording(Map.of("CLASS_PW", PASSWORD)::get), n -> {
                        }));
                Grader grader = new Grader(course, catalog, pool::get,
                        p -> new ProbeBroken(p.describe(), "no local probes here"), TIMEOUT, 8, redactor)) {
            grades = grader.grade(roster, course.lessons(), kh, Grader.Listener.none());
        }
        long roundMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(roundMs < 2 * TIMEOUT.toMillis(), "the round took " + roundMs + " ms: the silent hosts held it up");

        StudentGrade s01 = grades.students().get(0);
        StudentGrade s02 = grades.students().get(1);
        StudentGrade s03 = grades.students().get(2);
        for (HostRecord h : s01.hosts()) {
            assertEquals(HostRecord.State.ANSWERED, h.state(), h.toString());
            assertTrue(h.elapsed().toMillis() < TIMEOUT.toMillis(), "s01 was not held up by s02: " + h.elapsed());
            assertTrue(h.hostKey().orElseThrow().startsWith("ecdsa-sha2-nistp256 SHA256:"), h.hostKey().toString());
        }
        assertEquals(List.of("sh -s", "sh -s"), a.commands, "one batched exec per host for all three lessons");
        assertEquals(19, s01.maximum(), "19 checks of 1 point");

        assertTrue(s02.allUnreachable());
        for (HostRecord h : s02.hosts()) {
            assertEquals(HostRecord.State.UNREACHABLE, h.state());
            long ms = h.elapsed().toMillis();
            assertTrue(ms >= TIMEOUT.toMillis() - 200 && ms <= TIMEOUT.toMillis() + 1000,
                    "a silent host costs its deadline: " + ms);
            assertTrue(h.problem().orElseThrow().en().contains("within 20 s"), h.problem().toString());
        }
        assertEquals(0, s02.total());
        assertTrue(!s02.graded() && s02.remarks(Lang.EN).startsWith("NOT GRADED")
                && !s02.remarks(Lang.EN).contains("FAIL"), s02.remarks(Lang.EN));
        assertEquals(s02.lessons().stream().mapToLong(l -> l.checks().size()).sum(), s02.count(Status.UNREACHABLE));

        assertEquals(1, asked.get(), "the passphrase is asked once for the whole class");
        assertEquals(HostRecord.State.ANSWERED, s03.hosts().get(0).state());
        assertEquals(HostRecord.State.ERROR, s03.hosts().get(1).state());
        assertTrue(s03.hosts().get(1).problem().orElseThrow().en().toLowerCase().contains("host key"),
                s03.hosts().get(1).toString());
        assertEquals(khBefore, Files.readString(kh).lines()
                .filter(l -> !l.startsWith("[127.0.0.1]:" + a.port()) && !l.startsWith("[127.0.0.1]:" + b.port()))
                .map(l -> l + "\n").reduce("", String::concat), "the changed key is refused, not replaced");
        String changed = s03.hosts().get(1).problem().orElseThrow().en();
        String forget =
                "labtutor hosts forget --known-hosts " + kh.toAbsolutePath().normalize() + " 127.0.0.1:" + c.port();
        assertTrue(changed.contains("`" + forget + "`"), "the exact command for the class file and host: " + changed);
        var installed = s03.lessons().get(0).checks().get(0).verdict();
        assertEquals(Status.ERROR, installed.status(), "a check on both hosts is ERROR when one host is");
        HostVerdict onLb01 = installed.on("lb01").orElseThrow();
        assertTrue(onLb01.status() == Status.PASS || onLb01.status() == Status.FAIL,
                "lb01's own verdict is judged, not turned into lb02's ERROR: " + onLb01);
        assertTrue(s03.graded() && s03.remarks(Lang.EN).contains("ERROR lb02"), s03.remarks(Lang.EN));
        assertEquals(List.of("lb02"), s03.errorHosts());
        assertTrue(
                Remarks.details(s03, Lang.EN).get(0).startsWith("ERROR lb02 ")
                        && Remarks.details(s03, Lang.EN).get(0).contains(forget),
                Remarks.details(s03, Lang.EN).toString());

        Path book = dir.resolve("book");
        Gradebook.write(grades, book, Lang.EN);
        GradeFixture.crosscheck(book);
        GradeFixture.sha256sumCheck(book);
        try (Stream<Path> files = Files.walk(book)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                for (String secret : List.of(PASSWORD, PASSPHRASE, "pa551111", "pa552222", "pa553333")) {
                    assertFalse(text.contains(secret), f + " contains a secret");
                }
            }
        }
        String ev = Files.readString(book.resolve("evidence/s01/lb01.txt"));
        assertTrue(ev.contains("probe script sent") && ev.contains("==LT ") && ev.contains("exit status 0"), ev);

        String[] advised = forget.substring("labtutor hosts ".length()).split(" ");
        java.io.StringWriter said = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new dev.labtutor.cli.HostsCommand(role -> Optional.empty()));
        cl.setOut(new java.io.PrintWriter(said, true));
        assertEquals(0, cl.execute(advised), said.toString());
        assertTrue(said.toString().startsWith("Forgot 1 host key") || said.toString().startsWith("已删除"),
                said.toString());
        assertFalse(Files.readString(kh).contains("[127.0.0.1]:" + c.port() + " "),
                "the advised command forgets the changed key");
    }
}
