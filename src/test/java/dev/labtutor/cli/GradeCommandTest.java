package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.grading.GradeFixture;
import dev.labtutor.grading.Gradebook;
import dev.labtutor.grading.SilentListener;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code labtutor grade} and {@code labtutor roster} through the command line: exit codes, errors, output. */
class GradeCommandTest {

    @BeforeAll
    static void home() {
        System.setProperty("labtutor.home", System.getProperty("labtutor.root", "."));
    }

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void rosterVarsGivesDistinctBlocksThatARosterAccepts() throws Exception {
        CliTest.Run r = run("roster", "vars", "--count", "3", "--subnet", "10.20.0.0/24", "--seed", "42");
        assertEquals(0, r.code(), r.err());
        List<String> blocks = r.out().lines().filter(l -> l.contains("vars:")).toList();
        assertEquals(3, blocks.size(), r.out());
        assertEquals(3, blocks.stream().distinct().count());
        assertEquals(r.out(), run("roster", "vars", "--count", "3", "--subnet", "10.20.0.0/24", "--seed", "42").out());
        StringBuilder roster = new StringBuilder("lessons: [install, master, backup]\nstudents:\n");
        int n = 0;
        for (String l : r.out().lines().toList()) {
            if (l.startsWith("#")) {
                continue;
            }
            roster.append(l).append('\n');
            if (l.contains("vars:")) {
                n++;
                roster.append("    hosts: { lb01: { address: 10.20.").append(n).append(".11 }, lb02: { address: 10.20.")
                        .append(n).append(".12 } }\n");
            }
        }
        Path f = write("roster.yaml", roster.toString());
        CliTest.Run check = run("roster", "check", f.toString());
        assertEquals(0, check.code(), check.err() + check.out());
        assertTrue(check.out().contains(
                ": 3 students, 6 hosts, course keepalived-lvs, lessons install, master, backup, 19 points at most"),
                check.out());
        assertTrue(!check.out().contains("warning"), "distinct blocks give no warning: " + check.out());

        CliTest.Run tooMany = run("roster", "vars", "--count", "20", "--subnet", "10.0.0.0/28");
        assertEquals(2, tooMany.code());
        assertTrue(tooMany.err().startsWith("labtutor: can give at most 7 distinct blocks in 10.0.0.0/28"),
                tooMany.err());
    }

