package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.labtutor.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code labtutor grade} on a class of three real labs side by side, each a sandbox of its own (own random subnet, real
 * sshd and keepalived): s01's is healthy, s02's has a split brain (nftables drops VRRP on lb02), s03's lb02 has sshd
 * stopped. The gradebook must show full marks, partial credit with the cause, and "unreachable", the same in all four
 * reports, and the merged single round must judge each check exactly as {@code check LESSON} does. Needs root; fails
 * instead of skipping when CI=true.
 */
class GradeEndToEndTest {

    private static final List<Sandbox> LABS = new ArrayList<>();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run sandboxCli(Sandbox s, String... verbAndArgs) {
        List<String> all = new ArrayList<>(List.of("sandbox"));
        all.addAll(List.of(verbAndArgs));
        all.addAll(List.of("--name", s.spec().name(), "--state-dir", s.spec().stateRoot().toString()));
        return cli(all.toArray(String[]::new));
    }

    @BeforeAll
    static void up() {
        System.setProperty("labtutor.home", System.getProperty("labtutor.root", "."));
        RootLab.requireRoot();
        for (int i = 0; i < 3; i++) {
            LABS.add(Sandbox.up(RootLab.uniqueSpec(List.of(SandboxRole.LB01, SandboxRole.LB02))));
        }
        for (Sandbox s : LABS) {
            Run solve = sandboxCli(s, "solve", "backup");
            assertEquals(0, solve.code(), solve.out() + solve.err());
        }
        Sandbox split = LABS.get(1);
        split.inject(new SandboxFault.VrrpBlocked(SandboxRole.LB02));
        if (!RootLab.eventually(Duration.ofSeconds(40), () -> split.status().vipHolders().size() == 2)) {
            fail("no split brain in " + split.spec().name());
        }
        LABS.get(2).inject(new SandboxFault.SshdStopped(SandboxRole.LB02));
    }

    @AfterAll
    static void down() {
        List<String> names = LABS.stream().map(s -> "lt-" + s.spec().name()).toList();
        LABS.forEach(RootLab::downAndClean);
        String netns = LocalCommand.run("ip", "netns", "list").stdout();
        String links = LocalCommand.run("ip", "-o", "link", "show").stdout();
        for (String n : names) {
            assertFalse(netns.contains(n) || links.contains(n), n + " left behind");
        }
    }

    private static Map<String, String> statuses(String json) {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher r = Pattern.compile("\"check\": \"([a-z0-9-]+)\",\\s*\"title\": (?s:.*?)\"status\": \"([a-z]+)\"")
                .matcher(json);
        while (r.find()) {
            m.put(r.group(1), r.group(2));
        }
        return m;
    }

    @Test
    void aClassOfThreeGetsFullMarksPartialCreditWithTheCauseAndUnreachable() throws Exception {
        Path roster = dir.resolve("roster.yaml");
        Files.writeString(roster, """
                course: keepalived-lvs
                lessons: [install, master, backup]
                points: { vip-only-on-master: 3 }
                defaults: { user: root }
                students:
                  - id: s01
                    name: 张三
                    lab: "%s"
                  - id: s02
                    name: "Li, Si"
                    lab: "%s"
                  - id: s03
                    name: 王五
                    lab: "%s"
                """.formatted(LABS.get(0).labFile(), LABS.get(1).labFile(), LABS.get(2).labFile()),
                StandardCharsets.UTF_8);
        Path out = dir.resolve("grades");
        Run r = cli("grade", "--roster", roster.toString(), "--out", out.toString(), "--timeout", "15", "--lang", "en");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("3/3 students · 6/6 hosts · 1 unreachable"), r.err());

        String summary = dev.labtutor.grading.GradeFixture.crosscheck(out);
        dev.labtutor.grading.GradeFixture.sha256sumCheck(out);
        assertTrue(summary.contains("\"s01\": {\"total\": 21, \"maximum\": 21, \"cells\": {\"install\": \"pass\", "
                + "\"master\": \"pass\", \"backup\": \"pass\"}, \"all_unreachable\": false, \"unreachable\": [], \"error\": [], \"graded\": true, \"remarks\": \"\""),
                summary);
        assertTrue(summary.contains("\"s02\": {\"total\": 17, \"maximum\": 21"), summary);
        assertTrue(summary
                .contains("\"cells\": {\"install\": \"pass\", \"master\": \"partial\", \"backup\": \"partial\"}, "
                        + "\"all_unreachable\": false, \"unreachable\": [], \"error\": [], \"graded\": true, \"remarks\": \"FAIL master/vip-only-on-master (rule-drops-vrrp)"),
                summary);
        assertTrue(summary.contains(
                "\"s03\": {\"total\": 6, \"maximum\": 21, \"cells\": {\"install\": \"unreachable\", \"master\": \"partial\", \"backup\": \"partial\"}, "
                        + "\"all_unreachable\": false, \"unreachable\": [\"lb02\"], \"error\": [], \"graded\": true, \"remarks\": \"UNREACHABLE lb02"),
                summary);

        String csv = Files.readString(out.resolve("grades.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith(
                "\uFEFFid,name,install (max 6),master (max 8),backup (max 7),total,maximum,percent,unreachable hosts,error hosts,"
                        + "remarks\r\ns01,张三,6,8,7,21,21,100.0,,,\r\n"),
                csv);
        assertTrue(csv.contains("\r\ns03,王五,UNREACHABLE,5,1,6,21,28.6,lb02,,UNREACHABLE lb02"), csv);
        assertFalse(csv.contains("FAIL install") || csv.substring(csv.indexOf("s03,")).contains("FAIL"),
                "unreachable is not FAIL: " + csv);

        String json = Files.readString(out.resolve("results.json"), StandardCharsets.UTF_8);
        String s02 = json.substring(json.indexOf("\"id\": \"s02\""), json.indexOf("\"id\": \"s03\""));
        for (String lesson : List.of("install", "master", "backup")) {
            Run check = cli("check", lesson, "--lab", LABS.get(1).labFile().toString(), "--format", "json", "--lang",
                    "en", "--known-hosts", dir.resolve("known_hosts").toString());
            Map<String, String> alone = statuses(check.out());
            String section = s02.substring(s02.indexOf("\"lesson\": \"" + lesson + "\""));
            int next = section.indexOf("\"lesson\": \"", 1);
            Map<String, String> merged = statuses(next < 0 ? section : section.substring(0, next));
            assertEquals(alone.size(), lesson.equals("install") ? 6 : lesson.equals("master") ? 6 : 7, check.out());
            assertEquals(alone, merged, lesson + ": one merged round judges every check as check " + lesson + " does");
        }
        assertTrue(s02.contains("lb02 has a firewall rule that drops VRRP"), "the cause is explained");

        try (Stream<Path> files = Files.walk(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                assertFalse(Pattern.compile("auth_pass\\s+(?!\\*{8})\\S").matcher(text).find(),
                        f + " shows a VRRP password");
            }
        }
        String ev = Files.readString(out.resolve("evidence/s01/lb01.txt"), StandardCharsets.UTF_8);
        assertTrue(ev.contains("host key:  ssh-ed25519 SHA256:") && ev.contains("exit status 0"), ev);
        assertTrue(ev.contains("auth_pass ********"), "the raw keepalived.conf is kept, its password masked");
    }
}
