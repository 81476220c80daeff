package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line contract: exit codes, one-sentence errors, no stack traces. */
class CliTest {

    record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void home() {
        System.setProperty("labtutor.home", System.getProperty("labtutor.root", "."));
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @TempDir
    Path dir;

    @Test
    void lessonsListsTheCourseInOrder() {
        Run r = run("lessons", "--lang", "en");
        assertEquals(0, r.code());
        String[] lines = r.out().split("\n");
        java.util.List<String> ids =
                java.util.Arrays.stream(lines).skip(1).map(l -> l.trim().split("\\s+")[1]).toList();
        assertEquals(java.util.List.of("vrrp-basics", "install", "master", "backup", "failover", "web-failover", "logs",
                "lvs-prepare", "lvs-director-master", "lvs-director-backup", "lvs-realservers", "lvs-test",
                "nfs-share"), ids, r.out());
        Run zh = run("lessons", "--lang", "zh");
        assertTrue(zh.out().contains("配置主服务器"), zh.out());
    }

    @Test
    void everyCommandAnswersHelp() {
        java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
        collect(Main.commandLine(), new java.util.ArrayList<>(), paths);
        assertTrue(paths.size() > 15, paths.toString());
        for (java.util.List<String> p : paths) {
            java.util.List<String> args = new java.util.ArrayList<>(p);
            args.add("--help");
            Run r = run(args.toArray(String[]::new));
            assertEquals(0, r.code(), p + ": " + r.err());
            assertTrue(r.out().startsWith("Usage: labtutor"), p + ": " + r.out());
        }
    }

    private static void collect(picocli.CommandLine cl, java.util.List<String> path,
            java.util.List<java.util.List<String>> out) {
        out.add(java.util.List.copyOf(path));
        cl.getSubcommands().forEach((name, sub) -> {
            java.util.List<String> next = new java.util.ArrayList<>(path);
            next.add(name);
            collect(sub, next, out);
        });
    }

    @Test
    void theTutorsOptionsWithoutACommandOpenTheTutor() {
        Path missing = dir.resolve("no-such-lab.yaml");
        Run r = run("--lab", missing.toString(), "--lang", "en");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(missing.toString()), "learn reads the lab file it was given: " + r.err());
        assertFalse(r.err().contains("Unknown option"), r.err());
        java.util.Set<String> learnOptions = new java.util.HashSet<>();
        Main.commandLine().getSubcommands().get("learn").getCommandSpec().options()
                .forEach(o -> learnOptions.addAll(java.util.List.of(o.names())));
        learnOptions.removeAll(java.util.Set.of("-h", "--help", "-V", "--version", "--debug"));
        learnOptions.forEach(o -> assertTrue(Main.opensTheTutor(o + "=x"),
                "every option of learn opens the tutor without a command: " + o));
        java.util.Set.of("-h", "--help", "--debug", "--nonsense", "lessons")
                .forEach(o -> assertFalse(Main.opensTheTutor(o), o));
        assertTrue(Main.opensTheTutor(), "labtutor alone is labtutor learn");
        Run unknown = run("--nonsense");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unknown option"), unknown.err());
    }

