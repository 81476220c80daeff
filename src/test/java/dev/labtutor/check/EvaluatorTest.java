package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.fact.ConfigFiles;
import dev.labtutor.check.fact.Fact;
import dev.labtutor.check.fact.FirewalldState;
import dev.labtutor.check.fact.LogLines;
import dev.labtutor.check.fact.PackageState;
import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.check.fact.UnitState;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Course;
import dev.labtutor.course.CourseReader;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.yaml.Problems;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Evaluation of the shipped checks against hand-built facts: statuses, causes and hints. */
class EvaluatorTest {

    private static final Path ROOT = Path.of(System.getProperty("labtutor.root", "."));
    private static final String VIP = "10.9.0.100";
    private static final String CONF = "/etc/keepalived/keepalived.conf";

    private final Course course = CourseReader.readStrict(ROOT.resolve("lessons/keepalived-lvs"));
    private final CheckCatalog catalog = CheckCatalog.readStrict(ROOT.resolve("checks"));
    private final LabFile lab =
            new LabFile(Path.of("lab.yaml"), Map.of("vip", VIP), hosts(), Map.of(), Map.of(), Optional.empty());

    private static Map<String, HostSpec> hosts() {
        Map<String, HostSpec> m = new LinkedHashMap<>();
        m.put("lb01", new HostSpec("lb01", "10.9.0.11", 22, "root", Optional.empty(), Optional.empty(), false));
        m.put("lb02", new HostSpec("lb02", "10.9.0.12", 22, "root", Optional.empty(), Optional.empty(), false));
        return m;
    }

    private BoundCheck bind(String lessonId, String checkId) {
        CheckRef ref = course.lesson(lessonId).orElseThrow().checks().stream().filter(c -> c.id().equals(checkId))
                .findFirst().orElseThrow();
        Problems p = new Problems();
        BoundCheck b = new Binder(catalog).bind(ref, Bindings.of(course, Optional.of(lab)), p);
        assertTrue(p.isEmpty(), p.sorted().toString());
        return b;
    }

    /** Facts for one host, built up fluently. */
    private static final class HostBuilder {
        final String role;
        final String address;
        final Map<Probe, Fact> facts = new HashMap<>();

        HostBuilder(String role, String address, boolean holdsVip) {
            this.role = role;
            this.address = address;
            List<Addresses.Inet> inets =
                    holdsVip ? List.of(new Addresses.Inet(address, 24, "eth1"), new Addresses.Inet(VIP, 32, "eth1"))
                            : List.of(new Addresses.Inet(address, 24, "eth1"));
            facts.put(Probe.of(Probe.Kind.ADDRESSES),
                    new Addresses(
                            List.of(new Addresses.Iface("lo", true, List.of(new Addresses.Inet("127.0.0.1", 8, "lo"))),
                                    new Addresses.Iface("eth1", true, inets))));
            facts.put(Probe.of(Probe.Kind.UNIT, "keepalived"),
                    new UnitState("keepalived", "loaded", "active", "running", "enabled", "systemd"));
            facts.put(Probe.of(Probe.Kind.FIREWALLD), new FirewalldState(true, false));
            facts.put(Probe.of(Probe.Kind.LOG, "keepalived"), new LogLines("keepalived", "journal",
                    List.of("Nov 25 03:04:27 " + role + " Keepalived[100]: Starting Keepalived v2.2.8")));
            config("MASTER", 51, "1111");
        }

        HostBuilder config(String state, int vrid, String pass) {
            String text = "vrrp_instance VI_1 {\n state " + state + "\n interface eth1\n virtual_router_id " + vrid
                    + "\n priority " + (state.equals("MASTER") ? 100 : 90)
                    + "\n advert_int 1\n authentication {\n  auth_type PASS\n  auth_pass " + pass
                    + "\n }\n virtual_ipaddress {\n  " + VIP + "\n }\n}\n";
            facts.put(Probe.of(Probe.Kind.KEEPALIVED_CONFIG, CONF),
                    new ConfigFiles(CONF, true, Map.of(CONF, text), List.of()));
            return this;
        }

        HostBuilder log(String... lines) {
            List<String> all =
                    new java.util.ArrayList<>(((LogLines) facts.get(Probe.of(Probe.Kind.LOG, "keepalived"))).lines());
            all.addAll(List.of(lines));
            facts.put(Probe.of(Probe.Kind.LOG, "keepalived"), new LogLines("keepalived", "journal", all));
            return this;
        }

        HostBuilder put(Probe p, Fact f) {
            facts.put(p, f);
            return this;
        }

