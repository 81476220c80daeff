package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import org.junit.jupiter.api.Test;

class PackageParserTest {

    @Test
    void dpkgInstalledAndMissingCapturedHere() {
        assertEquals(new PackageState("keepalived", true, "1:2.2.7-1+b2", "dpkg"), FactParsers
                .parse(Probe.of(Probe.Kind.PACKAGE, "keepalived"), Fixtures.probe("package-dpkg-installed")));
        assertEquals(new PackageState("nginx", false, "", "dpkg"),
                FactParsers.parse(Probe.of(Probe.Kind.PACKAGE, "nginx"), Fixtures.probe("package-dpkg-missing")));
    }

    @Test
    void dpkgRemovedButConfigKeptIsNotInstalled() {
        ProbeOutput out = Fixtures.ok("labtutor:via dpkg\ndeinstall ok config-files 1:2.2.7-1+b2\n");
        assertEquals(new PackageState("keepalived", false, "", "dpkg"),
                FactParsers.parse(Probe.of(Probe.Kind.PACKAGE, "keepalived"), out));
    }

    @Test
    void rpmOutputsFromPublicSources() {
        ProbeOutput installed = Fixtures.ok("labtutor:via rpm\n" + Fixtures.text("rpm/public-installed.out"));
        assertEquals(new PackageState("keepalived", true, "1.2.13-8.el7.x86_64", "rpm"),
                FactParsers.parse(Probe.of(Probe.Kind.PACKAGE, "keepalived"), installed));
        ProbeOutput missing = new ProbeOutput("labtutor:via rpm\n" + Fixtures.text("rpm/public-not-installed.out"), "",
                1, false, false);
        assertEquals(new PackageState("ipvsadm", false, "", "rpm"),
                FactParsers.parse(Probe.of(Probe.Kind.PACKAGE, "ipvsadm"), missing));
    }

    @Test
    void pathFallbackAndBrokenOutput() {
        assertEquals(new PackageState("curl", true, "", "path"), FactParsers.parse(Probe.of(Probe.Kind.PACKAGE, "curl"),
                Fixtures.ok("labtutor:via path\n/usr/bin/curl\n")));
        assertEquals(new PackageState("nope", false, "", "path"), FactParsers.parse(
                Probe.of(Probe.Kind.PACKAGE, "nope"), new ProbeOutput("labtutor:via path\n", "", 1, false, false)));
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(Probe.of(Probe.Kind.PACKAGE, "x"),
                new ProbeOutput("labtutor:via rpm\n", "error: rpmdb open failed\n", 1, false, false)));
        assertInstanceOf(ProbeBroken.class, FactParsers.parse(Probe.of(Probe.Kind.PACKAGE, "x"), Fixtures.ok("")));
    }
}
