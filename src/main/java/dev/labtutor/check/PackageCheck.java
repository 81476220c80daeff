package dev.labtutor.check;

import dev.labtutor.check.fact.PackageState;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Set;

/** A package is (or is not) installed. */
public record PackageCheck(String name, boolean installed) implements PerHostPrimitive {

    private Probe probe() {
        return Probe.of(Probe.Kind.PACKAGE, name);
    }

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(probe());
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        PackageState p = PerHostPrimitive.fact(host, probe(), PackageState.class);
        String r = host.role();
        List<Evidence> ev = List.of(
                new Evidence(r, name + ": " + (p.installed() ? p.version() : "not installed") + " (" + p.via() + ")"));
        if (p.installed() == installed) {
            return Outcome.pass(installed
                    ? Text.of(r + " 已安装 " + name + " " + p.version(),
                            r + " has " + name + " " + p.version() + " installed")
                    : Text.of(r + " 未安装 " + name, r + " does not have " + name), ev);
        }
        return installed
                ? Outcome.fail("not-installed",
                        Text.of(r + " 没有安装 " + name, r + " does not have " + name + " installed"), ev)
                : Outcome.fail("installed", Text.of(r + " 不应安装 " + name, r + " should not have " + name + " installed"),
                        ev);
    }
}
