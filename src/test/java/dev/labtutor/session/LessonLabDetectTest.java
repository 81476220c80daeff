package dev.labtutor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.Prober;
import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.course.Course;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Family;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.LocalSh;
import dev.labtutor.lab.RemoteShell;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The first round on the hosts asks their distribution with their addresses: here lb01 is this machine (its scripts run
 * with {@code sh -s}, a Debian 12), lb02 does not answer.
 */
class LessonLabDetectTest {

    private final Map<String, AtomicInteger> rounds = new ConcurrentHashMap<>();

    private LabFile lab() {
        Map<String, HostSpec> hosts = new LinkedHashMap<>();
        hosts.put("lb01", new HostSpec("lb01", "127.0.0.1", 22, "root", Optional.empty(), Optional.empty(), false));
        hosts.put("lb02", new HostSpec("lb02", "10.9.0.12", 22, "root", Optional.empty(), Optional.empty(), false));
        return new LabFile(Path.of("/tmp/lab.yaml"), Map.of(), hosts, Map.of(), Map.of(), Optional.empty());
    }

    /** lb01 runs each script on this machine; lb02 refuses the connection. */
    private RemoteShell shell(HostSpec host) throws HostException {
        if (host.role().equals("lb02")) {
            throw new HostException(HostException.Kind.CONNECT_FAILED, "lb02", Text.of("连接被拒绝", "connection refused"));
        }
        return LocalSh.of(host, out -> {
            rounds.computeIfAbsent(host.role(), r -> new AtomicInteger()).incrementAndGet();
            return out;
        });
    }

    private LessonLab lessonLab() {
        Prober.ShellSource shells = this::shell;
        Prober prober = new Prober(shells, p -> new ProbeBroken(p.describe(), "no local probes here"),
                Duration.ofSeconds(20), Duration.ofSeconds(30), 4);
        Course c = Fixtures.course();
        return new LessonLab(c,
                CheckCatalog.readStrict(Path.of(System.getProperty("labtutor.root", ".")).resolve("checks")), lab(),
                prober, shells);
    }

    @Test
    void oneRoundFindsEachAnsweringHostsDistributionAndInterface() {
        LessonLab ll = lessonLab();
        HostProfiles found = ll.detectHosts(Set.of("lb01", "lb02"));
        assertEquals(Family.DEBIAN, found.distros().get("lb01").familyOrDefault());
        assertEquals("lo", found.ifaces().get("lb01"));
        assertFalse(found.distros().containsKey("lb02"), "a host that did not answer has no distribution");
        assertEquals(1, rounds.get("lb01").get(), "addresses and OS in one exec");
    }

    @Test
    void aLabSessionAsksEachHostOnceAndAChecksRoundIsItsOwn() {
        LessonLab ll = lessonLab();
        HostProfiles first = ll.profiles(Set.of("lb01", "lb02"));
        assertEquals("debian", first.distros().get("lb01").id());
        ll.profiles(Set.of("lb01", "lb02"));
        assertEquals(1, rounds.get("lb01").get(), "asked once per lab session, not before every check");
        ll.check(Fixtures.course().lesson("install").orElseThrow(), Duration.ZERO);
        assertTrue(rounds.get("lb01").get() >= 2, "the check's own round");
        assertEquals(List.of(), ll.problems(Fixtures.course().lesson("install").orElseThrow()));
    }
}
