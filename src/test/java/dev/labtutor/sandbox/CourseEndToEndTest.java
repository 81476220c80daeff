package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The course against real hosts, through the real CLI: two namespaces with a real sshd and a real keepalived each,
 * checks over real SSH, a real VIP failover, faults injected with nftables and by breaking the hosts. Needs root; fails
 * instead of skipping when CI=true.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CourseEndToEndTest {

    private static SandboxSpec spec;
    private static Sandbox sandbox;

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    static CliRun check(String lesson, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("check", lesson, "--lab", sandbox.labFile().toString(), "--format", "json", "--lang", "en"));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    static String[] where() {
        return new String[]{"--name", spec.name(), "--state-dir", spec.stateRoot().toString()};
    }

    static CliRun sandboxCli(String verb, String... args) {
        List<String> all = new ArrayList<>(List.of("sandbox", verb));
        all.addAll(List.of(args));
        all.addAll(List.of(where()));
        return cli(all.toArray(String[]::new));
    }

    @BeforeAll
    static void up() {
        System.setProperty("labtutor.home", System.getProperty("labtutor.root", "."));
        RootLab.requireRoot();
        spec = RootLab.uniqueSpec(List.of(SandboxRole.LB01, SandboxRole.LB02));
        CliRun up = sandboxCli("up", "--no-vm", "--hosts", "lb01,lb02", "--subnet", spec.subnetPrefix());
        assertEquals(0, up.code(), up.err());
        assertTrue(up.out().contains("VIP " + spec.vip()), up.out());
        sandbox = Sandbox.open(spec.stateDir()).orElseThrow();
    }

    @AfterAll
    static void down() {
        if (sandbox == null) {
            return;
        }
        CliRun down = sandboxCli("down");
        String links = dev.labtutor.sandbox.LocalCommand.run("ip", "-o", "link", "show").stdout();
        String netns = dev.labtutor.sandbox.LocalCommand.run("ip", "netns", "list").stdout();
        List<Long> alive = sandbox.anchorPids().values().stream().filter(p -> ProcessHandle.of(p).isPresent()).toList();
        RootLab.downAndClean(sandbox);
        assertEquals(0, down.code(), down.err());
        assertFalse(netns.contains("lt-" + spec.name()), netns);
        assertFalse(links.contains("lt-" + spec.name()), links);
        assertEquals(List.of(), alive, "no sandbox process may survive down");
    }

    private static void await(String what, java.util.function.BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < end) {
            if (cond.getAsBoolean()) {
                return;
            }
            Thread.sleep(500);
        }
        fail("timed out waiting for " + what);
    }

    private static List<SandboxRole> holders() {
        return sandbox.status().vipHolders();
    }

    @Test
    @Order(1)
    void masterFailsBeforeTheWorkAndPassesAfterSolving() {
        CliRun before = check("master");
        assertEquals(1, before.code(), before.err());
        assertEquals("fail", before.status("master-config-valid"));
        assertTrue(before.result("master-config-valid").contains("does not exist"), before.out());

        CliRun solve = sandboxCli("solve", "master");
        assertEquals(0, solve.code(), solve.out() + solve.err());
        assertTrue(solve.out().contains("install does not pass yet"), solve.out());
        assertTrue(solve.out().contains("solved master: all its checks pass"), solve.out());

        CliRun after = check("master");
        assertEquals(0, after.code(), after.out() + after.err());
        assertTrue(after.out().contains("\"passed\": true"));
        assertEquals(List.of(SandboxRole.LB01), holders());
    }

    @Test
    @Order(2)
    void lessonTextUsesTheDetectedInterfaceAndTheLabsVip() {
        CliRun show = cli("show", "master", "--lab", sandbox.labFile().toString(), "--lang", "en");
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("    interface " + sandbox.iface() + "\n"), show.out());
        assertTrue(show.out().contains("        " + spec.vip() + "\n"), show.out());
        assertFalse(show.out().contains("ens33") || show.out().contains("ens160") || show.out().contains("192.168.10."),
                show.out());
    }

    @Test
    @Order(3)
    void backupPassesAfterSolving() throws Exception {
        assertEquals(1, check("backup").code());
        CliRun solve = sandboxCli("solve", "backup");
        assertEquals(0, solve.code(), solve.out() + solve.err());
        CliRun after = check("backup", "--wait", "40");
        assertEquals(0, after.code(), after.out());
        await("VIP on lb01 only", () -> holders().equals(List.of(SandboxRole.LB01)));
    }

    @Test
    @Order(4)
    void vrrpDroppedByNftablesIsSplitBrainNamedInBothLessons() throws Exception {
        sandbox.sh(SandboxRole.LB02,
                "nft add table inet e2e; nft add chain inet e2e in '{ type filter hook input priority -20; }';"
                        + " nft add rule inet e2e in ip protocol vrrp drop");
        try {
            await("split brain", () -> holders().size() == 2);
            CliRun backup = check("backup");
            assertEquals(1, backup.code());
            assertEquals("fail", backup.status("backup-without-vip"));
            String r = backup.result("backup-without-vip");
            assertTrue(r.contains("(split brain)"), r);
            assertTrue(r.contains("\"cause\": \"rule-drops-vrrp\""), r);
            assertTrue(r.contains("lb02 has a firewall rule that drops VRRP"), r);
            assertEquals("pass", backup.status("group-consistent"), "the configs are fine: the network is the problem");

            CliRun master = check("master");
            assertEquals(1, master.code());
            assertEquals("fail", master.status("vip-only-on-master"));
            assertTrue(master.result("vip-only-on-master").contains("split brain"), master.out());
            assertEquals("pass", master.status("vip-on-master"));
        } finally {
            sandbox.sh(SandboxRole.LB02, "nft delete table inet e2e");
        }
        assertEquals(0, check("backup", "--wait", "40").code(), "healthy again once VRRP flows");
    }

    @Test
    @Order(5)
    void keepalivedStoppedOnTheMasterMovesTheVip() throws Exception {
        sandbox.inject(new SandboxFault.KeepalivedStopped(SandboxRole.LB01));
        try {
            await("VIP on lb02", () -> holders().equals(List.of(SandboxRole.LB02)));
            CliRun master = check("master");
            assertEquals("fail", master.status("master-keepalived-running"));
            assertEquals("fail", master.status("vip-on-master"));
            assertTrue(master.result("vip-on-master").contains("\"cause\": \"keepalived-down\""), master.out());
            CliRun backup = check("backup");
            assertEquals("fail", backup.status("vip-still-on-master"));
            assertEquals("pass", backup.status("backup-without-vip"), "exactly one holder: lb02 took over");
        } finally {
            sandbox.sh(SandboxRole.LB01, "systemctl start keepalived");
        }
        assertEquals(0, check("backup", "--wait", "40").code(), "the master takes the VIP back");
        assertEquals(List.of(SandboxRole.LB01), holders());
    }

    @Test
    @Order(6)
    void backupWithTheMastersPriority() {
        sandbox.inject(new SandboxFault.KeepalivedSetting(SandboxRole.LB02, SandboxFault.Keyword.PRIORITY, "100"));
        try {
            CliRun backup = check("backup");
            assertEquals("fail", backup.status("group-consistent"));
            assertTrue(backup.result("group-consistent").contains("\"cause\": \"group-priority-equal\""), backup.out());
            assertTrue(backup.result("group-consistent").contains("lower priority than the master"), backup.out());
        } finally {
            assertEquals(0, sandboxCli("solve", "backup", "--only").code());
        }
    }

    @Test
    @Order(7)
    void differentVirtualRouterIdIsSplitBrainFromTheConfig() throws Exception {
        sandbox.inject(
                new SandboxFault.KeepalivedSetting(SandboxRole.LB02, SandboxFault.Keyword.VIRTUAL_ROUTER_ID, "52"));
        try {
            await("split brain", () -> holders().size() == 2);
            CliRun backup = check("backup");
            assertTrue(backup.result("group-consistent").contains("\"cause\": \"group-vrid-mismatch\""), backup.out());
            String r = backup.result("backup-without-vip");
            assertTrue(r.contains("\"cause\": \"vrid-mismatch\""), r);
            assertTrue(r.contains("different virtual_router_id"), r);
        } finally {
            assertEquals(0, sandboxCli("solve", "backup", "--only").code());
        }
        assertEquals(0, check("backup", "--wait", "40").code());
    }

    @Test
    @Order(8)
    void differentAuthPassIsSplitBrainFromThePassword() throws Exception {
        sandbox.inject(new SandboxFault.KeepalivedSetting(SandboxRole.LB02, SandboxFault.Keyword.AUTH_PASS, "2222"));
        try {
            await("split brain", () -> holders().size() == 2);
            CliRun backup = check("backup");
            String r = backup.result("backup-without-vip");
            assertTrue(r.contains("\"cause\": \"auth-mismatch\""), r);
            assertTrue(backup.result("group-consistent").contains("group-auth-mismatch"), backup.out());
        } finally {
            assertEquals(0, sandboxCli("solve", "backup", "--only").code());
        }
        assertEquals(0, check("backup", "--wait", "40").code());
    }

    @Test
    @Order(9)
    void unreachableHostIsReportedWithinItsTimeoutWhileTheOtherIsJudged() {
        sandbox.inject(new SandboxFault.SshdStopped(SandboxRole.LB02));
        try {
            long t0 = System.nanoTime();
            CliRun backup = check("backup", "--timeout", "5");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 12_000, "took " + ms + " ms");
            assertEquals(1, backup.code());
            assertEquals("unreachable", backup.status("backup-config-valid"));
            assertEquals("unreachable", backup.status("backup-without-vip"),
                    "who holds the VIP cannot be told without lb02");
            assertEquals("pass", backup.status("vip-still-on-master"), "lb01 is still judged");
            assertFalse(backup.out().contains("\"status\": \"fail\""), "nothing is judged wrong: " + backup.out());
        } finally {
            sandbox.startSshd(SandboxRole.LB02);
        }
    }

    @Test
    @Order(10)
    void changedHostKeyIsRefusedUntilForgotten() {
        sandbox.inject(new SandboxFault.HostKeyChanged(SandboxRole.LB01));
        CliRun master = check("master");
        assertEquals(1, master.code());
        String r = master.result("vip-on-master");
        assertTrue(r.contains("\"status\": \"error\""), r);
        assertTrue(r.contains(
                "labtutor hosts forget --known-hosts " + sandbox.knownHosts().toAbsolutePath().normalize() + " "), r);
        assertTrue(r.contains("SHA256:"), r);

        CliRun forget = cli("hosts", "forget", "lb01", "--lab", sandbox.labFile().toString(), "--known-hosts",
                sandbox.knownHosts().toString());
        assertEquals(0, forget.code(), forget.err());
        CliRun again = check("master");
        assertEquals(0, again.code(), again.out());
        assertTrue(again.err().contains("SHA256:"), "the new key's fingerprint is shown: " + again.err());
    }

    @Test
    @Order(11)
    void courseIsProvenLessonByLesson() {
        SandboxSpec other = RootLab.uniqueSpec(List.of(SandboxRole.LB01));
        RootLab.deleteStateRoot(other);
        CliRun r = cli("dev", "check", "--no-vm", "--subnet", other.subnetPrefix(), "install", "master", "backup");
        assertEquals(0, r.code(), r.out() + r.err());
        for (String lesson : List.of("install", "master", "backup")) {
            assertTrue(Pattern.compile("(?m)^" + lesson + "\\s+\\d+\\s+[1-9]\\d*\\s+\\d+\\s+[0-9.]+ s\\s+PROVEN$")
                    .matcher(r.out()).find(), r.out());
        }
        assertTrue(r.out().contains("3 of 3 lesson(s) proven."), r.out());
    }
}