        HostFacts build() {
            return new HostFacts(role, address, facts, Optional.empty());
        }
    }

    private static RoundFacts round(HostFacts... hs) {
        Map<String, HostFacts> m = new HashMap<>();
        for (HostFacts h : hs) {
            m.put(h.role(), h);
        }
        return new RoundFacts(m);
    }

    private HostBuilder lb01(boolean vip) {
        return new HostBuilder("lb01", "10.9.0.11", vip);
    }

    private HostBuilder lb02(boolean vip) {
        return new HostBuilder("lb02", "10.9.0.12", vip).config("BACKUP", 51, "1111");
    }

    @Test
    void healthyPairPasses() {
        Verdict v = Evaluator.evaluate(bind("backup", "backup-without-vip"),
                round(lb01(true).build(), lb02(false).build()));
        assertEquals(Status.PASS, v.status(), v.message().en());
        assertEquals(List.of("lb01", "lb02"), v.hosts());
        assertTrue(v.hint().isEmpty());
    }

    @Test
    void splitBrainWithFirewalldRunningBlamesFirewalldOnThatHost() {
        Verdict v = Evaluator.evaluate(bind("backup", "backup-without-vip"), round(lb01(true).build(),
                lb02(true).put(Probe.of(Probe.Kind.FIREWALLD), new FirewalldState(true, true)).build()));
        assertEquals(Status.FAIL, v.status());
        assertEquals("firewalld", v.cause());
        assertTrue(v.message().en().contains("split brain"), v.message().en());
        assertTrue(v.hint().orElseThrow().en().contains("firewalld is running on lb02"), v.hint().get().en());
        assertTrue(v.hint().get().zh().contains("脑裂"), v.hint().get().zh());
    }

    @Test
    void splitBrainFromDifferentVrid() {
        Verdict v = Evaluator.evaluate(bind("backup", "backup-without-vip"),
                round(lb01(true).build(), lb02(true).config("BACKUP", 52, "1111").build()));
        assertEquals("vrid-mismatch", v.cause());
        assertTrue(v.hint().orElseThrow().en().contains("virtual_router_id"), v.hint().get().en());
    }

    @Test
    void splitBrainFromDifferentPasswordButNotFromCharactersAfterTheEighth() {
        Verdict diff = Evaluator.evaluate(bind("backup", "backup-without-vip"),
                round(lb01(true).build(), lb02(true).config("BACKUP", 51, "2222").build()));
        assertEquals("auth-mismatch", diff.cause());
        Verdict sameAfterTruncation = Evaluator.evaluate(bind("backup", "backup-without-vip"),
                round(lb01(true).config("MASTER", 51, "12345678abc").build(),
                        lb02(true).config("BACKUP", 51, "12345678").build()));
        assertEquals("split-brain", sameAfterTruncation.cause(), "passwords equal after truncation are not the cause");
    }

    @Test
    void splitBrainWithOneWayVrrpNamesTheHostThatStillHearsItsPeer() {
        Verdict v = Evaluator.evaluate(bind("backup", "backup-without-vip"), round(lb01(true).log(
                "Nov 25 03:04:31 lb01 Keepalived_vrrp[101]: (VI_1) Received advert from 10.9.0.12 with lower priority 90, ours 100, forcing new election")
                .build(), lb02(true).build()));
        assertEquals("vrrp-dropped", v.cause());
        assertTrue(v.hint().orElseThrow().en().startsWith("split brain. lb01 receives its peer's VRRP adverts"),
                v.hint().get().en());
    }

    @Test
    void logLinesBeforeTheLastStartDoNotCount() {
        Verdict v = Evaluator.evaluate(bind("backup", "backup-without-vip"),
                round(lb01(true).log("Nov 25 03:00:00 lb01 Keepalived_vrrp[9]: (VI_1) received an invalid passwd!",
                        "Nov 25 03:05:00 lb01 Keepalived[200]: Starting Keepalived v2.2.8").build(),
                        lb02(true).build()));
        assertEquals("split-brain", v.cause());
    }

    @Test
    void unreachableHostIsNotAFailure() {
        HostFacts down = HostFacts.failed("lb02", "10.9.0.12", new HostException(HostException.Kind.CONNECT_TIMEOUT,
                "lb02", Text.of("连接 lb02 超时", "connecting to lb02 timed out")));
        Verdict v = Evaluator.evaluate(bind("backup", "backup-without-vip"), round(lb01(true).build(), down));
        assertEquals(Status.UNREACHABLE, v.status());
        assertTrue(v.message().en().contains("connecting to lb02 timed out"), v.message().en());
        assertTrue(v.hint().orElseThrow().en().contains("not about your lab work"));
    }

