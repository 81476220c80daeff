package dev.labtutor.sandbox;

import static dev.labtutor.sandbox.RootLab.eventually;
import static dev.labtutor.sandbox.RootLab.okSsh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.lab.ExecResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Five hosts up in seconds, HTTP behind firewalld, and down leaving nothing behind (also after a "crash"). */
class SandboxLifecycleTest {

    @BeforeEach
    void root() {
        RootLab.requireRoot();
    }

    @Test
    void fiveHostsComeUpServeHttpAndGoDownWithoutATrace() throws Exception {
        SandboxSpec spec = RootLab.uniqueSpec(List.of(SandboxRole.values()));
        StringWriter out = new StringWriter();
        Sandbox sandbox = Sandbox.up(spec, new PrintWriter(out));
        List<Long> pids = new ArrayList<>();
        try {
            System.out.println("5-host sandbox up in " + sandbox.startupTime().toMillis() + " ms");
            System.out.println(out);
            assertTrue(out.toString().contains("subnet " + spec.subnet() + ", VIP " + spec.vip() + ", interface eth1"),
                    out.toString());
            assertTrue(sandbox.startupTime().compareTo(Duration.ofSeconds(10)) < 0, "took " + sandbox.startupTime());
            for (SandboxRole role : SandboxRole.values()) {
                assertEquals(role.id() + "\n", okSsh(sandbox, role, "hostname").stdout());
            }
            String lab = Files.readString(sandbox.labFile());
            assertTrue(lab.contains("  nfs-server: { address: " + spec.subnetPrefix() + ".31, port: 22, user: root,"),
                    lab);
            assertEquals(5, Files.readAllLines(sandbox.knownHosts()).size());

            okSsh(sandbox, SandboxRole.WEB01,
                    "dnf install -y httpd && echo web01 > /var/www/html/index.html" + " && systemctl start httpd");
            String url = "http://" + sandbox.host(SandboxRole.WEB01).address() + "/";
            ExecResult blocked = LocalCommand.run(List.of("curl", "-s", "-m", "3", url), Duration.ofSeconds(10), null);
            assertNotEquals(0, blocked.exitStatus(), "firewalld should reject HTTP: " + blocked.stdout());
            okSsh(sandbox, SandboxRole.WEB01, "systemctl stop firewalld");
            ExecResult served = LocalCommand.run(List.of("curl", "-s", "-m", "3", url), Duration.ofSeconds(10), null);
            assertEquals("web01\n", served.stdout());
            assertEquals("web01\n", okSsh(sandbox, SandboxRole.LB01, "curl -s -m 3 " + url).stdout());

            for (SandboxRole role : SandboxRole.values()) {
                LocalCommand.run("ip", "netns", "pids", spec.hostNamespace(role)).stdout().lines().map(Long::parseLong)
                        .forEach(pids::add);
            }
            pids.addAll(sandbox.anchorPids().values());
            assertTrue(pids.size() >= 10, "anchors, sshds and httpd: " + pids);
        } finally {
            sandbox.down();
        }
        assertNothingLeft(spec, pids);
        sandbox.down();
        assertFalse(Sandbox.down(spec.stateDir()), "a second down finds nothing to do");
        Files.delete(spec.stateRoot());
    }

    @Test
    void downByNameCleansUpAfterACrashedProcess() throws Exception {
        SandboxSpec spec = RootLab.uniqueSpec(List.of(SandboxRole.LB01, SandboxRole.WEB01));
        Sandbox lost = Sandbox.up(spec);
        okSsh(lost, SandboxRole.LB01, "dnf install -y keepalived >/dev/null");
        List<Long> pids = new ArrayList<>(lost.anchorPids().values());
        lost = null;

        SandboxException again = assertThrows(SandboxException.class, () -> Sandbox.up(spec));
        assertTrue(again.getMessage().contains("already up"), again.getMessage());

        assertTrue(Sandbox.down(spec.stateDir()));
        assertNothingLeft(spec, pids);
        Files.delete(spec.stateRoot());
    }

    @Test
    void upReplacesTheLeftoversOfADeadSandboxWithTheSameName() throws Exception {
        SandboxSpec spec = RootLab.uniqueSpec(List.of(SandboxRole.LB01));
        Sandbox first = Sandbox.up(spec);
        List<Long> pids = new ArrayList<>(first.anchorPids().values());
        pids.forEach(p -> ProcessHandle.of(p).ifPresent(ProcessHandle::destroyForcibly));
        assertTrue(
                eventually(Duration.ofSeconds(5), () -> pids.stream().noneMatch(p -> ProcessHandle.of(p).isPresent())));

        Sandbox second = Sandbox.up(spec);
        try {
            assertEquals("lb01\n", okSsh(second, SandboxRole.LB01, "hostname").stdout());
        } finally {
            RootLab.downAndClean(second);
        }
    }

    private static void assertNothingLeft(SandboxSpec spec, Collection<Long> pids) throws Exception {
        String prefix = "lt-" + spec.name();
        String netns = LocalCommand.run("ip", "netns", "list").stdout();
        assertFalse(netns.contains(prefix), netns);
        String links = LocalCommand.run("ip", "link").stdout();
        assertFalse(links.contains(prefix), links);
        String mounts = Files.readString(Path.of("/proc/mounts"));
        assertFalse(mounts.contains(prefix) || mounts.contains(spec.stateDir().toString()), mounts);
        String addrs = LocalCommand.run("ip", "-4", "-o", "addr").stdout();
        assertFalse(addrs.contains(spec.subnetPrefix() + "."), addrs);
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " still runs");
        }
        assertFalse(Files.exists(spec.stateDir()), "state dir removed");
    }
}
