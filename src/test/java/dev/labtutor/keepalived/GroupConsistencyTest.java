package dev.labtutor.keepalived;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each mismatch class, on the runtime/ scenario configs whose real daemons' logs (keepalived-lab-configs/runtime/*.log)
 * show the failure the finding predicts.
 */
class GroupConsistencyTest {

    private static KeepalivedConfig runtime(String name) throws Exception {
        Path p = Corpus.root().resolve("keepalived-lab-configs/runtime/" + name);
        return KeepalivedParser
                .parse(new Source(p.toString(), Files.readString(p)), IncludeResolver.none(), ParseOptions.defaults())
                .config();
    }

    private static List<String> codes(List<Finding> f) {
        return f.stream().map(Finding::code).toList();
    }

    private static List<Finding> pair(String a, String b) throws Exception {
        return GroupConsistency.check(Map.of("A", runtime(a), "B", runtime(b)));
    }

    @Test
    void normalPairIsConsistent() throws Exception {
        assertEquals(List.of(), pair("A.conf", "B.conf"));
    }

    @Test
    void vridMismatchIsSplitBrain() throws Exception {
        List<Finding> f = pair("A.conf", "B_vrid52.conf");
        assertEquals(List.of("group-vrid-mismatch"), codes(f));
        Finding x = f.get(0);
        assertEquals("A", x.hostA());
        assertEquals("B", x.hostB());
        assertTrue(x.fileA().endsWith("A.conf") && x.fileB().endsWith("B_vrid52.conf"));
        assertEquals(5, x.lineA());
        assertEquals(Severity.ERROR, x.severity());
    }

    @Test
    void authPassMismatch() throws Exception {
        assertEquals(List.of("group-auth-mismatch"), codes(pair("A.conf", "B_pass2222.conf")));
    }

    @Test
    void authPassDifferingOnlyAfterEighthCharacterIsConsistent() throws Exception {
        assertEquals(List.of(), pair("A_longpass.conf", "B_8pass.conf"));
    }

    @Test
    void advertIntMismatch() throws Exception {
        assertEquals(List.of("group-advert-mismatch"), codes(pair("A.conf", "B_adv2.conf")));
    }

    @Test
    void vipMismatch() throws Exception {
        assertEquals(List.of("group-vip-mismatch"), codes(pair("A.conf", "B_vip101.conf")));
    }

    @Test
    void equalPrioritiesAreAnError() throws Exception {
        List<Finding> f = pair("A.conf", "B_prio100.conf");
        assertEquals(List.of("group-priority-equal"), codes(f));
        assertEquals(Severity.ERROR, f.get(0).severity());
    }

    private static KeepalivedConfig text(String path, String t) {
        return KeepalivedParser.parse(path, t).config();
    }

    private static final String INSTANCE = """
            global_defs {
                router_id %s
            }
            vrrp_instance VI_1 {
                state %s
                interface ens33
                virtual_router_id 51
                priority %d
                virtual_ipaddress {
                    10.0.0.100/24
                }
            }
            """;

    @Test
    void masterMustHaveTheHighestPriorityAndRouterIdsDiffer() {
        List<Finding> f = GroupConsistency.check(Map.of("lb1", text("lb1.conf", INSTANCE.formatted("LB", "MASTER", 90)),
                "lb2", text("lb2.conf", INSTANCE.formatted("LB", "BACKUP", 100))));
        assertEquals(List.of("group-router-id-duplicate", "group-master-not-highest"), codes(f));
        Finding m = f.get(1);
        assertEquals("lb1", m.hostA());
        assertEquals("lb1.conf", m.fileA());
        assertEquals(4, m.lineA());
        assertEquals("lb2.conf", m.fileB());
    }

    @Test
    void directorsNeedEquivalentVirtualServers() throws Exception {
        Path dir = Corpus.root().resolve("keepalived-lab-configs/configs");
        String master = Files.readString(dir.resolve("lvs-dr-master.conf"));
        String backup = Files.readString(dir.resolve("lvs-dr-backup.conf"));
        assertEquals(List.of(), GroupConsistency.check(Map.of("lb1", text("m", master), "lb2", text("b", backup))));
        List<Finding> f = GroupConsistency
                .check(Map.of("lb1", text("m", master), "lb2", text("b", backup.replace("lb_algo rr", "lb_algo wrr")
                        .replace("real_server 192.168.100.12 80", "real_server 192.168.100.13 80"))));
        assertEquals(List.of("group-vs-mismatch"), codes(f));
        assertEquals(21, f.get(0).lineA());
        assertEquals(21, f.get(0).lineB());
        assertTrue(f.get(0).text().en().contains("lb_algo rr/wrr"), f.get(0).text().en());
        List<Finding> missing = GroupConsistency.check(Map.of("lb1", text("m", master), "lb2",
                text("b", backup.replace("192.168.100.100 80 {", "192.168.100.100 8080 {"))));
        assertEquals(List.of("group-vs-mismatch", "group-vs-mismatch"), codes(missing));
    }

    @Test
    void unmatchedInstanceIsReported() {
        List<Finding> f = GroupConsistency.check(Map.of("a", text("a", INSTANCE.formatted("A", "MASTER", 100)), "b",
                text("b", INSTANCE.formatted("B", "BACKUP", 90).replace("VI_1", "VI_9").replace("51", "9"))));
        assertEquals(List.of("group-instance-missing"), codes(f));
    }
}
