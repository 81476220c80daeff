package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.fact.FactParsers;
import dev.labtutor.check.fact.OsRelease;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each sandbox flavour shows its distribution: the OS probe over its os-release and the package managers it has on
 * PATH detects the flavour's family, and its hosts get that family's tools and no other family's.
 */
class SandboxFlavourTest {

    /** What the OS probe prints on a host of this flavour before keepalived is installed. */
    private static Distro detected(SandboxFlavour flavour) {
        Map<String, String> standIns = flavour.standIns();
        String pm = List.of("dnf", "yum", "apt-get").stream().filter(standIns::containsKey).findFirst().orElseThrow();
        String stdout = "labtutor:os-release\n" + HostFiles.osRelease(flavour) + "labtutor:pm\n" + pm
        // the machine's own apt-get is on PATH in every flavour, after the stand-ins
                + (pm.equals("apt-get") ? "" : "\napt-get") + "\nlabtutor:keepalived\n";
        var fact = FactParsers.parse(Probe.of(Probe.Kind.OS), new ProbeOutput(stdout, "", 0, false, false));
        return ((OsRelease) fact).distro();
    }

    @ParameterizedTest
    @EnumSource(SandboxFlavour.class)
    void theOsProbeDetectsEachFlavourAsItsFamily(SandboxFlavour flavour) {
        Distro d = detected(flavour);
        assertEquals(Optional.of(flavour.family()), d.family(), d.toString());
    }

    @Test
    void theDefaultFlavourIsTheDocumentsOpenEuler() {
        Distro d = detected(SandboxFlavour.OPENEULER);
        assertEquals("openEuler", d.id());
        assertEquals("24.03", d.versionId());
        assertEquals("dnf", d.packageManager());
        assertEquals(SandboxFlavour.OPENEULER,
                new SandboxSpec("lab", List.of(SandboxRole.LB01), "10.77.0", "eth1", Path.of("/tmp")).flavour());
        assertEquals(Family.OPENEULER, SandboxFlavour.OPENEULER.family());
    }

    @Test
    void centos7IsYumAndTheOtherRpmFlavoursDnf() {
        assertEquals("yum", detected(SandboxFlavour.CENTOS7).packageManager());
        assertEquals("7", detected(SandboxFlavour.CENTOS7).versionId());
        assertEquals("dnf", detected(SandboxFlavour.ROCKY9).packageManager());
        assertEquals("apt-get", detected(SandboxFlavour.UBUNTU).packageManager());
    }

    @Test
    void eachFlavourHasItsFamilysToolsOnly() {
        Map<String, String> centos = SandboxFlavour.CENTOS7.standIns();
        assertFalse(centos.containsKey("dnf"), "CentOS 7 has no dnf");
        assertEquals("dnf", centos.get("yum"), "CentOS 7's yum is the package stand-in itself, not a link to dnf");
        assertTrue(centos.keySet().containsAll(List.of("ip", "keepalived", "rpm", "firewall-cmd", "getenforce")));
        Map<String, String> ubuntu = SandboxFlavour.UBUNTU.standIns();
        for (String absent : List.of("rpm", "dnf", "yum", "getenforce", "setenforce", "firewall-cmd", "httpd")) {
            assertFalse(ubuntu.containsKey(absent), "Ubuntu has no " + absent);
        }
        assertTrue(ubuntu.keySet().containsAll(List.of("apt-get", "apt", "dpkg-query", "dpkg", "ufw", "systemctl")));
        for (SandboxFlavour f : List.of(SandboxFlavour.OPENEULER, SandboxFlavour.ROCKY9)) {
            assertTrue(f.standIns().keySet().containsAll(List.of("dnf", "yum", "rpm", "firewall-cmd")), f.word());
            assertFalse(f.standIns().containsKey("ip"), f.word() + " keeps the machine's ip (JSON output)");
            assertFalse(f.standIns().containsKey("keepalived"), f.word());
        }
    }

    @Test
    void theFlavourIsKeptInTheSandboxStateAndAnOlderStateIsOpenEuler(@TempDir Path dir) throws Exception {
        SandboxSpec spec = new SandboxSpec("lab", List.of(SandboxRole.LB01), "10.77.0", "eth1", dir)
                .withFlavour(SandboxFlavour.CENTOS7);
        new SandboxState(spec, Map.of(), new KernelChoice(SandboxKernel.MACHINE, Text.of("本机", "machine")), 0, 0)
                .write();
        assertEquals(SandboxFlavour.CENTOS7, SandboxState.read(spec.stateDir()).orElseThrow().spec().flavour());
        Path file = spec.stateDir().resolve(SandboxState.FILE);
        Files.writeString(file, Files.readString(file).replaceAll("(?m)^flavour=.*\n", ""));
        assertEquals(SandboxFlavour.OPENEULER, SandboxState.read(spec.stateDir()).orElseThrow().spec().flavour());
    }

    @Test
    void flavoursAreNamedAsOnTheCommandLine() {
        assertEquals(SandboxFlavour.ROCKY9, SandboxFlavour.parse("Rocky9"));
        assertEquals("centos7", SandboxFlavour.CENTOS7.word());
        assertEquals("CentOS Linux 7 (Core)", SandboxFlavour.CENTOS7.pretty());
        assertEquals("openEuler 24.03 (LTS-SP1)", SandboxFlavour.OPENEULER.pretty());
        assertEquals(SandboxFlavour.UBUNTU, SandboxFlavour.parse(" ubuntu "));
        var e = assertThrows(IllegalArgumentException.class, () -> SandboxFlavour.parse("debian"));
        assertEquals("unknown sandbox flavour 'debian'; choose one of openeuler, rocky9, centos7, ubuntu",
                e.getMessage());
    }
}
