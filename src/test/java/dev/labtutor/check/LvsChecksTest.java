package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.fact.CommandOutput;
import dev.labtutor.check.fact.ConfigFiles;
import dev.labtutor.check.fact.Fact;
import dev.labtutor.check.fact.FactParsers;
import dev.labtutor.check.fact.FileContent;
import dev.labtutor.check.fact.NfsExports;
import dev.labtutor.check.fact.PersistedSysctls;
import dev.labtutor.check.fact.UnitState;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.yaml.Problems;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The LVS, NFS and preparation lessons' checks on hand-built facts: each fault gets its verdict and the hint that names
 * it.
 */
class LvsChecksTest {

    private static final String VIP = "10.9.0.100";
    private static final String CONF = "/etc/keepalived/keepalived.conf";
    private static final Map<String, String> ADDR = Map.of("lb01", "10.9.0.11", "lb02", "10.9.0.12", "web01",
            "10.9.0.21", "web02", "10.9.0.22", "nfs-server", "10.9.0.31");

    private final ShippedCourse shipped = new ShippedCourse(VIP, ADDR);

    private BoundCheck bind(String lessonId, String checkId) {
        return shipped.bind(lessonId, checkId);
    }

    private static final class Host {
        final String role;
        final Map<Probe, Fact> facts = new HashMap<>();

        Host(String role, String... loAddresses) {
            this.role = role;
            List<Addresses.Inet> lo = new java.util.ArrayList<>(List.of(new Addresses.Inet("127.0.0.1", 8, "lo")));
            for (String a : loAddresses) {
                lo.add(new Addresses.Inet(a.split("/")[0], Integer.parseInt(a.split("/")[1]), "lo"));
            }
            facts.put(Probe.of(Probe.Kind.ADDRESSES), new Addresses(List.of(new Addresses.Iface("lo", true, lo),
                    new Addresses.Iface("eth1", true, List.of(new Addresses.Inet(ADDR.get(role), 24, "eth1"))))));
        }

        Host put(Probe p, Fact f) {
            facts.put(p, f);
            return this;
        }

        Host parsed(Probe p, String stdout) {
            return put(p, FactParsers.parse(p, new ProbeOutput(stdout, "", 0, false, false)));
        }

        Host config(String text) {
            return put(Probe.of(Probe.Kind.KEEPALIVED_CONFIG, CONF),
                    new ConfigFiles(CONF, true, Map.of(CONF, text), List.of()));
        }

        HostFacts build() {
            return new HostFacts(role, ADDR.get(role), facts, Optional.empty());
        }
    }

    private static RoundFacts round(Host... hs) {
        Map<String, HostFacts> m = new HashMap<>();
        for (Host h : hs) {
            m.put(h.role, h.build());
        }
        return new RoundFacts(m);
    }

    private static String director(String state, int prio, String kind, String tcpCheckExtra) {
        String rs = "";
        for (String a : List.of("10.9.0.21", "10.9.0.22")) {
            rs += "    real_server " + a
                    + " 80 {\n        weight 1\n        TCP_CHECK {\n            connect_port 80\n            connect_timeout 3\n"
                    + tcpCheckExtra + "        }\n    }\n";
        }
        return "global_defs {\n   router_id LVS_" + state + "\n}\nvrrp_instance VI_1 {\n    state " + state
                + "\n    interface eth1\n" + "    virtual_router_id 51\n    priority " + prio
                + "\n    advert_int 1\n    authentication {\n        auth_type PASS\n"
                + "        auth_pass 1111\n    }\n    virtual_ipaddress {\n        " + VIP + "\n    }\n}\n"
                + "virtual_server " + VIP + " 80 {\n    delay_loop 3\n    lb_algo rr\n    lb_kind " + kind
                + "\n    protocol TCP\n" + rs + "}\n";
    }

    private static final String IPVS_HEAD =
            "IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\nTCP  " + VIP + ":80 rr\n";

    @Test
    void theDirectorsPoolIsJudgedOnKeepalivedsEffectiveValues() {
        Verdict ok = Evaluator.evaluate(bind("lvs-director-master", "director-pool"),
                round(new Host("lb01").config(director("MASTER", 100, "DR", ""))));
        assertEquals(Status.PASS, ok.status(), ok.message().en());
        Verdict dr = Evaluator.evaluate(bind("lvs-director-master", "director-pool"),
                round(new Host("lb01").config(director("MASTER", 100, "dr", ""))));
        assertEquals("wrong-kind", dr.cause());
        assertTrue(dr.message().en().contains("forwarding is effectively NAT, expected DR"), dr.message().en());
        assertTrue(dr.hint().orElseThrow().en().contains("Masq"), dr.hint().get().en());
    }

