package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.CheckCatalog;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.course.Lesson;
import dev.labtutor.grading.ClassGrades;
import dev.labtutor.grading.Grader;
import dev.labtutor.grading.HostRecord;
import dev.labtutor.grading.Redactor;
import dev.labtutor.grading.Roster;
import dev.labtutor.grading.RosterReader;
import dev.labtutor.grading.StudentGrade;
import dev.labtutor.i18n.SafeText;
import dev.labtutor.lab.LabFileReader;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.lab.ShellPool;
import dev.labtutor.ssh.SshConnector;
import dev.labtutor.ssh.SshOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A class in which some students' hosts are hostile or broken, graded beside a healthy one (issue 18). Two namespace
 * labs with real sshd: H is healthy (solved up to lesson backup); X is solved too and then made hostile from the
 * inside, as a student root on it could: on lb01 stand-in {@code ip}, {@code rpm}, {@code journalctl} and
 * {@code hostname} print terminal escapes (clear screen, title, OSC 52 clipboard, cursor moves, C1 CSI), bidi and
 * zero-width characters, NUL and invalid UTF-8, markup and script, a spreadsheet formula, and {@code rpm} 100 MB more;
 * its keepalived.conf is 1 GB (sparse) with a 10-deep include loop. On lb02 keepalived.conf is a link to /dev/zero, the
 * log a link to /proc/kcore, and {@code getenforce} prints without end. X's web01 drops its own SSH connection in the
 * middle of the batch. Beside them, loopback servers that accept TCP and say nothing, say their banner and then
 * nothing, drip it a byte a second, an sshd whose key check never answers, and a relay that cuts the connection
 * mid-batch.
 *
 * <p>What must hold: the healthy student's grades are the same as when graded alone; every bad host is UNREACHABLE or
 * ERROR with its reason, or its checks judged, within its deadline; the grading JVM stays under 256 MB; nothing but
 * plain text reaches the terminal; report.html runs no script but labtutor's and makes no request in a real headless
 * browser; the CSV's cells are text; the evidence keeps what was seen, escaped, with its hash. Then, as between two
 * rounds of {@code grade --watch}, H's lb02 gets a new host key and is refused as such.
 *
 * <p>Needs root; fails instead of skipping when CI=true. Everything it makes is named {@code lth*}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileHostsTest {

    private static final int TIMEOUT = 15;
    private static final List<String> LESSONS = List.of("install", "master", "backup", "logs");
    private static final List<AutoCloseable> OPEN = new ArrayList<>();
    private static Sandbox healthy;
    private static Sandbox hostile;
    private static Path dir;
    private static Process authHang;
    private static ServerSocket leak;
    private static final AtomicInteger LEAKED = new AtomicInteger();

    /** What the hostile tools print (printf format: octal escapes), with {@code LEAK} the port of the request trap. */
    private static final String PAYLOAD =
            "\\033[2J\\033[H\\033]0;PWNED-TITLE\\007\\033]52;c;cm0gLXJmIH4K\\007\\033[5A\\302\\23331m"
                    + "\\342\\200\\256evil\\342\\200\\213\\000\\377\\376\\r<script>document.title='PWNED'</script>"
                    + "<img src='http://127.0.0.1:LEAK/img' onerror='document.body.dataset.pwned=1'>=HYPERLINK(\\\"http://127.0.0.1:LEAK/csv\\\")";

    @BeforeAll
    static void up() throws Exception {
        System.setProperty("labtutor.home", System.getProperty("labtutor.root", "."));
        RootLab.requireRoot();
        dir = Files.createTempDirectory("lth-");
        leak = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                while (true) {
                    leak.accept().close();
                    LEAKED.incrementAndGet();
                }
            } catch (IOException closed) {
                // closed in down()
            }
        }, "lth-leak");
        t.setDaemon(true);
        t.start();
        healthy = Sandbox.up(spec(List.of(SandboxRole.LB01, SandboxRole.LB02)));
        hostile = Sandbox.up(spec(List.of(SandboxRole.LB01, SandboxRole.LB02, SandboxRole.WEB01)));
        for (Sandbox s : List.of(healthy, hostile)) {
            CliRun solve = CliRun.of("sandbox", "solve", "backup", "--name", s.spec().name(), "--state-dir",
                    s.spec().stateRoot().toString());
            assertEquals(0, solve.code(), solve.out() + solve.err());
        }
        makeHostile();
    }

    private static SandboxSpec spec(List<SandboxRole> roles) {
        SandboxSpec s = RootLab.uniqueSpec(roles);
        return s.withName("lth" + s.name().substring(1, 5));
    }

    @AfterAll
    static void down() throws Exception {
        for (AutoCloseable c : OPEN) {
            c.close();
        }
        if (authHang != null) {
            // Its pre-auth children and their sleeping key command outlive the listener otherwise.
            List<ProcessHandle> children = authHang.descendants().toList();
            children.forEach(ProcessHandle::destroyForcibly);
            authHang.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle c : children) {
                c.onExit().get(10, TimeUnit.SECONDS);
            }
        }
        if (leak != null) {
            leak.close();
        }
        RootLab.downAndClean(healthy);
        RootLab.downAndClean(hostile);
        for (Sandbox s : new Sandbox[]{healthy, hostile}) {
            if (s != null) {
                String netns = LocalCommand.run("ip", "netns", "list").stdout();
                assertFalse(netns.contains("lt-" + s.spec().name()), "left behind: " + netns);
            }
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * Replaces the host's stand-in directory with a copy holding {@code tools} (name to sh body), in its mount
     * namespace only.
     */
    private static void tools(SandboxRole role, Map<String, String> tools, String more) {
        StringBuilder sh = new StringBuilder("set -e\nB=/run/lth-bin; mkdir -p $B; cp -a /usr/local/sbin/. $B/\n");
        sh.append("printf \"").append(PAYLOAD.replace("LEAK", Integer.toString(leak.getLocalPort())))
                .append("\" > /run/lth-payload\n");
        tools.forEach((name, body) -> sh.append("cat > $B/").append(name).append(" <<'LTH_EOF'\n#!/bin/sh\n")
                .append(body).append("\nLTH_EOF\nchmod 755 $B/").append(name).append('\n'));
        sh.append(more).append("\nmount --bind $B /usr/local/sbin\n");
        var r = hostile.sh(role, sh.toString());
        assertEquals(0, r.exitStatus(), role + ": " + r.stderr() + r.stdout());
    }

    private static void makeHostile() {
        String realIp = "R=$(PATH=/usr/sbin:/usr/bin:/sbin:/bin command -v ip)\n";
        tools(SandboxRole.LB01, Map.of("ip", realIp
                + "\"$R\" \"$@\" | sed 's/\"ifname\":\"\\([a-z0-9]*\\)\"/\"ifname\":\"\\1\\\\u001b]0;PWNED\\\\u0007<script>alert(1)<\\/script>\\\\u202e\"/g'",
                "rpm", "cat /run/lth-payload; echo; head -c 104857600 /dev/zero; exit 0", "journalctl",
                "for i in 1 2 3; do printf 'Dec  7 01:00:0%s lb01' \"$i\"; cat /run/lth-payload; "
                        + "printf ' Keepalived_vrrp[9]: (VI_1) Entering MASTER STATE\\n'; done",
                "hostname", "cat /run/lth-payload"),
                // keepalived.conf: hostile comment lines, the real config, a 10-deep include loop, 1 GB in all.
                "K=/etc/keepalived; cp $K/keepalived.conf /run/lth-real.conf\n"
                        + "{ printf '! '; cat /run/lth-payload; printf '\\n'; cat /run/lth-real.conf; printf 'include %s/lth-1.conf\\n' $K; } > $K/keepalived.conf\n"
                        + "for i in 1 2 3 4 5 6 7 8 9 10; do n=$((i % 10 + 1)); { printf '! loop %s ' $i; cat /run/lth-payload; "
                        + "printf '\\ninclude %s/lth-%s.conf\\n' $K $n; } > $K/lth-$i.conf; done\n"
                        + "truncate -s 1G $K/keepalived.conf");
        tools(SandboxRole.LB02,
                Map.of("journalctl", "echo 'No journal files were found.' >&2; exit 1", "getenforce",
                        "while :; do head -c 65536 /dev/urandom; sleep 0.1; done"),
                "rm -f /etc/keepalived/keepalived.conf; ln -s /dev/zero /etc/keepalived/keepalived.conf\n"
                        + "rm -f /var/log/messages; ln -s /proc/kcore /var/log/messages");
        // Drops its own SSH connection mid-batch: kills the sshd process that serves this session.
        tools(SandboxRole.WEB01,
                Map.of("rpm",
                        "p=$$; while [ \"$p\" -gt 1 ]; do "
                                + "if [ \"$(cat /proc/$p/comm)\" = sshd ]; then kill -9 \"$p\"; exit 0; fi; "
                                + "p=$(awk '{print $4}' /proc/$p/stat); done"),
                "");
    }

    /** An sshd on loopback whose public-key check never answers (AuthorizedKeysCommand sleeps). */
    private static int startAuthHang() throws Exception {
        Path key = dir.resolve("lth_hang_host_key");
        assertEquals(0, new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString()).start()
                .waitFor());
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(Path.of("/run/sshd"));
        String sleep = Files.exists(Path.of("/usr/bin/sleep")) ? "/usr/bin/sleep" : "/bin/sleep";
        authHang = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", "/dev/null", "-h", key.toString(), "-p",
                Integer.toString(port), "-o", "ListenAddress=127.0.0.1", "-o", "PidFile=none", "-o", "UsePAM=no", "-o",
                "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no", "-o", "AuthorizedKeysFile=none",
                "-o", "AuthorizedKeysCommandUser=nobody", "-o", "AuthorizedKeysCommand=" + sleep + " " + 4 * TIMEOUT,
                "-o", "LoginGraceTime=" + 6 * TIMEOUT, "-o", "MaxStartups=50").redirectErrorStream(true)
                .redirectOutput(dir.resolve("lth-hang-sshd.log").toFile()).start();
        assertTrue(RootLab.eventually(Duration.ofSeconds(10), () -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }), "the auth-hang sshd listens");
        return port;
    }

    private static Path roster(String name, boolean withBadHosts) throws Exception {
        StringBuilder r = new StringBuilder("course: keepalived-lvs\nlessons: [" + String.join(", ", LESSONS) + "]\n"
                + "defaults: { user: root }\nstudents:\n" + "  - id: s01\n    name: 张三\n    lab: \"" + healthy.labFile()
                + "\"\n");
        if (withBadHosts) {
            MisbehavingSshServer silent = open(MisbehavingSshServer.of(MisbehavingSshServer.Mode.SILENT));
            MisbehavingSshServer banner = open(MisbehavingSshServer.of(MisbehavingSshServer.Mode.BANNER_THEN_SILENCE));
            MisbehavingSshServer drip = open(MisbehavingSshServer.of(MisbehavingSshServer.Mode.DRIP));
            MisbehavingSshServer drop =
                    open(MisbehavingSshServer.dropping(healthy.host(SandboxRole.LB01).address(), 22, 6000));
            int hang = startAuthHang();
            String xKey = hostile.privateKey().toString();
            String hKey = healthy.privateKey().toString();
            r.append("  - id: s02\n    name: \"=HYPERLINK(\\\"http://x/\\\")\"\n    lab: \"").append(hostile.labFile())
                    .append("\"\n");
            r.append(student("s03", 3,
                    "{ address: " + hostile.host(SandboxRole.WEB01).address() + ", identity: " + xKey + " }",
                    "{ address: 127.0.0.1, port: " + silent.port() + ", identity: " + hKey + " }"));
            r.append(student("s04", 4, "{ address: 127.0.0.1, port: " + banner.port() + ", identity: " + hKey + " }",
                    "{ address: 127.0.0.1, port: " + drip.port() + ", identity: " + hKey + " }"));
            r.append(student("s05", 5, "{ address: 127.0.0.1, port: " + hang + ", identity: " + hKey + " }",
                    "{ address: 127.0.0.1, port: " + drop.port() + ", identity: " + hKey + " }"));
        }
        Path f = dir.resolve(name);
        Files.writeString(f, r.toString(), StandardCharsets.UTF_8);
        return f;
    }

    private static String student(String id, int n, String lb01, String lb02) {
        return "  - id: " + id + "\n    name: Student " + n + "\n    vars: { vip: 10.99." + n + ".200, vrid: \"9" + n
                + "\", auth-pass: \"lthpass" + n + "\" }\n    hosts:\n      lb01: " + lb01 + "\n      lb02: " + lb02
                + "\n";
    }

    private static <T extends AutoCloseable> T open(T c) {
        OPEN.add(c);
        return c;
    }

    /** One student's object in crosscheck.py's summary (scores, cells, hosts, remarks). */
    private static String summaryOf(Path book, String id) throws Exception {
        String s = dev.labtutor.grading.GradeFixture.crosscheck(book);
        Matcher m = Pattern.compile("\"" + id + "\": (\\{.*?\"remarks\": \"(?:[^\"\\\\]|\\\\.)*\")").matcher(s);
        assertTrue(m.find(), id + " in " + s);
        return m.group(1);
    }

    /** check id and host to status, for one student of results.json. */
    private static Map<String, String> verdicts(Path book, String id) throws IOException {
        String json = Files.readString(book.resolve("results.json"), StandardCharsets.UTF_8);
        int from = json.indexOf("\"id\": \"" + id + "\"");
        int to = json.indexOf("\"id\": \"s0", from + 10);
        String mine = json.substring(from, to < 0 ? json.length() : to);
        Map<String, String> m = new LinkedHashMap<>();
        Matcher r = Pattern.compile("\"check\": \"([a-z0-9-]+)\",(?s:.*?)\"status\": \"([a-z]+)\"").matcher(mine);
        while (r.find()) {
            m.merge(r.group(1), r.group(2), (a, b) -> a + "," + b);
        }
        return m;
    }

    private static Path alone;
    private static Path together;
    private static String together_out;

    @Test
    @Order(1)
    void healthyStudentsGetTheSameGradesWithHostileClassmatesAndEveryBadHostCostsAtMostItsDeadline() throws Exception {
        Path kh = dir.resolve("known_hosts");
        alone = dir.resolve("grades-alone");
        CliRun a = CliRun.of("grade", "--roster", roster("alone.yaml", false).toString(), "--out", alone.toString(),
                "--timeout", Integer.toString(TIMEOUT), "--known-hosts", kh.toString(), "--lang", "en");
        assertEquals(0, a.code(), a.out() + a.err());

        together = dir.resolve("grades-together");
        Path rosterFile = roster("together.yaml", true);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // The launcher's options for grade (bin/labtutor).
                "-Xshare:auto", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xmx192m",
                "-Dlabtutor.home=" + System.getProperty("labtutor.home"), "-cp", System.getProperty("java.class.path"),
                "dev.labtutor.cli.Main", "grade", "--roster", rosterFile.toString(), "--out", together.toString(),
                "--timeout", Integer.toString(TIMEOUT), "--known-hosts", kh.toString(), "--lang", "en"));
        Path outFile = dir.resolve("together.out");
        Path errFile = dir.resolve("together.err");
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(outFile.toFile()).redirectError(errFile.toFile()).start();
        long peakKb = 0;
        while (!p.waitFor(100, TimeUnit.MILLISECONDS)) {
            peakKb = Math.max(peakKb, vmHwmKb(p.pid()));
        }
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        String out = Files.readString(outFile, StandardCharsets.UTF_8);
        String err = Files.readString(errFile, StandardCharsets.UTF_8);
        together_out = out + err;
        assertEquals(0, p.exitValue(), out + err);

        long longest = 0;
        StringBuilder hosts = new StringBuilder();
        try (Stream<Path> files = Files.walk(together.resolve("evidence"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String ev = Files.readString(f, StandardCharsets.UTF_8);
                Matcher ms = Pattern.compile("(?m)^elapsed: +(\\d+) ms").matcher(ev);
                assertTrue(ms.find(), f.toString());
                longest = Math.max(longest, Long.parseLong(ms.group(1)));
                Matcher st = Pattern.compile("(?m)^state: +(.*)$").matcher(ev);
                assertTrue(st.find());
                hosts.append("  ").append(together.relativize(f)).append(" ").append(ms.group(1)).append(" ms: ")
                        .append(st.group(1), 0, Math.min(160, st.group(1).length())).append('\n');
            }
        }
        System.out.printf(
                "HostileHostsTest figures: peak RSS of the grading JVM %d MB (budget 256 MB), longest host %d ms "
                        + "(deadline %d s), wall %d ms, %d leaked requests%n%s",
                peakKb / 1024, longest, TIMEOUT, wallMs, LEAKED.get(), hosts);
        assertTrue(peakKb > 0 && peakKb < 256 * 1024, "peak RSS " + peakKb + " kB");
        // The deadline is kept by timers and sockets on a machine that may be loaded: a few seconds of slack.
        assertTrue(longest <= TIMEOUT * 1000L + 3000, "a host took " + longest + " ms");

        assertEquals(summaryOf(alone, "s01"), summaryOf(together, "s01"),
                "s01's grades do not depend on the classmates");
        assertEquals(verdicts(alone, "s01"), verdicts(together, "s01"), "nor does any of s01's verdicts");
        assertFalse(verdicts(together, "s01").isEmpty());

        for (String bad : List.of("s03", "s04", "s05")) {
            for (String role : List.of("lb01", "lb02")) {
                String ev = Files.readString(together.resolve("evidence/" + bad + "/" + role + ".txt"),
                        StandardCharsets.UTF_8);
                Matcher st = Pattern.compile("(?m)^state: +(unreachable|error): (.{10,})$").matcher(ev);
                assertTrue(st.find(), bad + "/" + role + " is UNREACHABLE or ERROR with its reason: "
                        + ev.lines().limit(12).toList());
            }
        }
        assertTrue(Files.readString(together.resolve("evidence/s05/lb01.txt")).contains("state:     unreachable"),
                "auth that never answers");
        String s02 = summaryOf(together, "s02");
        assertTrue(s02.contains("\"graded\": true") || s02.contains("\"graded\": false"), s02);
    }

    private static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process just ended
        }
        return 0;
    }

    private static void assertPlain(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\n' && SafeText.unsafe(c)) {
                throw new AssertionError(what + ": character U+" + Integer.toHexString(c) + " reaches the terminal at "
                        + i + ": " + text.substring(Math.max(0, i - 80), Math.min(text.length(), i + 40)));
            }
        }
    }

    @Test
    @Order(2)
    void nothingButPlainTextReachesTheTerminal() {
        assertPlain("grade", together_out);
        assertTrue(together_out.contains("s02"), together_out);
        StringBuilder all = new StringBuilder(together_out);
        for (String format : List.of("text", "json")) {
            CliRun c = CliRun.of("check", format.equals("text") ? "install" : "master", "--lab",
                    hostile.labFile().toString(), "--format", format, "--lang", "en", "--known-hosts",
                    dir.resolve("known_hosts").toString());
            assertPlain("check --format " + format, c.out() + c.err());
            all.append(c.out());
        }
        assertTrue(all.toString().contains("\\x1b") || all.toString().contains("\\u001b"),
                "what lb01 printed is shown, made visible: " + all);
    }

    @Test
    @Order(3)
    void theReportRunsNoScriptButLabtutorsAndMakesNoRequestInARealBrowser() throws Exception {
        Path report = together.resolve("report.html");
        String html = Files.readString(report, StandardCharsets.UTF_8);
        assertTrue(html.contains("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"),
                "the payload is in the report, as text");
        String dom = chromiumDom(report);
        assertEquals(1, dom.split("<script", -1).length - 1, "one script element, labtutor's");
        assertFalse(dom.contains("<img") || dom.contains("data-pwned") || dom.contains("<title>PWNED"),
                "no injected element ran");
        assertTrue(dom.contains("id=\"grades\""), "the page rendered");
        assertEquals(0, LEAKED.get(), "no request left the page");

        // The trap works: the same payload as markup in a page without labtutor's escaping or policy does request it.
        Path control = dir.resolve("control.html");
        Files.writeString(control, "<!DOCTYPE html><html><body><img src='http://127.0.0.1:" + leak.getLocalPort()
                + "/control'></body></html>");
        chromiumDom(control);
        assertTrue(RootLab.eventually(Duration.ofSeconds(5), () -> LEAKED.get() > 0),
                "the control page's request was seen");
        LEAKED.set(0);
        // And the policy alone stops injected markup: the report with the raw payload spliced in still runs nothing.
        Path spliced = dir.resolve("spliced.html");
        Files.writeString(spliced, html.replace("<h1>", "<img src='http://127.0.0.1:" + leak.getLocalPort()
                + "/spliced' onerror='document.body.dataset.pwned=1'><script>document.title='PWNED'</script><h1>"));
        String splicedDom = chromiumDom(spliced);
        assertFalse(splicedDom.contains("data-pwned") || splicedDom.contains("<title>PWNED"),
                "the policy blocks injected script");
        Thread.sleep(500);
        assertEquals(0, LEAKED.get(), "the policy blocks the injected request");
    }

    private static String chromiumDom(Path page) throws Exception {
        String browser = Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser")
                .filter(b -> Files.isExecutable(Path.of(b))).findFirst()
                .orElseThrow(() -> new AssertionError("chromium is not installed (apt-get install chromium)"));
        Process p = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--user-data-dir=" + dir.resolve("lth-chromium"), "--virtual-time-budget=2000", "--dump-dom",
                page.toUri().toString()).redirectError(dir.resolve("chromium.log").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "chromium ended");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("chromium.log")));
        return dom;
    }

    @Test
    @Order(4)
    void everyCsvCellIsTextAndTheEvidenceKeepsWhatWasSeenEscapedWithItsHash() throws Exception {
        String csv = Files.readString(together.resolve("grades.csv"), StandardCharsets.UTF_8);
        for (String cell : cells(csv)) {
            assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.strip().isEmpty() ? ' ' : cell.strip().charAt(0)) >= 0
                    && !cell.matches("-?[0-9.]+"), "a cell a spreadsheet would take for a formula: " + cell);
            assertPlain("csv cell", cell);
        }
        assertTrue(csv.contains("'=HYPERLINK"), csv);

        String ev = Files.readString(together.resolve("evidence/s02/lb01.txt"), StandardCharsets.UTF_8);
        assertPlain("evidence", ev);
        assertTrue(ev.contains("\\x1b]52;c;cm0gLXJmIH4K\\x07") && ev.contains("\\u{202E}evil\\u{200B}\\x00"),
                "escaped, still readable");
        Matcher m = Pattern.compile("stdout sha256 ([0-9a-f]{64}),").matcher(ev);
        assertTrue(m.find(), ev.lines().limit(20).toList().toString());
        Matcher body =
                Pattern.compile("(?s)=+ stdout(?: \\(truncated\\))? \\(escaped\\) =+\n(.*)\n=+ stderr").matcher(ev);
        assertTrue(body.find(), ev.lines().limit(30).toList().toString());
        assertTrue(Pattern.compile("==LT [0-9a-f]+ END \\d+ rc=0 timeout=0 trunc=1").matcher(body.group(1)).find(),
                "rpm's 100 MB were cut to the probe's cap and the batch says so");
        String seen = unescape(body.group(1));
        assertEquals(m.group(1),
                HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(seen.getBytes(StandardCharsets.UTF_8))),
                "the escaped text gives back exactly what was received");
        dev.labtutor.grading.GradeFixture.sha256sumCheck(together);
    }

    /** The CSV's cells (RFC 4180). */
    private static List<String> cells(String csv) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = csv.startsWith("\uFEFF") ? 1 : 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\r' || c == '\n') {
                if (c != '\n' || i == 0 || csv.charAt(i - 1) != '\r') {
                    cells.add(cur.toString());
                }
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        return cells;
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                sb.append(c);
            } else if (s.charAt(i + 1) == '\\') {
                sb.append('\\');
                i++;
            } else if (s.charAt(i + 1) == 'x') {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                int end = s.indexOf('}', i);
                sb.appendCodePoint(Integer.parseInt(s.substring(i + 3, end), 16));
                i = end;
            }
        }
        return sb.toString();
    }

    @Test
    @Order(5)
    void aHostKeyThatChangesBetweenTwoWatchRoundsIsRefusedAsSuch() throws Exception {
        Path root = Path.of(System.getProperty("labtutor.home"));
        Course course = CourseReader.readStrict(root.resolve("lessons/keepalived-lvs"));
        CheckCatalog catalog = CheckCatalog.readStrict(root.resolve("checks"));
        List<Lesson> lessons =
                course.lessons().stream().filter(l -> List.of("install", "master", "backup").contains(l.id())).toList();
        Roster roster = new RosterReader(new LabFileReader(dir)).readStrict(roster("watch.yaml", false));
        Path kh = dir.resolve("known_hosts_watch");
        Duration deadline = Duration.ofSeconds(TIMEOUT);
        SshOptions base = SshOptions.defaults(kh);
        SshConnector connector = new SshConnector(
                new SshOptions(kh, deadline, deadline, deadline, base.keepAliveInterval(), base.outputCap()),
                SecretPrompter.none(), t -> {
                });
        try (ShellPool pool = new ShellPool(connector); Grader grader = new Grader(course, catalog, pool::get, p -> {
            throw new IllegalStateException("no local probe in these lessons: " + p);
        }, deadline, 8, new Redactor())) {
            StudentGrade first = grader.grade(roster, lessons, kh, Grader.Listener.none()).students().get(0);
            assertTrue(first.hosts().stream().allMatch(h -> h.state() == HostRecord.State.ANSWERED),
                    first.hosts().toString());

            // The VM "reinstalled": its sshd and the connections it serves end, and it comes back with another key.
            var kill = healthy.sh(SandboxRole.LB02,
                    "me=$(readlink /proc/self/ns/mnt); for d in /proc/[0-9]*; do "
                            + "[ \"$(readlink $d/ns/mnt 2>/dev/null)\" = \"$me\" ] || continue; "
                            + "[ \"$(cat $d/comm 2>/dev/null)\" = sshd ] && kill ${d#/proc/}; done; true");
            assertEquals(0, kill.exitStatus(), kill.stderr());
            Path key = healthy.stateDir().resolve("hosts/lb02/ssh/ssh_host_ed25519_key");
            Files.deleteIfExists(key);
            Files.deleteIfExists(Path.of(key + ".pub"));
            assertEquals(0, new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
                    .start().waitFor());
            healthy.startSshd(SandboxRole.LB02);

            ClassGrades second = grader.grade(roster, lessons, kh, Grader.Listener.none());
            Map<String, HostRecord> byRole = new LinkedHashMap<>();
            second.students().get(0).hosts().forEach(h -> byRole.put(h.role(), h));
            assertEquals(HostRecord.State.ANSWERED, byRole.get("lb01").state(), "lb01 is not affected");
            HostRecord lb02 = byRole.get("lb02");
            assertEquals(HostRecord.State.ERROR, lb02.state(), lb02.toString());
            assertTrue(lb02.problem().orElseThrow().en().contains("CHANGED"), lb02.problem().orElseThrow().en());
        }
    }
}
