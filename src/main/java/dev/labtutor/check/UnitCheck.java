package dev.labtutor.check;

import dev.labtutor.check.fact.UnitState;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A service is (or is not) running and/or enabled at boot. Whether it starts at boot is never guessed: when the host
 * could not say (no running systemd and no readable unit file state), the outcome is ERROR with the reason, not FAIL.
 */
public record UnitCheck(String unit, Optional<Boolean> active, Optional<Boolean> enabled) implements PerHostPrimitive {

    private Probe probe() {
        return Probe.of(Probe.Kind.UNIT, unit);
    }

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(probe());
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        UnitState u = PerHostPrimitive.fact(host, probe(), UnitState.class);
        String r = host.role();
        List<Evidence> ev = List.of(new Evidence(r, unit + ": load=" + u.loadState() + " active=" + u.activeState()
                + "/" + u.subState() + " enabled=" + u.unitFileState() + " (" + u.source() + ")"));
        boolean wantsSomething = active.orElse(false) || enabled.orElse(false);
        if (!u.exists()) {
            return wantsSomething
                    ? Outcome.fail("not-installed",
                            Text.of(r + " 上没有 " + unit + " 服务（软件包未安装？）",
                                    r + " has no " + unit + " service (package not installed?)"),
                            ev)
                    : Outcome.pass(Text.of(r + " 上没有 " + unit + " 服务", r + " has no " + unit + " service"), ev);
        }
        if (active.isPresent() && active.get() != u.active()) {
            return active.get()
                    ? Outcome.fail("inactive",
                            Text.of(r + " 上的 " + unit + " 没有运行（" + u.activeState() + "）",
                                    r + ": " + unit + " is not running (" + u.activeState() + ")"),
                            ev)
                    : Outcome.fail("active",
                            Text.of(r + " 上的 " + unit + " 仍在运行", r + ": " + unit + " is still running"), ev);
        }
        if (enabled.isPresent() && !u.enabledKnown()) {
            return new Outcome(Status.ERROR, "enabled-unknown",
                    Text.of("无法判断 " + r + " 上的 " + unit + " 是否开机自启：" + u.why(),
                            "cannot tell whether " + unit + " starts at boot on " + r + ": " + u.why()),
                    ev);
        }
        if (enabled.isPresent() && enabled.get() != u.enabled()) {
            return enabled.get()
                    ? Outcome.fail("disabled",
                            Text.of(r + " 上的 " + unit + " 不会开机启动（" + u.unitFileState() + "）",
                                    r + ": " + unit + " does not start at boot (" + u.unitFileState() + ")"),
                            ev)
                    : Outcome.fail("enabled", Text.of(r + " 上的 " + unit + " 仍会开机启动（" + u.unitFileState() + "）",
                            r + ": " + unit + " still starts at boot (" + u.unitFileState() + ")"), ev);
        }
        return Outcome.pass(passed(r, u), ev);
    }

    /** What was checked and found: running or stopped, starting at boot or not, as the check asked. */
    private Text passed(String r, UnitState u) {
        List<String> zh = new java.util.ArrayList<>();
        List<String> en = new java.util.ArrayList<>();
        if (active.isPresent()) {
            zh.add(u.active() ? "正在运行" : "已停止");
            en.add(u.active() ? "is running" : "is stopped");
        }
        if (enabled.isPresent()) {
            zh.add(u.enabled() ? "已设为开机自启" : "不会开机启动");
            en.add(u.enabled() ? "starts at boot" : "does not start at boot");
        }
        if (zh.isEmpty()) {
            zh.add("存在");
            en.add("exists");
        }
        return Text.of(r + " 上的 " + unit + " " + String.join("，", zh),
                r + ": " + unit + " " + String.join(" and ", en));
    }
}
