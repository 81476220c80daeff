package dev.labtutor.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.fact.FactParsers;
import dev.labtutor.check.fact.OsRelease;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeCommands;
import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.lab.Distro;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every lesson proven on every sandbox flavour: per flavour one VM sandbox of that flavour (a VM's hosts cannot change
 * distribution in place, and the course needs the VM's IPVS and nfsd), its hosts detected as the flavour's family by
 * the OS probe over SSH, then {@code labtutor dev check --flavour F} on it: all 13 lessons fail before their solution
 * and pass after it, in that family's terms. Needs root, qemu and the VM kernel; fails instead of skipping when
 * CI=true. About five minutes per flavour.
 */
class FlavourProofTest {

    private static final int LESSONS = 13;

    @BeforeAll
    static void gate() {
        System.setProperty("labtutor.home", System.getProperty("labtutor.root", "."));
        RootLab.requireVm();
    }

    @ParameterizedTest
    @EnumSource(SandboxFlavour.class)
    void everyLessonIsProvenOnTheFlavour(SandboxFlavour flavour) throws Exception {
        SandboxSpec spec = RootLab.uniqueVmSpec(List.of(SandboxRole.values())).withFlavour(flavour);
        Sandbox sandbox = Sandbox.up(spec);
        try {
            assertEquals(flavour, Sandbox.open(spec.stateDir()).orElseThrow().spec().flavour());
            for (SandboxRole role : List.of(SandboxRole.LB01, SandboxRole.NFS_SERVER)) {
                var r = RootLab.okSsh(sandbox, role, ProbeCommands.shell(Probe.of(Probe.Kind.OS)));
                var fact = FactParsers.parse(Probe.of(Probe.Kind.OS),
                        new ProbeOutput(r.stdout(), r.stderr(), 0, false, false));
                Distro d = ((OsRelease) fact).distro();
                assertEquals(Optional.of(flavour.family()), d.family(), role + ": " + r.stdout());
            }
            CliRun run = CliRun.of("dev", "check", "--on", spec.name(), "--state-dir", spec.stateRoot().toString(),
                    "--flavour", flavour.word(), "--lang", "en", "--timeout", "180", "--settle", "180");
            System.out.println("[dev check --flavour " + flavour.word() + "]\n" + run.out() + run.err());
            Map<String, String> proofs = run.proofs();
            assertEquals(LESSONS, proofs.size(), run.out() + run.err());
            proofs.forEach((lesson, result) -> assertEquals("PROVEN", result,
                    flavour.word() + " " + lesson + ":\n" + run.out()));
            assertTrue(run.out().contains(LESSONS + " of " + LESSONS + " lesson(s) proven"), run.out());
            assertEquals(0, run.code(), run.out() + run.err());
        } finally {
            RootLab.downAndAssertNothingLeft(spec, sandbox);
        }
    }
}