    @Test
    void nbGetRetryInTcpCheckFailsTheConfigWithItsOwnHint() {
        Verdict v = Evaluator.evaluate(bind("lvs-director-master", "director-config-valid"),
                round(new Host("lb01").config(director("MASTER", 100, "DR", "            nb_get_retry 3\n"))));
        assertEquals(Status.FAIL, v.status());
        assertEquals("nb-get-retry", v.cause());
        assertTrue(v.message().en().contains("an HTTP_GET / SSL_GET keyword")
                && v.message().en().contains("never belonged here"), v.message().en());
        assertTrue(v.hint().orElseThrow().en().contains("\"retry 3\""), v.hint().get().en());
    }

    @Test
    void aStrictMasterBelowTheOwnersPriorityGetsTheStrictModeHint() {
        String strict = director("MASTER", 100, "DR", "            retry 3\n").replace("   router_id LVS_MASTER\n",
                "   router_id LVS_MASTER\n   vrrp_strict\n");
        Verdict v = Evaluator.evaluate(bind("lvs-director-master", "director-config-valid"),
                round(new Host("lb01").config(strict)));
        assertEquals(Status.FAIL, v.status());
        assertEquals("strict-master-owner", v.cause());
        assertTrue(v.hint().orElseThrow().en().contains("remove vrrp_strict")
                && v.hint().get().en().contains("starts the server in BACKUP state")
                && v.hint().get().en().contains("drops all traffic to the VIP"), v.hint().get().en());
    }

    @Test
    void directorsWhoseVirtualServersDisagreeAreNamed() {
        Verdict v = Evaluator.evaluate(bind("lvs-director-backup", "directors-agree"),
                round(new Host("lb01").config(director("MASTER", 100, "DR", "")),
                        new Host("lb02").config(director("BACKUP", 99, "NAT", ""))));
        assertEquals(Status.FAIL, v.status());
        assertEquals("group-vs-mismatch", v.cause());
        assertTrue(v.message().en().contains("lb_kind DR/NAT"), v.message().en());
        assertTrue(v.hint().orElseThrow().en().contains("virtual_server blocks differ"), v.hint().get().en());
    }

    @Test
    void ipvsShowingMasqOrAMissingServerExplainsWhy() {
        Probe ipvs = Probe.of(Probe.Kind.IPVS);
        Verdict masq = Evaluator.evaluate(bind("lvs-director-master", "director-ipvs"),
                round(new Host("lb01").parsed(ipvs, IPVS_HEAD
                        + "  -> 10.9.0.21:80                 Masq    1      0          0\n  -> 10.9.0.22:80                 Masq    1      0          0\n")));
        assertEquals("wrong-method", masq.cause());
        assertTrue(masq.hint().orElseThrow().en().contains("shows Masq (NAT) instead of Route"),
                masq.hint().get().en());

        Probe curl21 = Probe.of(Probe.Kind.COMMAND, "curl -s -o /dev/null -m 2 http://10.9.0.21:80/");
        Probe curl22 = Probe.of(Probe.Kind.COMMAND, "curl -s -o /dev/null -m 2 http://10.9.0.22:80/");
        Verdict down = Evaluator.evaluate(bind("lvs-test", "both-in-pool"),
                round(new Host("lb01")
                        .parsed(ipvs, IPVS_HEAD + "  -> 10.9.0.22:80                 Route   1      0          0\n")
                        .put(curl21, new CommandOutput(7, "", "")).put(curl22, new CommandOutput(0, "", ""))));
        assertEquals(Status.FAIL, down.status());
        assertEquals("rs1-down", down.cause());
        assertTrue(down.hint().orElseThrow().en().startsWith(
                "10.9.0.21 is not in the IPVS table; its web site does not answer"), down.hint().get().en());
    }

