package dev.labtutor.check;

import dev.labtutor.i18n.Text;
import dev.labtutor.keepalived.ParseResult;
import dev.labtutor.keepalived.Vip;
import dev.labtutor.keepalived.VrrpInstance;
import java.util.List;
import java.util.Optional;

/**
 * The VRRP instance (the named one, else the first) is configured as a lesson asks, judged on
 * keepalived's effective values: {@code state master} counts as BACKUP, as keepalived treats it.
 * {@code iface = "primary"} requires the interface carrying the host's own address.
 */
public record KeepalivedInstanceCheck(String path, Optional<String> instance, Optional<String> state,
                                      Optional<String> vip, Optional<Integer> vrid, Optional<Integer> priority,
                                      Optional<String> iface)
        implements KeepalivedConfigPrimitive {

    @Override
    public Outcome judge(HostFacts host, ParseResult res) {
        String r = host.role();
        Optional<VrrpInstance> vi = instance.isPresent() ? res.config().instance(instance.get())
                : res.config().vrrpInstances().stream().findFirst();
        if (vi.isEmpty()) {
            return Outcome.fail("no-instance", Text.of(r + " 的配置中没有 vrrp_instance" + instance.map(n -> " " + n).orElse(""),
                    r + ": no vrrp_instance" + instance.map(n -> " " + n).orElse("") + " in " + path),
                    List.of(new Evidence(r, path + ": no vrrp_instance")));
        }
        VrrpInstance v = vi.get();
        String at = v.file() + ":" + v.line();
        List<Evidence> ev = List.of(new Evidence(r, at + ": vrrp_instance " + v.name() + " state " + v.state()
                + v.stateWritten().map(s -> " (written '" + s + "')").orElse("") + ", interface " + v.interfaceName().orElse("-")
                + ", virtual_router_id " + (v.virtualRouterId().isPresent() ? v.virtualRouterId().getAsInt() : "-")
                + ", priority " + v.priority() + ", VIPs " + v.vips().stream().map(Vip::cidr).toList()));
        String name = v.name();
        if (state.isPresent() && !state.get().equals(v.state().name())) {
            String written = v.stateWritten().orElse("(none)");
            return Outcome.fail("wrong-state", Text.of(
                    r + " 的实例 " + name + " 实际状态为 " + v.state() + "（配置写的是 " + written + "），应为 " + state.get(),
                    r + ": instance " + name + " is effectively " + v.state() + " (written '" + written + "'), expected " + state.get()), ev);
        }
        if (vrid.isPresent() && (v.virtualRouterId().isEmpty() || v.virtualRouterId().getAsInt() != vrid.get())) {
            return Outcome.fail("wrong-vrid", Text.of(r + " 的实例 " + name + " 的 virtual_router_id 不是 " + vrid.get(),
                    r + ": instance " + name + " has virtual_router_id "
                            + (v.virtualRouterId().isPresent() ? v.virtualRouterId().getAsInt() : "unset") + ", expected " + vrid.get()), ev);
        }
        if (priority.isPresent() && priority.get() != v.priority()) {
            return Outcome.fail("wrong-priority", Text.of(
                    r + " 的实例 " + name + " 的实际优先级为 " + v.priority() + (v.priorityWritten() ? "" : "（未设置，使用默认值）") + "，应为 " + priority.get(),
                    r + ": instance " + name + " has effective priority " + v.priority() + (v.priorityWritten() ? "" : " (unset, the default)")
                            + ", expected " + priority.get()), ev);
        }
        if (vip.isPresent() && v.vips().stream().noneMatch(x -> x.address().equals(vip.get()))) {
            return Outcome.fail("wrong-vip", Text.of(r + " 的实例 " + name + " 的 virtual_ipaddress 中没有 " + vip.get(),
                    r + ": instance " + name + " does not list " + vip.get() + " in virtual_ipaddress"), ev);
        }
        if (iface.isPresent()) {
            Optional<String> want = iface.get().equals("primary") ? host.primaryIface() : iface;
            if (want.isPresent() && !want.get().equals(v.interfaceName().orElse(""))) {
                return Outcome.fail("wrong-interface", Text.of(
                        r + " 的实例 " + name + " 使用网卡 " + v.interfaceName().orElse("（未设置）") + "，但这台主机的地址在 " + want.get() + " 上",
                        r + ": instance " + name + " uses interface " + v.interfaceName().orElse("(unset)")
                                + " but the host's address is on " + want.get()), ev);
            }
        }
        return Outcome.pass(Text.of(r + " 的实例 " + name + " 为 " + v.state() + "，优先级 " + v.priority(),
                r + ": instance " + name + " is " + v.state() + " with priority " + v.priority()), ev);
    }
}
