package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeCommands;
import dev.labtutor.check.probe.ProbeOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * UNIT for a loaded unit whose {@code UnitFileState=} is empty: systemd 219 (CentOS 7) for a unit generated from a SysV
 * init script, and older systemd for any unit it cannot tell (published in puppetlabs/puppet#4770). Empty there does
 * not mean disabled: the probe asks {@code systemctl is-enabled}, which on CentOS 7 redirects to chkconfig.
 */
class UnitSysvTest {

    @TempDir
    Path tmp;

    /**
     * The UNIT fragment against a stand-in {@code systemctl} first on PATH: {@code show} answers the published
     * LoadState/UnitFileState lines plus ActiveState/SubState, {@code is-enabled} answers {@code isEnabled} (stdout)
     * and {@code isEnabledErr} (stderr) with exit status {@code rc}.
     */
    private ProbeOutput run(String isEnabled, String isEnabledErr, int rc) throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Files.writeString(tmp.resolve("show.out"), "ActiveState=active\nSubState=exited\n"
                + Fixtures.text("systemctl/public-show-sysv-empty-unitfilestate.out"));
        Files.writeString(tmp.resolve("is-enabled.out"), isEnabled);
        Files.writeString(tmp.resolve("is-enabled.err"), isEnabledErr);
        Path stub = bin.resolve("systemctl");
        Files.writeString(stub, "#!/bin/sh\nd=" + tmp + "\ncase \"$1\" in show) cat $d/show.out ;; "
                + "is-enabled) cat $d/is-enabled.out; cat $d/is-enabled.err >&2; exit " + rc + " ;; esac\n");
        Files.setPosixFilePermissions(stub, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", ProbeCommands.shell(Probe.of(Probe.Kind.UNIT, "network")));
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new ProbeOutput(out, err, p.waitFor(), false, false);
    }

    private static UnitState parse(ProbeOutput out) {
        return assertInstanceOf(UnitState.class, FactParsers.parse(Probe.of(Probe.Kind.UNIT, "network"), out));
    }

    @Test
    void centos7SysvServiceIsAskedOfChkconfigThroughIsEnabled() throws Exception {
        UnitState u = parse(run(Fixtures.text("systemctl/public-is-enabled-sysv-centos7.out"), "", 0));
        assertEquals("enabled", u.unitFileState());
        assertTrue(u.enabled());
        assertEquals("", u.why());
    }

    @Test
    void anUnanswerableFileStateIsUnknownNotDisabled() throws Exception {
        UnitState u = parse(run("", Fixtures.text("systemctl/public-is-enabled-sysv-debian8.err"), 1));
        assertFalse(u.enabledKnown());
        assertTrue(u.why().contains("systemctl show gave no UnitFileState"), u.why());
        assertTrue(u.why().contains("Failed to get unit file state for networking.service"), u.why());
    }

    @Test
    void notFoundUnitsKeepTheirEmptyFileStateAndAskNothingMore() {
        ProbeOutput notFound =
                Fixtures.ok("LoadState=not-found\nActiveState=inactive\nSubState=dead\nUnitFileState=\n");
        UnitState u = parse(notFound);
        assertFalse(u.exists());
        assertEquals("", u.unitFileState());
        assertTrue(u.enabledKnown());
    }
}
