package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.labtutor.check.probe.LocalSh;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.Probe.Kind;
import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.check.probe.ProbeScript;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole path on this machine: ProbeCommands fragments inside a ProbeScript, run by the local {@code sh -s} (inside a
 * throwaway network namespace for addresses and sysctls), parsed back and turned into facts.
 */
class ProbeToFactTest {

    @TempDir
    Path tmp;

    private static Map<Probe, Fact> runLocally(List<Probe> probes, String... prefix) throws Exception {
        ProbeScript script = ProbeScript.build(probes, Duration.ofSeconds(10));
        Map<Probe, ProbeOutput> outs = script.parse(LocalSh.run(script.text(), prefix));
        Map<Probe, Fact> facts = new LinkedHashMap<>();
        outs.forEach((p, o) -> facts.put(p, FactParsers.parse(p, o)));
        return facts;
    }

    @Test
    void keepalivedConfigWithOneLevelOfIncludes() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("keepalived"));
        Files.createDirectories(dir.resolve("conf.d"));
        Files.writeString(dir.resolve("conf.d/b.conf"), "virtual_server 10.0.0.100 80 {\n}\n");
        Files.writeString(dir.resolve("conf.d/a.conf"), "# a\ninclude nested/*.conf\n");
        Files.writeString(dir.resolve("conf.d/skip.txt"), "not matched\n");
        Files.writeString(tmp.resolve("abs.conf"), "no trailing newline");
        Path main = dir.resolve("keepalived.conf");
        String mainText = "global_defs {\n}\n  include conf.d/*.conf # two files\ninclude \"" + tmp.resolve("abs.conf")
                + "\"\ninclude missing/*.conf\n#include commented.conf\n";
        Files.writeString(main, mainText);
        Probe cfg = Probe.of(Kind.KEEPALIVED_CONFIG, main.toString());
        Probe none = Probe.of(Kind.KEEPALIVED_CONFIG, tmp.resolve("absent.conf").toString());

        Map<Probe, Fact> facts = runLocally(List.of(cfg, none));

        ConfigFiles files = (ConfigFiles) facts.get(cfg);
        assertTrue(files.mainExists());
        assertEquals(
                List.of(main.toString(), dir.resolve("conf.d/a.conf").toString(),
                        dir.resolve("conf.d/b.conf").toString(), tmp.resolve("abs.conf").toString()),
                List.copyOf(files.files().keySet()));
        assertEquals(mainText, files.files().get(main.toString()));
        assertEquals("no trailing newline", files.files().get(tmp.resolve("abs.conf").toString()));
        assertEquals(List.of("missing/*.conf"), files.unmatchedIncludes(), "nested includes are not followed");
        assertEquals(new ConfigFiles(tmp.resolve("absent.conf").toString(), false, Map.of(), List.of()),
                facts.get(none));
    }

    @Test
    void fileAndCommandAndLocalTools() throws Exception {
        Path f = tmp.resolve("rs.html");
        Files.writeString(f, "RS1 \u4e2d\u6587\n");
        Probe file = Probe.of(Kind.FILE, f.toString());
        Probe cmd = Probe.of(Kind.COMMAND, "printf '%s' \"$LC_ALL\"; exit 4");
        Probe ipvs = Probe.of(Kind.IPVS);

        Map<Probe, Fact> facts = runLocally(List.of(file, cmd, ipvs));

        assertEquals(new FileContent(f.toString(), true, true, "RS1 \u4e2d\u6587\n", false), facts.get(file));
        assertEquals(new CommandOutput(4, "C", ""), facts.get(cmd));
        assertTrue(facts.get(ipvs) instanceof IpvsTable, facts.get(ipvs).toString());
    }

    @Test
    void httpAgainstALoopbackServer() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger hits = new AtomicInteger();
        server.createContext("/", ex -> {
            byte[] body = ("RS" + (hits.incrementAndGet() % 2 + 1) + "\n").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
        try {
            assumeTrue(LocalSh.status("sh", "-c", "command -v curl") == 0 || isCi(), "curl is not installed");
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Probe http = Probe.of(Kind.HTTP, url, "4");

            HttpResults r = (HttpResults) runLocally(List.of(http)).get(http);

            assertEquals(List.of("RS2\n", "RS1\n", "RS2\n", "RS1\n"),
                    r.responses().stream().map(HttpResults.Response::body).toList());
            assertTrue(r.responses().stream().allMatch(x -> x.status() == 200 && x.error().isEmpty()));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void packageQueryWithTheLocalPackageManager() throws Exception {
        boolean dpkg = LocalSh.status("sh", "-c", "command -v dpkg-query && ! command -v rpm") == 0;
        assumeTrue(dpkg || isCi(), "needs dpkg-query without rpm");
        Probe sh = Probe.of(Kind.PACKAGE, "dash");
        Probe none = Probe.of(Kind.PACKAGE, "labtutor-no-such-package");
        Map<Probe, Fact> facts = runLocally(List.of(sh, none));
        PackageState dash = (PackageState) facts.get(sh);
        assertTrue(dash.installed());
        assertEquals("dpkg", dash.via());
        assertFalse(dash.version().isEmpty());
        assertEquals(new PackageState("labtutor-no-such-package", false, "", "dpkg"), facts.get(none));
    }

    @Test
    void addressesAndSysctlsInsideAThrowawayNamespace() throws Exception {
        String ns = "ltfacts" + ProcessHandle.current().pid();
        if (LocalSh.status("ip", "netns", "add", ns) != 0) {
            if (isCi()) {
                fail("CI=true but cannot create a network namespace (need root and iproute2)");
            }
            assumeTrue(false, "cannot create a network namespace here");
        }
        try {
            sh("ip -n " + ns + " link set lo up");
            sh("ip -n " + ns + " link add ltfa type veth peer name ltfb");
            sh("ip -n " + ns + " link set ltfa name ens33");
            sh("ip -n " + ns + " link set ens33 up");
            sh("ip -n " + ns + " addr add 10.89.0.21/24 dev ens33");
            sh("ip -n " + ns + " addr add 10.89.0.100/32 dev ens33 label ens33:0");
            sh("ip -n " + ns + " addr add 10.89.0.22/24 dev ltfb");
            sh("ip -n " + ns + " link add ltfc.100 type veth peer name ltfd");
            sh("ip netns exec " + ns
                    + " sysctl -q -w net.ipv4.conf.all.arp_ignore=1 net.ipv4.conf.ens33.arp_announce=2");
            Probe addrs = Probe.of(Kind.ADDRESSES);
            Probe conf = Probe.of(Kind.SYSCTL, "net.ipv4.conf");
            Probe fwd = Probe.of(Kind.SYSCTL, "net.ipv4.ip_forward");

            Map<Probe, Fact> facts = runLocally(List.of(addrs, conf, fwd), "ip", "netns", "exec", ns);

            Addresses a = (Addresses) facts.get(addrs);
            assertEquals("ens33", a.holder("10.89.0.100").orElseThrow().name());
            assertTrue(a.iface("ens33").orElseThrow().addresses()
                    .contains(new Addresses.Inet("10.89.0.100", 32, "ens33:0")));
            assertTrue(a.iface("ens33").orElseThrow().up());
            assertFalse(a.iface("ltfb").orElseThrow().up());
            Sysctls s = (Sysctls) facts.get(conf);
            assertEquals(java.util.Optional.of(1), s.effectiveMax("arp_ignore", "ens33"));
            assertEquals(java.util.Optional.of(2), s.effectiveMax("arp_announce", "ens33"));
            assertTrue(s.values().keySet().stream().allMatch(k -> k.startsWith("net.ipv4.conf.")));
            assertEquals(Map.of("net.ipv4.ip_forward", "0"), ((Sysctls) facts.get(fwd)).values());
            assertEquals(java.util.Optional.of(1), s.effectiveMax("arp_ignore", "ltfc/100"));

            // The probe asks sysctl for the prefix alone; it must print exactly the lines that
            // sysctl -a filtered by the anchored prefix printed (order, keys with '/', values),
            // and exit 1 with nothing when no key matches.
            for (String prefix : List.of("net.ipv4.conf", "net.ipv4.conf.ltfc/100", "net.ipv4.conf.ens33.arp_announce",
                    "net.ipv4.neigh", "net.ipv6.conf", "net.ipv4.ip_forward", "net.ipv4.no_such",
                    "net.ipv4.ip_forwar")) {
                Probe probe = Probe.of(Kind.SYSCTL, prefix);
                ProbeScript script = ProbeScript.build(List.of(probe), Duration.ofSeconds(10));
                ProbeOutput got = script.parse(LocalSh.run(script.text(), "ip", "netns", "exec", ns)).get(probe);
                String ere = "^" + prefix.replace(".", "\\.") + "( |\\.)";
                String want = LocalSh.run("LC_ALL=C sysctl -a 2>/dev/null | grep -E '" + ere + "'; exit 0", "ip",
                        "netns", "exec", ns);
                assertEquals(want, got.stdout(), prefix);
                assertEquals(want.isEmpty() ? 1 : 0, got.exitCode(), prefix);
                assertEquals("", got.stderr(), prefix);
            }
        } finally {
            LocalSh.status("ip", "netns", "del", ns);
        }
    }

    private static void sh(String command) throws Exception {
        assertEquals(0, LocalSh.status("sh", "-c", command), command);
    }

    private static boolean isCi() {
        return "true".equals(System.getenv("CI"));
    }
}