    @Test
    void hostsCommandsRunThroughMain() throws Exception {
        Path kh = dir.resolve("known_hosts");
        Files.writeString(kh,
                "10.0.0.9 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHJm5ZYdy6jYtTXsyk7cbsfpP1qzTm9sfAfDrjkDVCgv\n");
        Run list = run("hosts", "list", "--known-hosts", kh.toString());
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("10.0.0.9") && list.out().contains("SHA256:"), list.out());
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab, "hosts:\n  lb01: { address: 10.0.0.9 }\n");
        Run forget = run("hosts", "forget", "lb01", "--lab", lab.toString(), "--known-hosts", kh.toString());
        assertEquals(0, forget.code(), forget.err());
        assertTrue(forget.out().contains("lb01 (10.0.0.9)"), forget.out());
        assertEquals("", Files.readString(kh).strip());
    }

    @Test
    void lintOfTheShippedCourseIsClean() {
        Run r = run("lint");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().startsWith("ok:"));
    }

    @Test
    void lintOfBrokenFixturesExitsOne() {
        Path fix = Path.of(System.getProperty("labtutor.root", ".")).resolve("src/test/resources/lint");
        Run r = run("lint", fix.resolve("broken-course").toString(), fix.resolve("broken-checks").toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("one.yaml:13:9: unknown check 'not-a-check'"), r.out());
    }

    @Test
    void unknownLessonIsBadInput() throws Exception {
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab, "hosts:\n  lb01: { address: 127.0.0.1 }\n");
        Run r = run("check", "nosuch", "--lab", lab.toString());
        assertEquals(2, r.code());
        assertEquals(
                "labtutor: unknown lesson 'nosuch' (lessons: vrrp-basics, install, master, backup, failover, web-failover, logs, "
                        + "lvs-prepare, lvs-director-master, lvs-director-backup, lvs-realservers, lvs-test, nfs-share)\n",
                r.err());
    }

    @Test
    void missingLabFileIsBadInputWithOneSentence() {
        Run r = run("check", "master", "--lab", dir.resolve("none.yaml").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("labtutor: lab file ") && r.err().contains("does not exist"), r.err());
        assertFalse(r.err().contains("at dev.labtutor"), "no stack trace without --debug");
    }

    @Test
    void invalidLabFileNamesFileAndLine() throws Exception {
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab, "hosts:\n  lb01: { address: 10.0.0.1 }\n  lb02: { adress: 10.0.0.2 }\n");
        Run r = run("check", "master", "--lab", lab.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(lab + ":3:"), r.err());
        assertTrue(r.err().contains("did you mean 'address'"), r.err());
    }

    @Test
    void labMissingARoleTheLessonNeeds() throws Exception {
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab, "hosts:\n  lb01: { address: 127.0.0.1 }\n");
        Run r = run("check", "master", "--lab", lab.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("role 'lb02' is needed"), r.err());
    }

    @Test
    void aMistypedRoleGetsDidYouMean() throws Exception {
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab, "hosts:\n  lb01: { address: 10.0.0.11 }\n  lb2: { address: 10.0.0.12 }\n");
        Run r = run("check", "master", "--lab", lab.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(lab + ":3:1: unknown role 'lb2', did you mean 'lb02'? (this lesson needs lb02)"),
                r.err());
        assertFalse(r.err().contains("is needed but not defined"), r.err());
    }

    @Test
    void labVariableOfTheWrongType() throws Exception {
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab,
                "vars:\n  vip: 10.0.0.999\nhosts:\n  lb01: { address: 127.0.0.1 }\n  lb02: { address: 127.0.0.1 }\n");
        Run r = run("check", "master", "--lab", lab.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(lab + ":2:1: variable 'vip' must be an IPv4 address"), r.err());
    }

    @Test
    void wrongOptionIsBadInput() {
        Run r = run("check", "master", "--frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("Unknown option: '--frobnicate'"), r.err());
        Run f = run("check", "master", "--format", "xml", "--lab", "/nonexistent");
        assertEquals(2, f.code());
        assertTrue(f.err().contains("--format must be text or json"), f.err());
    }

    @Test
    void unreachableHostsAreReportedNotFailed() throws Exception {
        // 127.0.0.1 port 1 refuses connections at once: both hosts are UNREACHABLE, exit 1.
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab,
                "hosts:\n  lb01: { address: 127.0.0.1, port: 1 }\n  lb02: { address: 127.0.0.1, port: 1 }\n");
        Run r = run("check", "master", "--lab", lab.toString(), "--known-hosts", dir.resolve("kh").toString(),
                "--format", "json", "--lang", "en");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("\"lesson\": \"master\""), r.out());
        assertTrue(r.out().contains("\"passed\": false"), r.out());
        assertFalse(r.out().contains("\"status\": \"fail\""), "nothing was judged wrong: " + r.out());
        assertTrue(r.out().contains("\"status\": \"unreachable\""), r.out());

        Run text = run("check", "master", "--lab", lab.toString(), "--known-hosts", dir.resolve("kh").toString(),
                "--lang", "en");
        assertEquals(1, text.code());
        assertFalse(text.out().contains("\u001b"), "no colour when output is not a terminal: " + text.out());
        assertTrue(text.out().contains("UNRCH"), text.out());
        assertEquals(2, text.out().split("connection refused", -1).length - 1,
                "each unreachable host is explained once: " + text.out());
        assertEquals(2, text.out().split("Hint: ", -1).length - 1,
                "with its hint, and no check's unrelated hint: " + text.out());
        assertTrue(text.out().startsWith("Lesson 3 master"), text.out());
        assertTrue(
                text.out().contains(
                        "Lab: " + lab.toAbsolutePath() + " (checked lb01 root@127.0.0.1:1, lb02 root@127.0.0.1:1)"),
                text.out());
    }
}