    @Test
    void aKernelWithoutIpVsIsAnErrorThatSaysSoNotAMissingIpvsadm() {
        Probe ipvs = Probe.of(Probe.Kind.IPVS);
        // ipvsadm -Ln as root on a kernel without ip_vs: its own modprobe speaks first, exit 2.
        String err = "modprobe: FATAL: Module ip_vs not found in directory /lib/modules/6.18.44-fc-v1272\n"
                + "Can't initialize ipvs: Protocol not available\n"
                + "Are you sure that IP Virtual Server is built in the kernel or as module?\n";
        Verdict v = Evaluator.evaluate(bind("lvs-director-master", "director-ipvs"),
                round(new Host("lb01").put(ipvs, FactParsers.parse(ipvs, new ProbeOutput("", err, 2, false, false)))));
        assertEquals(Status.ERROR, v.status(), v.message().en());
        assertEquals("ipvs-unavailable", v.cause());
        assertTrue(v.message().en().startsWith("lb01: the kernel has no IPVS (ip_vs), cannot check"), v.message().en());
        assertTrue(v.message().zh().contains("内核没有 IPVS（ip_vs）"), v.message().zh());
        assertTrue(!v.message().en().contains("ipvsadm installed") && !v.message().en().contains("has no ipvsadm"),
                v.message().en());
        assertTrue(v.hint().orElseThrow().en().contains("Reinstalling ipvsadm does not help"), v.hint().get().en());

        Verdict missing = Evaluator.evaluate(bind("lvs-director-master", "director-ipvs"), round(new Host("lb01").put(
                ipvs, FactParsers.parse(ipvs, new ProbeOutput("labtutor:ipvsadm-missing\n", "", 127, false, false)))));
        assertEquals(Status.FAIL, missing.status());
        assertEquals("lb01 does not have ipvsadm installed", missing.message().en());
    }

    @Test
    void theVipBelongsOnLoAsASlash32() {
        Verdict missing = Evaluator.evaluate(bind("lvs-realservers", "vip-on-lo"),
                round(new Host("web01"), new Host("web02", VIP + "/32")));
        assertEquals(Status.FAIL, missing.status());
        assertEquals(Status.PASS, missing.on("web02").orElseThrow().status());
        assertEquals("absent", missing.on("web01").orElseThrow().cause());
        assertTrue(
                missing.on("web01").get().hint().orElseThrow().en().contains("ip addr replace " + VIP + "/32 dev lo"));
        Verdict wide = Evaluator.evaluate(bind("lvs-realservers", "vip-on-lo"),
                round(new Host("web01", VIP + "/24"), new Host("web02", VIP + "/32")));
        assertEquals("wrong-prefix", wide.on("web01").orElseThrow().cause());
    }

    @Test
    void arpSettingsInEffectButNotSavedFailWithTheReboot() {
        Probe conf = Probe.of(Probe.Kind.SYSCTL_CONF);
        Verdict v =
                Evaluator.evaluate(bind("lvs-realservers", "arp-ignore-saved"),
                        round(new Host("web01").put(conf, new PersistedSysctls(Map.of(), List.of("/etc/sysctl.conf"))),
                                new Host("web02").put(conf,
                                        new PersistedSysctls(
                                                Map.of("net.ipv4.conf.all.arp_ignore",
                                                        new PersistedSysctls.Setting("1",
                                                                "/etc/sysctl.d/60-lvs-dr.conf", 2)),
                                                List.of("/etc/sysctl.d/60-lvs-dr.conf")))));
        assertEquals(Status.FAIL, v.status());
        assertEquals(Status.PASS, v.on("web02").orElseThrow().status());
        assertEquals("not-persisted", v.on("web01").orElseThrow().cause());
        assertTrue(v.on("web01").get().hint().orElseThrow().en().contains("a reboot loses it"),
                v.on("web01").get().hint().get().en());
    }

    @Test
    void selinuxEditedThroughTheSymlinkIsExplained() {
        Probe config = Probe.of(Probe.Kind.FILE, "/etc/selinux/config");
        Probe link = Probe.of(Probe.Kind.FILE, "/etc/sysconfig/selinux");
        Verdict v =
                Evaluator
                        .evaluate(bind("install", "selinux-config-disabled"), round(
                                new Host("lb01")
                                        .put(config,
                                                new FileContent("/etc/selinux/config", true, true,
                                                        "SELINUX=enforcing\nSELINUXTYPE=targeted\n", false))
                                        .put(link,
                                                new FileContent("/etc/sysconfig/selinux", true, true,
                                                        "SELINUX=disabled\nSELINUXTYPE=targeted\n", false)),
                                new Host("lb02")
                                        .put(config,
                                                new FileContent("/etc/selinux/config", true, true, "SELINUX=disabled\n",
                                                        false))
                                        .put(link, new FileContent("/etc/sysconfig/selinux", true, true,
                                                "SELINUX=disabled\n", false))));
        assertEquals(Status.FAIL, v.status());
        assertEquals("edited-link-copy", v.on("lb01").orElseThrow().cause());
        assertEquals(Status.PASS, v.on("lb02").orElseThrow().status());
    }