    @Test
    void theReadmeCommandReferenceIsTheHelpText() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("labtutor.root", ".")).resolve("README.md"));
        for (String[] cmd : List.of(new String[]{"grade"}, new String[]{"roster", "vars"},
                new String[]{"roster", "check"})) {
            List<String> args = new java.util.ArrayList<>(List.of(cmd));
            args.add("--help");
            String help = run(args.toArray(String[]::new)).out();
            assertTrue(readme.contains("```\n$ labtutor " + String.join(" ", cmd) + " --help\n" + help + "```\n"),
                    "README's reference for " + String.join(" ", cmd) + " differs from --help:\n" + help);
        }
    }

    @Test
    void badInputIsExitTwoWithFileLineColumn() throws Exception {
        Path roster = write("roster.yaml", """
                lessons: [install, mastr]
                students:
                  - id: s01
                    hosts: { lb01: { address: 10.0.1.11 }, lb02: { address: 10.0.1.12 } }
                """);
        CliTest.Run r = run("grade", "--roster", roster.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.code());
        assertTrue(
                r.err().contains(
                        roster + ":1:20: unknown lesson 'mastr' in course keepalived-lvs (did you mean 'master'?)"),
                r.err());

        Path typo = write("typo.yaml", "studnets: []\n");
        CliTest.Run t = run("grade", "--roster", typo.toString());
        assertEquals(2, t.code());
        assertTrue(t.err().contains(typo + ":1:1: unknown key 'studnets' in the roster (did you mean 'students'?)"),
                t.err());

        Path good = write("good.yaml",
                "lessons: [install, master, backup]\nstudents:\n  - id: s01\n    hosts: { lb01: { address: 10.0.1.11 }, lb02: { address: 10.0.1.12 } }\n");
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        CliTest.Run b = run("grade", "--roster", good.toString(), "--out", busy.toString());
        assertEquals(2, b.code());
        assertTrue(b.err().contains("exists and is neither empty nor a gradebook"), b.err());
        assertEquals(2, run("grade", "--roster", dir.resolve("none.yaml").toString()).code());
        CliTest.Run l = run("grade", "--roster", good.toString(), "--lessons", "install,mastr");
        assertEquals(2, l.code());
        assertTrue(l.err().startsWith("labtutor: unknown lesson 'mastr' (did you mean 'master'?)"), l.err());
        Path none = write("none.yaml", "students: []\n");
        assertTrue(run("roster", "check", none.toString()).err()
                .contains(none + ":1:11: the roster's 'students' list is empty"));
        assertEquals(2, run("grade", "--roster", good.toString(), "--lessons", "install", "--timeout", "0").code());
        assertEquals(2, run("grade", "--roster", good.toString(), "--watch").code(), "no terminal for the dashboard");
    }

    @Test
    void gradingRunsExitsZeroAndWritesTheGradebookWhateverTheScores() throws Exception {
        int refused;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            refused = s.getLocalPort();
        }
        try (SilentListener silent = new SilentListener()) {
            Path roster = write("roster.yaml", """
                    students:
                      - id: s01
                        name: 张三
                        vars: { vip: 10.0.1.200, vrid: "61", auth-pass: "aaaa1111" }
                        hosts:
                          lb01: { address: 127.0.0.1, port: %1$d }
                          lb02: { address: 127.0.0.1, port: %1$d }
                      - id: s02
                        name: Li Si
                        vars: { vip: 10.0.2.200, vrid: "62", auth-pass: "bbbb2222" }
                        hosts:
                          lb01: { address: 127.0.0.1, port: %2$d }
                          lb02: { address: 127.0.0.1, port: %2$d }
                    """.formatted(silent.port(), refused));
            Path out = dir.resolve("book");
            long t0 = System.nanoTime();
            CliTest.Run r = run("grade", "--roster", roster.toString(), "--lessons", "install,master", "--timeout", "3",
                    "--out", out.toString(), "--lang", "en");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(0, r.code(), r.err());
            assertTrue(ms < 60_000, "took " + ms + " ms");
            assertTrue(r.err().contains("labtutor: grading: 2/2 students · 4/4 hosts · 4 unreachable"), r.err());
            assertTrue(r.out().startsWith("Graded 2 student(s) on install, master in "), r.out());
            assertTrue(r.out().contains("s01  张三   not graded") && r.out().contains("Gradebook: " + out), r.out());
            String summary = GradeFixture.crosscheck(out);
            assertTrue(summary
                    .contains("\"s02\": {\"total\": null, \"maximum\": 12, \"cells\": {\"install\": \"unreachable\", "
                            + "\"master\": \"unreachable\"}, \"all_unreachable\": true"),
                    summary);
            GradeFixture.sha256sumCheck(out);
            String json = Files.readString(out.resolve(Gradebook.JSON));
            assertTrue(json.contains("\"known-hosts\": \"" + dir.resolve("known_hosts") + "\""),
                    "class known_hosts beside the roster");
            assertTrue(json.contains("did not answer within 3 s") || json.contains("within 3 s"), json);
            assertTrue(json.contains("connection refused"), json);
            java.util.regex.Matcher m =
                    java.util.regex.Pattern.compile("\"port\": (\\d+),(?s:.*?)\"elapsed-ms\": (\\d+)").matcher(json);
            int hosts = 0;
            while (m.find()) {
                hosts++;
                long hostMs = Long.parseLong(m.group(2));
                if (Integer.parseInt(m.group(1)) == silent.port()) {
                    assertTrue(hostMs >= 2_800 && hostMs <= 4_500, "a silent host costs its 3 s deadline: " + hostMs);
                } else {
                    assertTrue(hostMs < 2_800, "a refused host is not held up by the silent ones: " + hostMs);
                }
            }
            assertEquals(4, hosts, json);

            Path lab = write("lab.yaml", "hosts:\n  lb01: { address: 127.0.0.1, port: " + refused
                    + " }\n  lb02: { address: 127.0.0.1, port: " + refused + " }\n");
            CliTest.Run check = run("check", "install", "--lab", lab.toString(), "--format", "json", "--timeout", "3",
                    "--known-hosts", dir.resolve("kh").toString());
            assertEquals(1, check.code(), check.err());
            assertTrue(check.out().contains("\"lab\": {\n    \"file\": \"" + lab + "\""),
                    "check --format json names its lab file: " + check.out());
        }
    }

    /**
     * Issue 20: two students on the same five hosts were counted as 10 hosts, and hosts of roles no graded lesson uses
     * were warned about. Hosts are counted once, only for the roles graded.
     */
    @Test
    void rosterCheckCountsEachGradedHostOnceAndWarnsOnlyAboutGradedRoles() throws Exception {
        Path lab = write("lab.yaml", """
                hosts:
                  lb01: { address: 10.30.0.11 }
                  lb02: { address: 10.30.0.12 }
                  web01: { address: 10.30.0.21 }
                """);
        Path roster = write("roster.yaml", """
                lessons: [install, master, backup]
                students:
                  - id: s01
                    vars: { vip: 10.30.0.201, vrid: "61", auth-pass: "aaaa1111" }
                    lab: lab.yaml
                  - id: s02
                    vars: { vip: 10.30.0.202, vrid: "62", auth-pass: "bbbb2222" }
                    lab: lab.yaml
                """);
        CliTest.Run r = run("roster", "check", roster.toString(), "--lang", "en");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(
                r.out().contains(": 2 students, 2 hosts (named 4 times: students share hosts), course keepalived-lvs"),
                r.out());
        assertEquals(2, r.out().lines().filter(l -> l.startsWith("warning: ")).count(), r.out());
        assertTrue(r.out().contains("s02's lb01 (10.30.0.11:22) is also s01's lb01") && !r.out().contains("web01"),
                r.out());
    }

    /**
     * Issue 20: quizzes were silently left out; the roster check says so, and 'points' for a quiz is refused with the
     * reason.
     */
    @Test
    void rosterCheckSaysQuizzesAreNotGradedAndRefusesPointsForThem() throws Exception {
        Path roster = write("roster.yaml", """
                lessons: [vrrp-basics, install]
                students:
                  - id: s01
                    hosts: { lb01: { address: 10.0.1.11 }, lb02: { address: 10.0.1.12 } }
                """);
        CliTest.Run r = run("roster", "check", roster.toString(), "--lang", "en");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains(
                "note: the quizzes of vrrp-basics are answered in each learner's tutor and are not graded here"),
                r.out());
        Path points = write("points.yaml", "lessons: [vrrp-basics]\npoints: { quiz: 2 }\nstudents:\n  - id: s01\n"
                + "    hosts: { lb01: { address: 10.0.1.11 }, lb02: { address: 10.0.1.12 } }\n");
        CliTest.Run p = run("roster", "check", points.toString());
        assertEquals(2, p.code());
        assertTrue(
                p.err().contains(
                        points + ":2:11: 'points' names 'quiz': a lesson's quiz is answered in the learner's tutor"),
                p.err());
    }
}
