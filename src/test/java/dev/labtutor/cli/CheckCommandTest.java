package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check}, {@code progress} and {@code reset} as a new user meets them (a lab that refuses connections, fast).
 */
class CheckCommandTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void home() {
        System.setProperty("labtutor.home", System.getProperty("labtutor.root", "."));
    }

    private Path lab() throws Exception {
        Path lab = dir.resolve("lab.yaml");
        Files.writeString(lab,
                "hosts:\n  lb01: { address: 127.0.0.1, port: 1 }\n  lb02: { address: 127.0.0.1, port: 1 }\nvars: { vip: 127.0.0.200 }\n");
        return lab;
    }

    private CliTest.Run run(String... args) throws Exception {
        String was = System.getProperty("labtutor.state.dir");
        System.setProperty("labtutor.state.dir", dir.resolve("state").toString());
        try {
            return CliTest.run(args);
        } finally {
            System.setProperty("labtutor.state.dir", was);
        }
    }

    @Test
    void withoutALessonItChecksTheLessonTheLearnerIsAt() throws Exception {
        Path lab = lab();
        CliTest.Run first =
                run("check", "--lab", lab.toString(), "--known-hosts", dir.resolve("kh").toString(), "--lang", "zh");
        assertEquals(1, first.code(), first.err());
        assertTrue(first.out().startsWith("第 1 课 vrrp-basics  高可用与 VRRP"),
                "a new learner is at the first lesson: " + first.out());
        assertTrue(first.out().contains("提示：在 labtutor 中打开这一课回答小测验。") && !first.out().contains("按 a"),
                "check has no key to press; the quiz is answered in the tutor: " + first.out());
        assertTrue(
                first.out()
                        .contains("实验：" + lab.toAbsolutePath() + "（检查了 lb01 root@127.0.0.1:1，lb02 root@127.0.0.1:1）"),
                first.out());
        CliTest.Run locked = run("check", "backup", "--lab", lab.toString(), "--known-hosts",
                dir.resolve("kh").toString(), "--lang", "en");
        assertEquals(1, locked.code(), locked.err());
        assertTrue(locked.out().startsWith("Lesson 4 backup"),
                "the locked lesson's results are shown: " + locked.out());
        assertTrue(locked.out().matches(
                "(?s).*\\nLesson 4 is locked: 0 of \\d+ checks pass; the results are shown, nothing is passed or unlocked\\. "
                        + "This lesson opens once lesson 1 \\(vrrp-basics\\) passes.*"),
                locked.out());
        CliTest.Run again =
                run("check", "--lab", lab.toString(), "--known-hosts", dir.resolve("kh").toString(), "--lang", "en");
        assertTrue(again.out().startsWith("Lesson 1 vrrp-basics"),
                "checking a locked lesson does not move the learner: " + again.out());

        CliTest.Run progress = run("progress", "--lab", lab.toString(), "--lang", "en");
        assertEquals(0, progress.code(), progress.err());
        assertTrue(progress.out().matches(
                "(?s).*\\n >1 +vrrp-basics +open +2 .*\\n  2 +install +locked +0 .*\\n  4 +backup +locked +0 .*"),
                progress.out());
        assertTrue(progress.out().contains("At: lesson 1 vrrp-basics, step "), progress.out());
        CliTest.Run json = run("progress", "--lab", lab.toString(), "--format", "json");
        assertTrue(json.out().contains("\"current\": \"vrrp-basics\"") && json.out().contains("\"attempts\": 2"),
                json.out());

        CliTest.Run refused = run("reset", "backup", "--lab", lab.toString());
        assertEquals(2, refused.code(), "no terminal to ask on and no --yes");
        assertTrue(refused.err().contains("add --yes"), refused.err());
        CliTest.Run reset = run("reset", "backup", "--lab", lab.toString(), "--yes", "--lang", "en");
        assertEquals(0, reset.code(), reset.err());
        CliTest.Run after = run("progress", "--lab", lab.toString(), "--format", "json");
        assertTrue(after.out().contains("\"current\": \"vrrp-basics\""), "back at the first lesson: " + after.out());
        assertTrue(after.out().matches("(?s).*\"backup\": \\{\\s*\"state\": \"locked\",\\s*\"attempts\": 0.*"),
                after.out());
        assertEquals(0, run("reset", "--all", "--lab", lab.toString(), "--yes").code());
        assertTrue(run("progress", "--lab", lab.toString(), "--format", "json").out().contains("\"saved\": false"));
        assertEquals(2, run("reset", "--lab", lab.toString(), "--yes").code(), "a lesson or --all");
    }

    @Test
    void waitSaysWhatItWaitsForAndTheTimeLeft() throws Exception {
        Path lab = lab();
        CliTest.Run r = run("check", "install", "--wait", "3", "--lab", lab.toString(), "--known-hosts",
                dir.resolve("kh").toString(), "--lang", "en");
        assertEquals(1, r.code());
        assertTrue(r.err().matches(
                "(?s)labtutor: waiting for 6 checks to pass, [1-3] s left: keepalived is installed \\(lb01, lb02\\);.*"),
                r.err());
    }

    @Test
    void aLessonWhoseChecksNameTheRealServersNeedsThemInTheLab() throws Exception {
        Path lab = lab();
        CliTest.Run r = run("check", "lvs-director-master", "--lab", lab.toString(), "--known-hosts",
                dir.resolve("kh").toString(), "--lang", "en");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err()
                .contains("the lab file does not fit this lesson: " + lab.toAbsolutePath()
                        + ":1:1: role 'web01' is needed but not defined under 'hosts:'")
                && r.err().contains("(and 1 more)"), r.err());
        assertEquals("", r.out(), "nothing is judged against the course's default addresses");
    }

    @Test
    void jsonNamesTheLabFileAndTheHosts() throws Exception {
        Path lab = lab();
        CliTest.Run r = run("check", "master", "--format", "json", "--lab", lab.toString(), "--known-hosts",
                dir.resolve("kh").toString());
        assertTrue(r.out().contains("\"lab\": {\n    \"file\": \"" + lab.toAbsolutePath()
                + "\",\n    \"hosts\": [\n      \"lb01 root@127.0.0.1:1\""), r.out());
    }

    @Test
    void theJsonAndTheTextReportShowTheQuizAsTheSessionGradedItWithTheLabsValues() throws Exception {
        Path lab = lab();
        String kh = dir.resolve("kh").toString();
        java.io.InputStream stdin = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(
                    "answer 2 b\nquit\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            CliTest.Run learn = run("learn", "--plain", "--lab", lab.toString(), "--known-hosts", kh, "--lang", "en");
            assertEquals(0, learn.code(), learn.err());
        } finally {
            System.setIn(stdin);
        }
        CliTest.Run text = run("check", "--lab", lab.toString(), "--known-hosts", kh, "--lang", "en");
        CliTest.Run json =
                run("check", "--format", "json", "--lab", lab.toString(), "--known-hosts", kh, "--lang", "en");
        assertTrue(text.out().contains("2 (lb01 has priority 100, lb02 99, and both run normally."), text.out());
        assertTrue(json.out().contains("2 (lb01 has priority 100, lb02 99, and both run normally."),
                "the lab's values, as in the text: " + json.out());
        assertTrue(json.out().contains("\"passed\": false,\n  \"state\": \"open\","), json.out());
        assertEquals(text.code(), json.code());
    }

    /**
     * A sandbox as 'sandbox up' leaves it (state and lab file), without its hosts: enough for finding and naming it.
     */
    private Path sandbox(Path root, String name, String startedBy) throws Exception {
        Path d = root.resolve(name);
        Files.createDirectories(d);
        Files.writeString(d.resolve("state.properties"),
                "name=" + name + "\nroles=lb01,lb02\nsubnetPrefix=10.77.5\niface=eth1\nstateRoot=" + root
                        + "\nkernel=machine\nvmPid=0\nupPid=0\nstartedBy=" + startedBy + "\n");
        Files.writeString(d.resolve("lab.yaml"), "# labtutor sandbox '" + name
                + "' (10.77.5.0/24), written by 'labtutor sandbox up'.\n"
                + "vars:\n  vip: 127.0.0.200\nhosts:\n  lb01: { address: 127.0.0.1, port: 1, user: root }\n  lb02: { address: 127.0.0.1, port: 1, user: root }\n");
        return d.resolve("lab.yaml");
    }

    @Test
    void aNamedSandboxIsChosenWithSandboxNameAndEveryCommandSaysWhichLabItUsed() throws Exception {
        Path root = dir.resolve("sandboxes");
        Path ntLab = sandbox(root, "nt", "alice");
        String was = System.getProperty("labtutor.sandbox.root");
        System.setProperty("labtutor.sandbox.root", root.toString());
        try {
            String kh = dir.resolve("kh").toString();
            CliTest.Run r = run("check", "install", "--sandbox", "nt", "--known-hosts", kh, "--lang", "en");
            assertEquals(1, r.code(), r.err());
            assertTrue(r.err().startsWith(
                    "labtutor: lab: sandbox nt (started by alice), " + ntLab.toAbsolutePath() + "\n"), r.err());
            assertTrue(r.out().contains(
                    "Lab: " + ntLab.toAbsolutePath() + " (checked lb01 root@127.0.0.1:1, lb02 root@127.0.0.1:1)"),
                    r.out());

            CliTest.Run progress = run("progress", "--sandbox", "nt", "--lang", "en");
            assertTrue(progress.out().contains(
                    "Lab: sandbox nt (started by alice), " + ntLab.toAbsolutePath() + " (lb01 root@127.0.0.1:1"),
                    progress.out());
            CliTest.Run show = run("show", "install", "--sandbox", "nt", "--no-detect", "--lang", "en");
            assertTrue(show.err().contains("labtutor: lab: sandbox nt (started by alice), " + ntLab.toAbsolutePath()),
                    show.err());

            CliTest.Run down = run("check", "install", "--sandbox", "zz", "--lang", "en");
            assertEquals(2, down.code());
            assertTrue(down.err().contains("sandbox zz is not up")
                    && down.err().contains("'sudo labtutor sandbox up --name zz'"), down.err());
            CliTest.Run both = run("check", "install", "--sandbox", "nt", "--lab", lab().toString());
            assertEquals(2, both.code());
            assertTrue(both.err().contains("--lab and --sandbox both name a lab file"), both.err());
        } finally {
            if (was == null) {
                System.clearProperty("labtutor.sandbox.root");
            } else {
                System.setProperty("labtutor.sandbox.root", was);
            }
        }
    }

    @Test
    void aVipOutsideTheHostsSubnetIsWarnedAboutWithAFreeAddressToWrite() throws Exception {
        Path lab = dir.resolve("other.yaml");
        Files.writeString(lab,
                "hosts:\n  lb01: { address: 127.0.0.1, port: 1 }\n  lb02: { address: 127.0.0.1, port: 1 }\n");
        String warning =
                "labtutor: The course variable vip is 192.168.10.100 (the course default), outside your hosts' subnet 127.0.0.0/24: nothing on the lab "
                        + "network reaches it. Write vars: { vip: 127.0.0.254 } in " + lab
                        + " (a free address in that subnet).";
        CliTest.Run r = run("check", "install", "--lab", lab.toString(), "--known-hosts", dir.resolve("kh").toString(),
                "--lang", "en");
        assertTrue(r.err().contains(warning), r.err());
        CliTest.Run show = run("show", "master", "--lab", lab.toString(), "--no-detect", "--lang", "en");
        assertTrue(show.err().contains(warning), show.err());
        assertTrue(run("check", "install", "--lab", lab().toString(), "--known-hosts", dir.resolve("kh").toString())
                .err().indexOf("vip is") < 0, "a VIP in the hosts' subnet is not warned about");
    }

    @Test
    void progressFollowsTheLabFileAndCheckSaysWhenEveryHostMoved() throws Exception {
        Path lab = lab();
        String kh = dir.resolve("kh").toString();
        assertEquals(1, run("check", "--lab", lab.toString(), "--known-hosts", kh, "--lang", "en").code());
        Files.writeString(lab,
                "hosts:\n  lb01: { address: 127.0.0.1, port: 1 }\n  lb02: { address: 127.0.0.3, port: 1 }\nvars: { vip: 127.0.0.200 }\n");
        CliTest.Run typo = run("check", "--lab", lab.toString(), "--known-hosts", kh, "--lang", "en");
        assertTrue(!typo.err().contains("progress"),
                "a fixed address keeps the progress without a word: " + typo.err());
        Files.writeString(lab,
                "hosts:\n  lb01: { address: 127.0.0.4, port: 1 }\n  lb02: { address: 127.0.0.5, port: 1 }\nvars: { vip: 127.0.0.200 }\n");
        CliTest.Run moved = run("check", "--lab", lab.toString(), "--known-hosts", kh, "--lang", "en");
        assertTrue(moved.err().contains(
                "was made when this lab's hosts had other addresses (all 2 changed, e.g. lb01 root@127.0.0.1:1 → root@127.0.0.4:1); "
                        + "it is kept. If this is another lab, run 'labtutor reset --all' to start afresh"),
                moved.err());
        CliTest.Run progress = run("progress", "--lab", lab.toString(), "--lang", "en");
        assertTrue(progress.out().matches("(?s).*\\n >1 +vrrp-basics +open +3 .*"),
                "three checks counted on one record: " + progress.out());
        assertTrue(!progress.err().contains("other addresses"), "said once: " + progress.err());
    }
}