    @Test
    void changedHostKeyIsAnError() {
        HostFacts bad = HostFacts.failed("lb01", "10.9.0.11", new HostException(HostException.Kind.HOST_KEY_CHANGED,
                "lb01", Text.of("主机密钥已改变", "the host key changed")));
        Verdict v = Evaluator.evaluate(bind("master", "vip-on-master"), round(bad));
        assertEquals(Status.ERROR, v.status());
    }

    @Test
    void brokenProbeIsAnError() {
        Verdict v = Evaluator.evaluate(bind("master", "vip-on-master"), round(lb01(true)
                .put(Probe.of(Probe.Kind.ADDRESSES), new ProbeBroken("ADDRESSES", "timed out after 8 s")).build()));
        assertEquals(Status.ERROR, v.status());
        assertTrue(v.message().en().contains("timed out"));
    }

    @Test
    void vipMissingBecauseKeepalivedIsDown() {
        Verdict v =
                Evaluator.evaluate(bind("master", "vip-on-master"),
                        round(lb01(false).put(Probe.of(Probe.Kind.UNIT, "keepalived"),
                                new UnitState("keepalived", "loaded", "inactive", "dead", "disabled", "systemd"))
                                .build()));
        assertEquals(Status.FAIL, v.status());
        assertEquals("keepalived-down", v.cause());
    }

    @Test
    void lowerCaseStateIsExplainedAsBackup() {
        Verdict v = Evaluator.evaluate(bind("master", "master-instance"),
                round(lb01(false).config("master", 51, "1111").build()));
        assertEquals(Status.FAIL, v.status());
        assertEquals("wrong-state", v.cause());
        assertTrue(v.message().en().contains("effectively BACKUP (written 'master')"), v.message().en());
    }

    @Test
    void packageMissing() {
        Verdict v = Evaluator.evaluate(bind("install", "keepalived-installed"),
                round(lb01(false).put(Probe.of(Probe.Kind.PACKAGE, "keepalived"),
                        new PackageState("keepalived", true, "2.2.8-1", "rpm")).build(),
                        lb02(false).put(Probe.of(Probe.Kind.PACKAGE, "keepalived"),
                                new PackageState("keepalived", false, "", "rpm")).build()));
        assertEquals(Status.FAIL, v.status());
        assertTrue(v.message().en().contains("lb02 does not have keepalived installed"), v.message().en());
        assertTrue(v.hint().orElseThrow().en().contains("dnf install -y keepalived"));
    }

    @Test
    void perHostVerdictsKeepEachHostsOwnJudgement() {
        Verdict v =
                Evaluator
                        .evaluate(bind("install", "keepalived-installed"),
                                round(lb01(false).put(Probe.of(Probe.Kind.PACKAGE, "keepalived"),
                                        new PackageState("keepalived", true, "2.2.8-1", "rpm")).build(),
                                        lb02(false)
                                                .put(Probe.of(Probe.Kind.PACKAGE, "keepalived"),
                                                        new ProbeBroken("PACKAGE keepalived", "timed out after 8 s"))
                                                .build()));
        assertEquals(Status.ERROR, v.status());
        assertEquals(Status.PASS, v.on("lb01").orElseThrow().status(),
                "lb02's broken probe must not turn lb01's PASS into ERROR");
        assertEquals(Status.ERROR, v.on("lb02").orElseThrow().status());
        assertTrue(v.on("lb02").get().message().en().contains("timed out"));
        assertTrue(v.on("lb01").get().hint().isEmpty());
        assertTrue(v.on("lb01").get().evidence().stream().allMatch(e -> e.host().equals("lb01")));
    }

    @Test
    void perHostFailGetsTheHintOfItsOwnCause() {
        Verdict v =
                Evaluator.evaluate(bind("master", "vip-on-master"),
                        round(lb01(false).put(Probe.of(Probe.Kind.UNIT, "keepalived"),
                                new UnitState("keepalived", "loaded", "inactive", "dead", "disabled", "systemd"))
                                .build()));
        HostVerdict h = v.on("lb01").orElseThrow();
        assertEquals(Status.FAIL, h.status());
        assertEquals("keepalived-down", h.cause());
        assertTrue(h.hint().orElseThrow().en().contains("keepalived is not running on lb01"), h.hint().get().en());
    }

