package dev.labtutor.check;

import dev.labtutor.check.fact.SelinuxMode;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Set;

/** SELinux runs in one of the allowed modes (a host without SELinux passes: nothing enforces). */
public record SelinuxCheck(List<String> modes) implements PerHostPrimitive {

    static final Probe SELINUX = Probe.of(Probe.Kind.SELINUX);

    public SelinuxCheck {
        modes = List.copyOf(modes);
    }

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(SELINUX);
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        SelinuxMode m = PerHostPrimitive.fact(host, SELINUX, SelinuxMode.class);
        String r = host.role();
        if (!m.present()) {
            return Outcome.pass(Text.of(r + " 上没有 SELinux", r + " has no SELinux"),
                    List.of(new Evidence(r, "SELinux not present")));
        }
        List<Evidence> ev = List.of(new Evidence(r, "getenforce: " + m.mode() + ", config: " + m.configuredMode()));
        if (modes.stream().anyMatch(x -> x.equalsIgnoreCase(m.mode()))) {
            return Outcome.pass(Text.of(r + " 的 SELinux 为 " + m.mode(), r + ": SELinux is " + m.mode()), ev);
        }
        return Outcome.fail("selinux-" + m.mode().toLowerCase(java.util.Locale.ROOT),
                Text.of(r + " 的 SELinux 为 " + m.mode() + "，应为 " + String.join(" 或 ", modes),
                        r + ": SELinux is " + m.mode() + ", expected " + String.join(" or ", modes)),
                ev);
    }
}