    /**
     * Issue 20: lb01 and lb02 pass (their /etc/sysconfig/selinux is the symlink, so it says disabled too) while web01
     * fails with the sample's enforcing: the check's cause and hint are web01's ({@code no-match}, the default hint),
     * not the cause rule that holds on the passing directors ("edited-link-copy on lb01, lb02"), as the gradebook and
     * JSON showed.
     */
    @Test
    void theCheckTakesItsCauseAndHintFromTheFailingHostsNotFromThePassingOnes() {
        Probe config = Probe.of(Probe.Kind.FILE, "/etc/selinux/config");
        Probe link = Probe.of(Probe.Kind.FILE, "/etc/sysconfig/selinux");
        String off =
                "# This file controls the state of SELinux on the system.\nSELINUX=disabled\nSELINUXTYPE=targeted\n";
        String on =
                "# This file controls the state of SELinux on the system.\nSELINUX=enforcing\nSELINUXTYPE=targeted\n";
        Verdict v = Evaluator.evaluate(bind("lvs-prepare", "selinux-off-at-boot"),
                round(new Host("lb01").put(config, new FileContent("/etc/selinux/config", true, true, off, false))
                        .put(link, new FileContent("/etc/sysconfig/selinux", true, true, off, false)),
                        new Host("lb02").put(config, new FileContent("/etc/selinux/config", true, true, off, false))
                                .put(link, new FileContent("/etc/sysconfig/selinux", true, true, off, false)),
                        enforcing("web01", on), enforcing("web02", on), enforcing("nfs-server", on)));
        assertEquals(Status.FAIL, v.status());
        assertEquals(Status.PASS, v.on("lb01").orElseThrow().status());
        HostVerdict web01 = v.on("web01").orElseThrow();
        assertEquals(Status.FAIL, web01.status());
        assertEquals(web01.cause(), v.cause(), "the check's cause is the failing host's");
        assertTrue(!v.cause().equals("edited-link-copy"), v.cause());
        assertEquals(web01.hint(), v.hint(), "the check's hint is the failing host's");
        assertTrue(!v.hint().orElseThrow().en().contains("lb01"), v.hint().orElseThrow().en());
    }

    private static Host enforcing(String role, String text) {
        return new Host(role)
                .put(Probe.of(Probe.Kind.FILE, "/etc/selinux/config"),
                        new FileContent("/etc/selinux/config", true, true, text, false))
                .put(Probe.of(Probe.Kind.FILE, "/etc/sysconfig/selinux"),
                        new FileContent("/etc/sysconfig/selinux", true, true, text, false));
    }

    /** /etc/selinux/config as CentOS 7 installs it: a comment header, the deciding line 7. */
    private static final String SELINUX_CONFIG = """

            # This file controls the state of SELinux on the system.
            # SELINUX= can take one of these three values:
            #     enforcing - SELinux security policy is enforced.
            #     permissive - SELinux prints warnings instead of enforcing.
            #     disabled - No SELinux policy is loaded.
            SELINUX=enforcing
            # SELINUXTYPE= can take one of three values:
            #     targeted - Targeted processes are protected,
            #     minimum - Modification of targeted policy. Only selected processes are protected.\s
            #     mls - Multi Level Security protection.
            SELINUXTYPE=targeted\s


            """;

    @Test
    void selinuxConfigSaysWhatLineWasFoundAndWhatWasExpectedNeverTheRegex() {
        Probe config = Probe.of(Probe.Kind.FILE, "/etc/selinux/config");
        Probe link = Probe.of(Probe.Kind.FILE, "/etc/sysconfig/selinux");
        String off = SELINUX_CONFIG.replace("SELINUX=enforcing", "SELINUX=disabled");
        Verdict v =
                Evaluator
                        .evaluate(bind("install", "selinux-config-disabled"), round(
                                new Host("lb01")
                                        .put(config,
                                                new FileContent("/etc/selinux/config", true, true, SELINUX_CONFIG,
                                                        false))
                                        .put(link,
                                                new FileContent("/etc/sysconfig/selinux", true, true, SELINUX_CONFIG,
                                                        false)),
                                new Host("lb02")
                                        .put(config, new FileContent("/etc/selinux/config", true, true, off, false))
                                        .put(link, new FileContent("/etc/sysconfig/selinux", true, true, off, false))));
        HostVerdict lb01 = v.on("lb01").orElseThrow();
        assertEquals("lb01: /etc/selinux/config line 7 has SELINUX=enforcing, expected disabled", lb01.message().en());
        assertEquals("lb01 上的 /etc/selinux/config 第 7 行是 SELINUX=enforcing，应为 disabled", lb01.message().zh());
        assertEquals(List.of(new Evidence("lb01", "/etc/selinux/config:7: SELINUX=enforcing")), lb01.evidence(),
                "the deciding line, not the comment header");
        HostVerdict lb02 = v.on("lb02").orElseThrow();
        assertEquals(Status.PASS, lb02.status());
        assertEquals("lb02: /etc/selinux/config line 7 has SELINUX=disabled", lb02.message().en());
        assertEquals(List.of(new Evidence("lb02", "/etc/selinux/config:7: SELINUX=disabled")), lb02.evidence());

        Verdict none = Evaluator
                .evaluate(bind("install", "selinux-config-disabled"), round(
                        new Host("lb01").put(config,
                                new FileContent("/etc/selinux/config", true, true, "SELINUXTYPE=targeted\n", false))
                                .put(link,
                                        new FileContent("/etc/sysconfig/selinux", true, true, "SELINUXTYPE=targeted\n",
                                                false)),
                        new Host("lb02").put(config, new FileContent("/etc/selinux/config", true, true, off, false))
                                .put(link, new FileContent("/etc/sysconfig/selinux", true, true, off, false))));
        assertEquals("lb01: /etc/selinux/config has no SELINUX= line, expected SELINUX=disabled",
                none.on("lb01").orElseThrow().message().en());
        for (Verdict x : List.of(v, none)) {
            assertTrue(!x.message().en().contains("[ \\t]") && !x.message().zh().contains("[ \\t]"),
                    x.message().toString());
        }
    }