    @Test
    void groupCheckMarksTheUnreachableHostApart() {
        HostFacts down = HostFacts.failed("lb02", "10.9.0.12", new HostException(HostException.Kind.CONNECT_TIMEOUT,
                "lb02", Text.of("连接 lb02 超时", "connecting to lb02 timed out")));
        Verdict v = Evaluator.evaluate(bind("backup", "backup-without-vip"), round(lb01(true).build(), down));
        assertEquals(Status.UNREACHABLE, v.on("lb02").orElseThrow().status());
        assertTrue(v.on("lb02").get().hint().orElseThrow().en().contains("not about your lab work"));
        assertEquals(v.status(), v.on("lb01").orElseThrow().status());
    }

    @Test
    void startsAtBootUnknownIsAnErrorThatSaysWhyNeverAFail() {
        Verdict v = Evaluator.evaluate(bind("master", "master-keepalived-enabled"), round(lb01(true).put(
                Probe.of(Probe.Kind.UNIT, "keepalived"),
                new UnitState("keepalived", "unknown", "active", "running", "unknown", "pid",
                        "systemctl show: System has not been booted with systemd as init system (PID 1). Can't operate.; systemctl is not installed"))
                .build()));
        assertEquals(Status.ERROR, v.status(), v.message().en());
        assertEquals("enabled-unknown", v.cause());
        assertTrue(v.message().en().startsWith("cannot tell whether keepalived starts at boot on lb01: "),
                v.message().en());
        assertTrue(v.message().en().contains("not been booted with systemd"), v.message().en());
        assertTrue(v.message().zh().contains("无法判断"), v.message().zh());
    }

    @Test
    void originalDocumentsGarpIntervalZeroIsANoteUnderAPass() {
        String text = """
                global_defs {
                   router_id LVS_R1
                   vrrp_skip_check_adv_addr
                   vrrp_garp_interval 0
                   vrrp_gna_interval 0
                }
                vrrp_instance VI_1 {
                    state MASTER
                    interface eth1
                    virtual_router_id 51
                    priority 100
                    advert_int 1
                    authentication {
                        auth_type PASS
                        auth_pass 1111
                    }
                    virtual_ipaddress {
                        %s
                    }
                }
                """.formatted(VIP);
        HostFacts h = lb01(true).put(Probe.of(Probe.Kind.KEEPALIVED_CONFIG, CONF),
                new ConfigFiles(CONF, true, Map.of(CONF, text), List.of())).build();
        Verdict v = Evaluator.evaluate(bind("master", "master-config-valid"), round(h));
        assertEquals(Status.PASS, v.status(), v.message().en());
        assertEquals(2, v.notes().size(), v.notes().toString());
        assertTrue(v.notes().get(0).en().contains(":4 (advisory, does not block): vrrp_garp_interval '0' is invalid"),
                v.notes().get(0).en());
        assertTrue(v.notes().get(0).en().contains("keepalived -t reports this, yet keepalived runs fine"),
                v.notes().get(0).en());
        Verdict running = Evaluator.evaluate(bind("master", "master-keepalived-running"), round(h));
        assertEquals(Status.PASS, running.status());

        HostFacts real = lb01(true)
                .put(Probe.of(Probe.Kind.KEEPALIVED_CONFIG, CONF), new ConfigFiles(CONF, true,
                        Map.of(CONF, text.replace("priority 100", "priority 100\n    nb_get_retry 3")), List.of()))
                .build();
        Verdict bad = Evaluator.evaluate(bind("master", "master-config-valid"), round(real));
        assertEquals(Status.FAIL, bad.status(), "a real error still fails, with the advisory ones as notes");
        assertEquals(2, bad.notes().size());
    }

    @Test
    void keepalivedsSentencesAreJoinedWithoutAStrayFullStop() {
        String text = """
                global_defs {
                   vrrp_strict
                }
                vrrp_instance VI_1 {
                    state MASTER
                    interface eth1
                    virtual_router_id 51
                    priority 100
                    authentication {
                        auth_type PASS
                        auth_pass 1111
                    }
                    virtual_ipaddress {
                        %s
                    }
                }
                """.formatted(VIP);
        Verdict v = Evaluator.evaluate(bind("master", "master-config-valid"),
                round(lb01(true).put(Probe.of(Probe.Kind.KEEPALIVED_CONFIG, CONF),
                        new ConfigFiles(CONF, true, Map.of(CONF, text), List.of())).build()));
        assertEquals(Status.FAIL, v.status());
        assertTrue(v.message().en().contains("write state BACKUP; line 4: (VI_1) Strict mode"), v.message().en());
        assertTrue(v.message().zh().contains("改成 BACKUP；第 4 行：(VI_1) vrrp_strict"), v.message().zh());
        assertTrue(!v.message().en().contains(".;") && !v.message().zh().contains("。；"), v.message().toString());
    }

