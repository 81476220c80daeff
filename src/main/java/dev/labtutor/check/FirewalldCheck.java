package dev.labtutor.check;

import dev.labtutor.check.fact.FirewalldState;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Set;

/** firewalld is (or is not) running. */
public record FirewalldCheck(boolean running) implements PerHostPrimitive {

    static final Probe FIREWALLD = Probe.of(Probe.Kind.FIREWALLD);

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(FIREWALLD);
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        FirewalldState f = PerHostPrimitive.fact(host, FIREWALLD, FirewalldState.class);
        String r = host.role();
        List<Evidence> ev = List.of(new Evidence(r,
                "firewalld " + (!f.installed() ? "not installed" : f.running() ? "running" : "not running")));
        if (f.running() == running) {
            return Outcome.pass(running ? Text.of(r + " 的 firewalld 正在运行", r + ": firewalld is running")
                    : Text.of(r + " 的 firewalld 已停止", r + ": firewalld is not running"), ev);
        }
        return running
                ? Outcome.fail("firewalld-stopped", Text.of(r + " 的 firewalld 没有运行", r + ": firewalld is not running"),
                        ev)
                : Outcome.fail("firewalld-running",
                        Text.of(r + " 的 firewalld 仍在运行", r + ": firewalld is still running"), ev);
    }
}