    private static dev.labtutor.yaml.YNode yaml(String text) {
        Problems p = new Problems();
        dev.labtutor.yaml.YNode n = dev.labtutor.yaml.YamlReader.parse(Path.of("t.yaml"), text, p).orElseThrow();
        assertTrue(p.isEmpty(), p.sorted().toString());
        return n;
    }

    @Test
    void aFilePatternThatIsNoSettingNeedsAnExpectToShowInstead() {
        Problems p = new Problems();
        PrimitiveReader.read(yaml("file: { path: /etc/fstab, matches: '^\\S+ /var/www/html nfs' }"), p);
        assertTrue(p.sorted().toString().contains("needs 'expect'"), p.sorted().toString());
        Problems ok = new Problems();
        PrimitiveReader.read(yaml("file: { path: /etc/fstab, matches: '^\\S+ /var/www/html nfs',"
                + " expect: 'SERVER:/opt/wwwroot /var/www/html nfs defaults 0 0' }"), ok);
        assertTrue(ok.isEmpty(), ok.sorted().toString());
    }

    @Test
    void nfsMountMissingFromFstabAndAKernelWithoutNfsd() {
        Probe fstab = Probe.of(Probe.Kind.FILE, "/etc/fstab");
        String entry = "10.9.0.31:/opt/wwwroot /var/www/html nfs defaults,_netdev 0 0\n";
        Verdict v = Evaluator.evaluate(bind("nfs-share", "mounted-at-boot"), round(
                new Host("web01").put(fstab,
                        new FileContent("/etc/fstab", true, true, "UUID=1 / ext4 defaults 0 1\n", false)),
                new Host("web02").put(fstab,
                        new FileContent("/etc/fstab", true, true, "UUID=1 / ext4 defaults 0 1\n" + entry, false))));
        assertEquals(Status.FAIL, v.status());
        assertEquals("no-entry", v.on("web01").orElseThrow().cause());
        assertTrue(v.on("web01").get().hint().orElseThrow().en().contains("a reboot the web directory is empty"),
                v.on("web01").get().hint().get().en());
        assertEquals(Status.PASS, v.on("web02").orElseThrow().status());

        Verdict nfsd = Evaluator.evaluate(bind("nfs-share", "exported"),
                round(new Host("nfs-server").put(Probe.of(Probe.Kind.EXPORTS),
                        new NfsExports(true, Optional.empty(), false, List.of(), List.of()))));
        assertEquals(Status.ERROR, nfsd.status());
        assertEquals("nfsd-unavailable", nfsd.cause());
    }

    @Test
    void firewalldBootStateUnknownIsAnError() {
        Verdict v = Evaluator.evaluate(bind("lvs-prepare", "firewalld-disabled-all"),
                round(new Host("web01").put(Probe.of(Probe.Kind.UNIT, "firewalld"), new UnitState("firewalld",
                        "unknown", "inactive", "dead", "unknown", "pid",
                        "systemctl show: System has not been booted with systemd as init system (PID 1). Can't operate.; systemctl is not installed"))));
        assertEquals(Status.ERROR, v.on("web01").orElseThrow().status());
        assertEquals("enabled-unknown", v.on("web01").get().cause());
    }
}