    @Test
    void aStartsAtBootCheckSpeaksOfBootNotOfRunning() {
        Verdict enabled = Evaluator.evaluate(bind("master", "master-keepalived-enabled"), round(lb01(true).build()));
        assertEquals(Status.PASS, enabled.status());
        assertEquals("lb01: keepalived starts at boot", enabled.message().en());
        assertEquals("lb01 上的 keepalived 已设为开机自启", enabled.message().zh());

        Probe firewalld = Probe.of(Probe.Kind.UNIT, "firewalld");
        Verdict off =
                Evaluator
                        .evaluate(bind("install", "firewalld-disabled"), round(
                                lb01(false).put(firewalld,
                                        new UnitState("firewalld", "loaded", "active", "running", "disabled",
                                                "systemd"))
                                        .build(),
                                lb02(false).put(firewalld,
                                        new UnitState("firewalld", "loaded", "inactive", "dead", "enabled", "systemd"))
                                        .build()));
        assertEquals("lb01: firewalld does not start at boot", off.on("lb01").orElseThrow().message().en(),
                "firewalld running now is another check's business");
        assertEquals("lb02: firewalld still starts at boot (enabled)", off.on("lb02").orElseThrow().message().en());
    }

    /**
     * Lesson 3 with keepalived's sample copied unedited (the file RHEL installs and the sandbox offers as
     * keepalived.conf.sample): its state MASTER is spelt right but vrrp_strict starts it as BACKUP (2.2.7 "State MASTER
     * must match being address owner", 1.3.5 "Cannot start in MASTER state if not address owner", both in the corpus),
     * and its VIPs and interface are the sample's. Each is named; nothing sends the learner to fix the capitals.
     */
    @Test
    void keepalivedsSampleCopiedUneditedIsExplainedByWhatIsReallyWrong() throws Exception {
        String sample = java.nio.file.Files.readString(dev.labtutor.keepalived.Corpus.shared()
                .resolve("corpus/keepalived-samples/keepalived__etc__keepalived__keepalived.conf"));
        HostFacts h = lb01(false).put(Probe.of(Probe.Kind.KEEPALIVED_CONFIG, CONF),
                new ConfigFiles(CONF, true, Map.of(CONF, sample), List.of())).build();

        Verdict instance = Evaluator.evaluate(bind("master", "master-instance"), round(h));
        assertEquals(Status.FAIL, instance.status());
        assertEquals("state-demoted-strict", instance.cause());
        String en = instance.message().en();
        assertTrue(en.startsWith(
                "lb01: instance VI_1: state MASTER is written, but vrrp_strict in global_defs makes keepalived start it as BACKUP"
                        + ": under vrrp_strict only priority 255 starts as MASTER, and its priority is 100; "),
                en);
        assertTrue(en.contains(
                "; virtual_ipaddress lists 192.168.200.16, 192.168.200.17, 192.168.200.18, not the VIP " + VIP + "; "),
                en);
        assertTrue(en.endsWith("; interface eth0 does not exist on lb01 (its address is on eth1)"), en);
        String zh = instance.message().zh();
        assertTrue(zh.contains("vrrp_strict")
                && zh.contains("virtual_ipaddress 中是 192.168.200.16、192.168.200.17、192.168.200.18，不是 VIP " + VIP)
                && zh.contains("interface eth0 在 lb01 上不存在（它的地址在 eth1 上）"), zh);
        String hint = instance.hint().orElseThrow().en();
        assertTrue(hint.contains("Delete the vrrp_strict line") && !hint.contains("capitals"), hint);

        Verdict valid = Evaluator.evaluate(bind("master", "master-config-valid"), round(h));
        assertEquals(Status.FAIL, valid.status());
        assertTrue(!valid.message().en().contains(".;") && !valid.message().zh().contains("。；"),
                valid.message().toString());

        Verdict vip = Evaluator.evaluate(bind("master", "vip-on-master"), round(h));
        assertEquals(Status.FAIL, vip.status());
        assertEquals("vip-not-configured", vip.cause(), "not \"state-not-master ... mind the case\"");
        assertTrue(vip.hint().orElseThrow().en().contains("does not list " + VIP), vip.hint().get().en());
    }
}
