package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The course against real hosts, through the real CLI, on one five-host namespace sandbox: {@code labtutor dev check}
 * proves every lesson this kernel can run in one pass (each fails before its solution and passes after it); then a real
 * failover observed by {@code check failover --wait} (the report carries the measured handover, gap and lost requests),
 * the original document's {@code vrrp_garp_interval 0} as a note under a PASS, and the real-server faults of the LVS-DR
 * lessons, each with its verdict and the hint that names it. The lessons and faults that need IPVS or nfsd are in
 * {@link CourseVmEndToEndTest}. Needs root; fails instead of skipping when CI=true.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CourseFaultsEndToEndTest {

    /** The lessons this kernel runs; the ones that need IPVS or nfsd are proven in the VM (CourseVmEndToEndTest). */
    private static final List<String> MACHINE_KERNEL_LESSONS = List.of("vrrp-basics", "install", "master", "backup",
            "failover", "web-failover", "logs", "lvs-prepare", "lvs-realservers");

    private static SandboxSpec spec;
    private static Sandbox sandbox;

    static CliRun cli(StringWriter out, StringWriter err, String... args) {
        return CliRun.of(out, err, args);
    }

    static CliRun cli(String... args) {
        return CliRun.of(args);
    }

    static String[] checkArgs(String lesson, String format, String... extra) {
        List<String> args = new ArrayList<>(
                List.of("check", lesson, "--lab", sandbox.labFile().toString(), "--format", format, "--lang", "en"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    static CliRun check(String lesson, String... extra) {
        return cli(checkArgs(lesson, "json", extra));
    }

    static CliRun solve(String lesson) {
        CliRun r = cli("sandbox", "solve", lesson, "--name", spec.name(), "--state-dir", spec.stateRoot().toString());
        assertEquals(0, r.code(), () -> "solving " + lesson + ": " + r.out() + r.err());
        return r;
    }

    static void sh(SandboxRole role, String script) {
        var r = sandbox.sh(role, script);
        assertEquals(0, r.exitStatus(), () -> role + ": " + script + ": " + r.stderr() + r.stdout());
    }

    @BeforeAll
    static void up() {
        System.setProperty("labtutor.home", System.getProperty("labtutor.root", "."));
        RootLab.requireRoot();
        spec = RootLab.uniqueSpec(List.of(SandboxRole.values()));
        sandbox = Sandbox.up(spec);
    }

    @AfterAll
    static void down() {
        RootLab.downAndClean(sandbox);
    }

    @Test
    @Order(0)
    void everyLessonThisKernelCanRunIsProvenInOnePass() {
        List<String> args = new ArrayList<>(List.of("dev", "check", "--on", spec.name(), "--state-dir",
                spec.stateRoot().toString(), "--lang", "en"));
        args.addAll(MACHINE_KERNEL_LESSONS);
        CliRun r = cli(args.toArray(String[]::new));
        System.out.println("[dev check]\n" + r.out() + r.err());
        assertEquals(MACHINE_KERNEL_LESSONS, List.copyOf(r.proofs().keySet()), r.out());
        r.proofs().forEach((lesson, result) -> assertEquals("PROVEN", result, lesson + ":\n" + r.out()));
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("failover-observed: observed lb01 → lb02 → lb01"), r.out());
        assertTrue(r.out().contains("pages-follow-vip: observed lb01 → lb02 → lb01"), r.out());
    }

    @Test
    @Order(1)
    void aRealFailoverIsObservedWithItsGapAndLostRequests() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<CliRun> watching =
                CompletableFuture.supplyAsync(() -> cli(out, err, checkArgs("failover", "text", "--wait", "90")));
        assertTrue(
                RootLab.eventually(Duration.ofSeconds(30),
                        () -> err.toString().contains("watching who holds " + spec.vip())),
                "the check announces what it watches: " + err);
        // act once the watch has seen lb01 hold the VIP, as the lesson tells a learner (never a fixed sleep)
        assertTrue(
                RootLab.eventually(Duration.ofSeconds(60), () -> err.toString().contains("start seen (lb01): act now")),
                "the check says when its baseline is in: " + err);
        sh(SandboxRole.LB01, "systemctl stop keepalived");
        // the directors only: after lvs-realservers web01 and web02 hold the VIP on lo as well
        assertTrue(RootLab.eventually(Duration.ofSeconds(20),
                () -> sandbox.status().vipHolders().stream().filter(r -> r == SandboxRole.LB01 || r == SandboxRole.LB02)
                        .toList().equals(List.of(SandboxRole.LB02))),
                () -> "the VIP should move to lb02: " + sandbox.status().vipHolders());
        assertTrue(RootLab.eventually(Duration.ofSeconds(30), () -> err.toString().contains("lb02 took " + spec.vip())),
                "the watch saw lb02 take over: " + err);
        sh(SandboxRole.LB01, "systemctl start keepalived");
        CliRun r = watching.get(120, TimeUnit.SECONDS);
        System.out.println("[failover report]\n" + r.out() + "[live on stderr]\n" + r.err());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("lb01 lost " + spec.vip()) && r.err().contains("lb02 took " + spec.vip()),
                "live events: " + r.err());
        assertTrue(r.out().contains("Note: Measured: "), "the text report shows the measurement: " + r.out());
        Matcher handover = Pattern.compile("lb02 took over from lb01 at [0-9.]+ s \\(handover within ([0-9.]+) s\\)")
                .matcher(r.out());
        assertTrue(handover.find(), r.out());
        Matcher lost = Pattern.compile("tcp " + Pattern.quote(spec.vip())
                + ":22: ([0-9]+) of ([0-9]+) requests lost, (longest gap ([0-9.]+) s|no gap)").matcher(r.out());
        assertTrue(lost.find(), r.out());
        assertTrue(Double.parseDouble(handover.group(1)) < 10,
                "a handover takes seconds, not minutes: " + handover.group());
        assertTrue(Integer.parseInt(lost.group(2)) > 10, "sampled several times a second: " + lost.group());
    }

    @Test
    @Order(2)
    void theOriginalDocumentsGarpIntervalZeroPassesWithANote() throws Exception {
        var conf = sandbox.hostPath(SandboxRole.LB01, "/etc/keepalived/keepalived.conf");
        String original = java.nio.file.Files.readString(conf);
        java.nio.file.Files.writeString(conf, original.replace("   router_id LVS_R1\n",
                "   router_id LVS_R1\n   vrrp_skip_check_adv_addr\n   vrrp_garp_interval 0\n   vrrp_gna_interval 0\n"));
        try {
            sh(SandboxRole.LB01, "systemctl restart keepalived");
            CliRun r = cli(checkArgs("master", "text", "--wait", "30"));
            assertEquals(0, r.code(), r.out() + r.err());
            assertTrue(r.out().contains(
                    "Note: lb01 /etc/keepalived/keepalived.conf:5 (advisory, does not block): vrrp_garp_interval '0' is invalid"),
                    r.out());
            CliRun json = check("master");
            assertEquals("pass", json.status("master-config-valid"));
            assertTrue(json.result("master-config-valid").contains("vrrp_gna_interval"), json.out());
        } finally {
            java.nio.file.Files.writeString(conf, original);
            sh(SandboxRole.LB01, "systemctl restart keepalived");
        }
    }

    @Test
    @Order(3)
    void realServersPassOnceSolved() {
        CliRun r = check("lvs-realservers");
        assertEquals(0, r.code(), r.out() + r.err());
    }

    @Test
    @Order(4)
    void aRealServerWithoutTheVipOnLo() {
        sh(SandboxRole.WEB01, "ip addr del " + spec.vip() + "/32 dev lo");
        try {
            CliRun r = check("lvs-realservers");
            assertEquals(1, r.code());
            assertEquals("fail", r.status("vip-on-lo"));
            String web01 = r.onHost("vip-on-lo", "web01");
            assertTrue(web01.contains("\"status\": \"fail\"") && web01.contains("\"cause\": \"absent\""), web01);
            assertTrue(web01.contains("ip addr replace " + spec.vip() + "/32 dev lo"), web01);
            assertTrue(r.onHost("vip-on-lo", "web02").contains("\"status\": \"pass\""));
        } finally {
            sh(SandboxRole.WEB01, "ip addr replace " + spec.vip() + "/32 dev lo");
        }
    }

    @Test
    @Order(5)
    void aWrongArpAnnounce() {
        sh(SandboxRole.WEB01, "sysctl -q -w net.ipv4.conf.all.arp_announce=1");
        try {
            CliRun r = check("lvs-realservers");
            assertEquals("fail", r.status("arp-announce-now"));
            String web01 = r.onHost("arp-announce-now", "web01");
            assertTrue(web01.contains("\"cause\": \"wrong-value\""), web01);
            assertTrue(web01.contains("effective arp_announce on eth1 is 1, expected 2"), web01);
            assertTrue(web01.contains("net.ipv4.conf.all.arp_announce"), "the hint says what to set: " + web01);
            assertEquals("pass", r.status("arp-announce-saved"), "the saved value is still right");
        } finally {
            sh(SandboxRole.WEB01, "sysctl -q -p /etc/sysctl.d/60-lvs-dr.conf");
        }
    }

    @Test
    @Order(6)
    void arpSettingsInEffectButNotSaved() {
        sh(SandboxRole.WEB02, "mv /etc/sysctl.d/60-lvs-dr.conf /root/60-lvs-dr.conf");
        try {
            CliRun r = check("lvs-realservers");
            assertEquals("pass", r.status("arp-ignore-now"), "still in effect now");
            assertEquals("fail", r.status("arp-ignore-saved"));
            String web02 = r.onHost("arp-ignore-saved", "web02");
            assertTrue(web02.contains("\"cause\": \"not-persisted\"") && web02.contains("a reboot loses it"), web02);
            assertTrue(r.onHost("arp-ignore-saved", "web01").contains("\"status\": \"pass\""));
        } finally {
            sh(SandboxRole.WEB02, "mv /root/60-lvs-dr.conf /etc/sysctl.d/60-lvs-dr.conf");
        }
    }

    @Test
    @Order(7)
    void theDirectorsVirtualServersDisagree() {
        sh(SandboxRole.LB02, "sed -i 's/lb_algo rr/lb_algo wrr/' /etc/keepalived/keepalived.conf");
        try {
            CliRun r = check("lvs-director-backup");
            assertEquals("fail", r.status("directors-agree"));
            String v = r.result("directors-agree");
            assertTrue(v.contains("\"cause\": \"group-vs-mismatch\"") && v.contains("lb_algo rr/wrr"), v);
            assertTrue(v.contains("virtual_server blocks differ"), v);
        } finally {
            sh(SandboxRole.LB02, "sed -i 's/lb_algo wrr/lb_algo rr/' /etc/keepalived/keepalived.conf");
        }
    }

    @Test
    @Order(8)
    void anUnreachableWebHostWhileTheOtherIsJudged() {
        sandbox.inject(new SandboxFault.SshdStopped(SandboxRole.WEB01));
        try {
            long t0 = System.nanoTime();
            CliRun r = check("lvs-realservers", "--timeout", "5");
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0) < 40,
                    "an unreachable host must not hold up the check");
            assertEquals(1, r.code());
            assertEquals("unreachable", r.status("vip-on-lo"));
            assertTrue(r.onHost("vip-on-lo", "web01").contains("\"status\": \"unreachable\""), r.result("vip-on-lo"));
            assertTrue(r.onHost("vip-on-lo", "web02").contains("\"status\": \"pass\""),
                    "web02 is judged: " + r.result("vip-on-lo"));
            assertTrue(r.onHost("arp-ignore-saved", "web02").contains("\"status\": \"pass\""));
        } finally {
            sandbox.startSshd(SandboxRole.WEB01);
        }
        if (!RootLab.eventually(Duration.ofSeconds(20), () -> check("lvs-realservers").code() == 0)) {
            fail("web01 is back: " + check("lvs-realservers").out());
        }
    }
}
