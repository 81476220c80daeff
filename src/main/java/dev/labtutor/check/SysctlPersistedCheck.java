package dev.labtutor.check;

import dev.labtutor.check.fact.PersistedSysctls;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A sysctl setting survives a reboot: the persisted files (/etc/sysctl.conf and the sysctl.d directories, in their
 * order of precedence) end up setting {@code key} to {@code equals}.
 */
public record SysctlPersistedCheck(String key, String equals) implements PerHostPrimitive {

    static final Probe CONF = Probe.of(Probe.Kind.SYSCTL_CONF);

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(CONF);
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        PersistedSysctls p = PerHostPrimitive.fact(host, CONF, PersistedSysctls.class);
        String r = host.role();
        Optional<PersistedSysctls.Setting> s = p.get(key);
        if (s.isEmpty()) {
            return Outcome.fail("not-persisted",
                    Text.of(r + " 的配置文件里没有 " + key + "，重启后它会恢复默认值",
                            r + ": no sysctl file sets " + key + ", so a reboot brings back the default"),
                    List.of(new Evidence(r, key + " is in none of "
                            + (p.files().isEmpty() ? "the sysctl files (none exist)" : String.join(", ", p.files())))));
        }
        List<Evidence> ev =
                List.of(new Evidence(r, s.get().file() + ":" + s.get().line() + ": " + key + " = " + s.get().value()));
        if (!s.get().value().trim().equals(equals.trim())) {
            return Outcome.fail("persisted-wrong",
                    Text.of(r + " 的 " + s.get().file() + " 第 " + s.get().line() + " 行把 " + key + " 设为 "
                            + s.get().value() + "，应为 " + equals,
                            r + ": " + s.get().file() + ":" + s.get().line() + " sets " + key + " = " + s.get().value()
                                    + ", expected " + equals),
                    ev);
        }
        return Outcome.pass(Text.of(r + " 的 " + s.get().file() + " 中 " + key + " = " + equals + "，重启后仍然有效",
                r + ": " + key + " = " + equals + " in " + s.get().file() + ", kept across reboots"), ev);
    }
}
