package dev.labtutor.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeepalivedParserTest {

    private static ParseResult parse(String text) {
        return KeepalivedParser.parse(new Source("/etc/keepalived/keepalived.conf", text), IncludeResolver.none(),
                ParseOptions.defaults());
    }

    private static List<String> codes(ParseResult r) {
        return r.diagnostics().stream().map(d -> d.line() + ":" + d.code()).toList();
    }

    private static final String BASIC = """
            vrrp_instance VI_1 {
                state %s
                interface ens33
                virtual_router_id 51
                %s
                virtual_ipaddress {
                    192.168.100.100/24 dev ens33 label ens33:0
                }
            }
            """;

    @Test
    void defaultsFollowKeepalived() {
        ParseResult r = parse(BASIC.formatted("MASTER", ""));
        VrrpInstance i = r.config().instance("VI_1").orElseThrow();
        assertEquals(VrrpState.MASTER, i.state());
        assertEquals(255, i.priority(), "unset priority of a MASTER is 255 (keepalived -d shows it)");
        assertEquals(1.0, i.advertInt());
        assertEquals(List.of(new Vip("192.168.100.100", 24, "ens33", "ens33:0", "/etc/keepalived/keepalived.conf", 7)),
                i.vips());
        assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
        assertEquals(100, parse(BASIC.formatted("BACKUP", "")).config().vrrpInstances().get(0).priority());
    }

    @Test
    void lowercaseStateSilentlyBecomesBackup() {
        ParseResult r = parse(BASIC.formatted("master", "priority 100"));
        VrrpInstance i = r.config().vrrpInstances().get(0);
        assertEquals(VrrpState.BACKUP, i.state());
        assertEquals(Optional.of("master"), i.stateWritten());
        Diagnostic d = r.withCode("state-unknown").get(0);
        assertEquals(2, d.line());
        assertEquals(Severity.ERROR, d.severity());
        assertTrue(d.text().zh().contains("MASTER") && d.text().en().contains("write MASTER"), d.text().en());
    }

    @Test
    void invalidPriorityUsesDefault100EvenForMaster() {
        ParseResult r = parse(BASIC.formatted("MASTER", "priority 256"));
        assertEquals(100, r.config().vrrpInstances().get(0).priority());
        assertEquals(List.of("5:priority-range"), codes(r));
    }

    @Test
    void authPassIsTruncatedToEightCharacters() {
        ParseResult r = parse("""
                vrrp_instance VI_1 {
                    interface ens33
                    virtual_router_id 51
                    authentication {
                        auth_type pass
                        auth_pass 1234567890
                    }
                    virtual_ipaddress { 10.0.0.1/24 }
                }
                """);
        VrrpInstance i = r.config().vrrpInstances().get(0);
        assertEquals(Optional.of("12345678"), i.authPass());
        assertEquals(Optional.of("1234567890"), i.authPassWritten());
        assertEquals(Optional.empty(), i.authType());
        assertEquals(List.of("5:auth-type-unknown", "6:auth-pass-truncated"), codes(r));
    }

    @Test
    void unknownBlockClosesItsParentEarly() {
        ParseResult r = parse("""
                vrrp_instance VI_1 {
                    state BACKUP
                    interface ens33
                    virtual_ipadress {
                        192.168.100.100/24
                    }
                    virtual_router_id 51
                }
                """);
        assertEquals(List.of("4:unknown-keyword", "4:unexpected-brace", "5:unknown-keyword", "7:unknown-keyword",
                "8:unknown-keyword", "1:vrid-missing", "1:no-vip"), codes(r));
    }

    @Test
    void keywordsAreCaseSensitive() {
        ParseResult r = parse("VRRP_INSTANCE VI_1 {\n state BACKUP\n}\n");
        assertTrue(r.withCode("unknown-keyword").get(0).text().en().contains("write vrrp_instance"));
        assertTrue(r.config().vrrpInstances().isEmpty());
    }

    @Test
    void bracesCommentsAndQuotesOnOneLine() {
        ParseResult r = parse("""
                global_defs { router_id "LAB # ROUTER" }   ! trailing
                vrrp_instance VI_1 {  # comment
                    state BACKUP ; interface ens33
                    virtual_router_id 7
                    virtual_ipaddress { 10.0.0.1/24 10.0.0.9 }
                }
                """);
        assertEquals(Optional.of("LAB # ROUTER"), r.config().globalDefs().routerId());
        VrrpInstance i = r.config().vrrpInstances().get(0);
        assertEquals(List.of("10.0.0.1/24"), i.vipCidrs());
        assertEquals(7, i.virtualRouterId().getAsInt());
    }

    @Test
    void definitionsConditionalsAndSequences() {
        String text = """
                $IF=ens33
                @nodeA $PRIO=100
                @nodeB $PRIO=90
                vrrp_instance VI_1 {
                    @nodeA state MASTER
                    @^nodeA state BACKUP
                    interface $IF
                    virtual_router_id 51
                    priority ${PRIO}
                    virtual_ipaddress { 192.168.1.1/24 }
                    virtual_ipaddress_excluded {
                ~SEQ(N, 101, 103) 192.168.1.${N}/24
                    }
                    notify_master "$UNDEFINED x"
                }
                """;
        ParseResult b = KeepalivedParser.parse(new Source("k.conf", text), IncludeResolver.none(),
                ParseOptions.defaults().withConfigId("nodeB"));
        VrrpInstance i = b.config().vrrpInstances().get(0);
        assertEquals(VrrpState.BACKUP, i.state());
        assertEquals(90, i.priority());
        assertEquals(Optional.of("ens33"), i.interfaceName());
        assertEquals(List.of("192.168.1.101/24", "192.168.1.102/24", "192.168.1.103/24"),
                i.excludedVips().stream().map(Vip::cidr).toList());
        assertEquals("$UNDEFINED x", i.notifyScripts().get("notify_master"));
        ParseResult a = KeepalivedParser.parse(new Source("k.conf", text), IncludeResolver.none(),
                ParseOptions.defaults().withConfigId("nodeA"));
        assertEquals(VrrpState.MASTER, a.config().vrrpInstances().get(0).state());
        assertEquals(100, a.config().vrrpInstances().get(0).priority());
        ParseResult none = parse(text);
        assertTrue(none.withCode("invalid-number").stream().anyMatch(d -> d.line() == 9), () -> codes(none).toString());
    }

    @Test
    void lstGeneratesOneLinePerValueSet() {
        ParseResult r = parse("""
                ~LST({NAME, IF}, {VI_1, eth1}, {VI_2, eth2}) vrrp_instance $NAME { interface $IF }
                """);
        assertEquals(List.of("VI_1", "VI_2"), r.config().vrrpInstances().stream().map(VrrpInstance::name).toList(),
                () -> codes(r).toString());
        assertEquals(Optional.of("eth2"), r.config().vrrpInstances().get(1).interfaceName());
    }

    @Test
    void includeGlobsAreRelativeToTheIncludingFileAndSorted() {
        IncludeResolver files = IncludeResolver.fromFiles(Map.of("/etc/keepalived/conf.d/b.conf",
                "virtual_server 10.0.0.1 443 {\n real_server 10.0.0.3 443 {\n }\n}\n", "/etc/keepalived/conf.d/a.conf",
                "virtual_server 10.0.0.1 80 {\n lb_kind dr\n real_server 10.0.0.2 80 {\n weight 3\n TCP_CHECK {\n connect_port 80\n }\n }\n}\n",
                "/etc/keepalived/conf.d/.hidden.conf", "bogus\n"));
        ParseResult r = KeepalivedParser.parse(
                new Source("/etc/keepalived/keepalived.conf", "include conf.d/*.conf\ninclude missing/*.conf\n"), files,
                ParseOptions.defaults());
        List<VirtualServer> vs = r.config().virtualServers();
        assertEquals(List.of("10.0.0.1:80/TCP", "10.0.0.1:443/TCP"), vs.stream().map(VirtualServer::key).toList());
        assertEquals("NAT", vs.get(0).lbKind());
        assertEquals("wlc", vs.get(0).lbAlgo());
        assertEquals(3, vs.get(0).realServers().get(0).weight());
        assertEquals(80, vs.get(0).realServers().get(0).checks().get(0).connectPort().getAsInt());
        Diagnostic kind = r.withCode("lb-kind-unknown").get(0);
        assertEquals("/etc/keepalived/conf.d/a.conf", kind.file());
        assertEquals(2, kind.line());
        Diagnostic missing = r.withCode("include-missing").get(0);
        assertEquals(Severity.WARNING, missing.severity(), "plain include of a missing file: keepalived exits 0");
    }

    @Test
    void extraAndMissingBraces() {
        assertEquals(List.of("3:extra-brace", "3:unknown-keyword"),
                codes(parse("global_defs {\n}\n}\n")).subList(0, 2));
        ParseResult r = parse(
                "vrrp_instance VI_1 {\n interface ens33\n virtual_router_id 3\n virtual_ipaddress {\n 10.1.1.1\n }\n");
        assertTrue(codes(r).contains("1:missing-brace"), () -> codes(r).toString());
    }

    @Test
    void strictModeChecks() {
        ParseResult r = parse("global_defs {\n vrrp_strict\n}\n" + BASIC.formatted("MASTER", "priority 100")
                + "vrrp_instance VI_2 {\n state BACKUP\n interface ens33\n virtual_router_id 52\n priority 50\n accept\n"
                + " authentication {\n auth_type PASS\n auth_pass 1111\n }\n virtual_ipaddress {\n 10.0.0.2\n }\n}\n");
        assertEquals(List.of("4:strict-master-owner", "4:strict-no-accept", "13:strict-auth"), codes(r));
        assertEquals(VrrpState.BACKUP, r.config().instance("VI_1").orElseThrow().state());
        assertEquals(Optional.empty(), r.config().instance("VI_2").orElseThrow().authPass());
    }

    @Test
    void caseErrorsAreSaidToBeLoggedAndStrictModeToDropAllTrafficToTheVip() {
        ParseResult state = parse(BASIC.formatted("master", "priority 100"));
        String en = state.withCode("state-unknown").get(0).text().en();
        assertTrue(en.contains("defaulting to BACKUP: keepalived logs this") && !en.contains("silently"), en);
        assertFalse(state.withCode("state-unknown").get(0).text().zh().contains("悄悄"));
        ParseResult strict = parse("global_defs {\n vrrp_strict\n}\n" + BASIC.formatted("BACKUP", "priority 90"));
        String drop = strict.withCode("strict-no-accept").get(0).text().en();
        assertTrue(drop.contains("drops all traffic to the VIP, ping included"), drop);
    }

    @Test
    void interfacesCheckedOnlyWhenKnown() {
        String text = BASIC.formatted("BACKUP", "priority 90");
        assertFalse(parse(text).hasErrors());
        ParseResult r = KeepalivedParser.parse(new Source("k", text), IncludeResolver.none(),
                ParseOptions.defaults().withHostInterfaces(Set.of("lo", "eth0")));
        assertEquals(List.of("3:interface-missing", "7:interface-missing"), codes(r));
    }

    @Test
    void masterNotHighestInFileIsATutorWarning() {
        ParseResult r = parse(BASIC.formatted("MASTER", "priority 90") + BASIC.formatted("BACKUP", "priority 100")
                .replace("VI_1", "VI_2").replace("51", "52").replace(".100/", ".101/"));
        assertEquals(List.of("1:master-not-highest"), codes(r));
        assertEquals(Severity.WARNING, r.diagnostics().get(0).severity());
    }

    @Test
    void virtualServerForms() {
        ParseResult r = parse("""
                virtual_server fwmark 7 {
                    protocol TCP
                    real_server 10.0.0.2 80 {
                        weight -1
                    }
                }
                virtual_server group G1 {
                    lb_algo roundrobin
                    quorum 2
                    sorry_server 10.0.0.9 80
                }
                """);
        List<VirtualServer> vs = r.config().virtualServers();
        assertEquals(VirtualServer.Kind.FWMARK, vs.get(0).kind());
        assertEquals("fwmark 7", vs.get(0).key());
        assertEquals(1, vs.get(0).realServers().get(0).weight());
        assertEquals(2, vs.get(1).quorum().getAsInt());
        assertEquals(Optional.of("10.0.0.9 80"), vs.get(1).sorryServer());
        assertEquals(List.of("4:rs-weight-range", "8:lb-algo-unknown", "2:vs-fwmark-protocol", "7:vs-no-real-server"),
                codes(r));
    }

    @Test
    void longLinesAreCutLikeFgets() {
        String longLine = "router_id " + "x".repeat(1100);
        ParseResult r = parse("global_defs {\n" + longLine + "\n}\n");
        assertTrue(codes(r).contains("2:line-too-long"));
        assertTrue(codes(r).contains("2:unknown-keyword"), () -> codes(r).toString());
        assertEquals(1013, r.config().globalDefs().routerId().orElseThrow().length());
    }

    @Test
    void scriptSecurityAndTracking() {
        String base = """
                vrrp_script chk {
                    script "/usr/bin/pgrep nginx"
                }
                vrrp_instance VI_1 {
                    interface ens33
                    virtual_router_id 51
                    virtual_ipaddress { 10.0.0.1 }
                    track_script {
                        chk
                        nosuch
                    }
                }
                """;
        assertEquals(List.of("10:track-script-unknown", "9:script-security"), codes(parse(base)));
        assertEquals(List.of("10:track-script-unknown"),
                codes(parse("global_defs {\n enable_script_security\n}\n" + base)).stream()
                        .map(c -> c.replaceFirst("^\\d+", String.valueOf(Integer.parseInt(c.split(":")[0]) - 3)))
                        .toList());
    }

    @Test
    void filesystemIncludeFromCorpus() throws Exception {
        Path conf = Corpus.root().resolve("keepalived-lab-configs/configs/grammar-features.conf");
        ParseResult r = KeepalivedParser.parse(new Source(conf.toString(), Files.readString(conf)),
                IncludeResolver.filesystem(), ParseOptions.defaults().withConfigId("nodeB"));
        assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
        VrrpInstance i = r.config().vrrpInstances().get(0);
        assertEquals(90, i.priority());
        assertEquals(Optional.of("LAB ROUTER"), r.config().globalDefs().routerId());
        assertEquals("DR", r.config().virtualServers().get(0).lbKind());
        assertTrue(r.config().virtualServers().get(0).file().endsWith("conf.d/vs.conf"));
    }

    private static final String LVS = """
            virtual_server 10.0.0.100 80 {
                delay_loop 3
                lb_algo rr
                lb_kind DR
                protocol TCP
                real_server 10.0.0.21 80 {
                    weight 1
                    %s
                }
            }
            """;

    @Test
    void tcpCheckTakesOnlyKeepalived2Keywords() {
        ParseResult ok = parse(LVS
                .formatted("TCP_CHECK {\n connect_port 80\n connect_timeout 3\n retry 3\n delay_before_retry 3\n }"));
        assertFalse(ok.hasErrors(), () -> ok.diagnostics().toString());
        HealthCheck c = ok.config().virtualServers().get(0).realServers().get(0).checks().get(0);
        assertEquals("TCP_CHECK", c.type());
        assertEquals(80, c.connectPort().getAsInt());
        assertEquals(3, c.retry().getAsInt());

        ParseResult old = parse(LVS.formatted("TCP_CHECK {\n connect_port 80\n nb_get_retry 3\n }"));
        assertEquals(List.of("10:nb-get-retry"), codes(old),
                "the 1.x keyword is unknown inside TCP_CHECK, on its own line");
        assertTrue(old.withCode("nb-get-retry").get(0).text().en().contains("retry"));
        assertEquals(List.of("10:unknown-keyword"),
                codes(parse(LVS.formatted("TCP_CHECK {\n connect_port 80\n timeout 3\n }"))));
        assertEquals(List.of("9:checker-value-invalid"),
                codes(parse(LVS.formatted("TCP_CHECK {\n connect_port 0\n }"))).stream().distinct().toList());
    }

    @Test
    void httpGetNeedsAUrlWithAPathAndKnowsNbGetRetryAsDeprecated() {
        String http = "HTTP_GET {\n url {\n path /\n status_code 200\n }\n nb_get_retry 3\n }";
        ParseResult r = parse(LVS.formatted(http));
        assertEquals(List.of("13:nb-get-retry-deprecated"), codes(r));
        assertEquals(3, r.config().virtualServers().get(0).realServers().get(0).checks().get(0).retry().getAsInt(),
                "keepalived still uses the value");
        ParseResult noPath = parse(LVS.formatted("HTTP_GET {\n url {\n status_code 200\n }\n }"));
        assertEquals(List.of("9:http-url-no-path", "12:http-no-url"), codes(noPath));
        assertTrue(noPath.config().virtualServers().get(0).realServers().get(0).checks().isEmpty(),
                "keepalived drops the checker");
        assertEquals(List.of("11:checker-value-invalid"),
                codes(parse(LVS.formatted("SSL_GET {\n url {\n path /\n digest 0123\n }\n }"))));
        assertEquals(List.of("11:unknown-keyword"),
                codes(parse(LVS.formatted("HTTP_GET {\n url {\n path /\n status 200\n }\n }"))));
    }

    @Test
    void miscCheckHasNoConnectionKeywordsAndNeedsAScript() {
        String secure = "global_defs {\n enable_script_security\n script_user root\n}\n";
        ParseResult r = parse(
                secure + LVS.formatted("MISC_CHECK {\n misc_path \"/usr/bin/test -e /\"\n connect_timeout 3\n }"));
        assertEquals(List.of("14:unknown-keyword"), codes(r));
        ParseResult noPath = parse(secure + LVS.formatted("MISC_CHECK {\n misc_timeout 3\n }"));
        assertEquals(List.of("14:misc-no-path"), codes(noPath));
        ParseResult insecure = parse(LVS.formatted("MISC_CHECK {\n misc_path /usr/bin/true\n }"));
        assertEquals(List.of("9:script-security"), codes(insecure));
        assertEquals(Severity.ERROR, insecure.diagnostics().get(0).severity());
    }

    @Test
    void fractionalAdvertIntIsAnErrorUnderVrrpVersion2Only() {
        ParseResult v2 = parse(BASIC.formatted("MASTER", "advert_int 1.5"));
        assertEquals(List.of("5:advert-int-not-integer"), codes(v2));
        assertEquals(2.0, v2.config().vrrpInstances().get(0).advertInt(), "keepalived rounds to whole seconds");
        assertEquals(2, v2.config().vrrpInstances().get(0).version());
        ParseResult v3 = parse(BASIC.formatted("MASTER", "advert_int 1.5\n version 3"));
        assertFalse(v3.hasErrors(), () -> v3.diagnostics().toString());
        assertEquals(1.5, v3.config().vrrpInstances().get(0).advertInt());
        ParseResult global = parse("global_defs {\n vrrp_version 3\n}\n" + BASIC.formatted("MASTER", "advert_int 0.5"));
        assertFalse(global.hasErrors(), () -> global.diagnostics().toString());
        assertEquals(3, global.config().vrrpInstances().get(0).version());
        assertFalse(parse(BASIC.formatted("MASTER", "advert_int 2.0")).hasErrors());
    }
}
