package dev.labtutor.check;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.i18n.Sentences;
import dev.labtutor.i18n.Text;
import dev.labtutor.keepalived.Diagnostic;
import dev.labtutor.keepalived.ParseResult;
import dev.labtutor.keepalived.Vip;
import dev.labtutor.keepalived.VrrpInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The VRRP instance (the named one, else the first) is configured as a lesson asks, judged on keepalived's effective
 * values: {@code state master} counts as BACKUP, as keepalived treats it, and so does a {@code state MASTER} that
 * vrrp_strict or AH authentication demotes (then the reason is named, not the spelling). {@code iface = "primary"}
 * requires the interface carrying the host's own address. Every difference is named, the VIPs and interface actually
 * written included; the first one's cause picks the hint.
 */
public record KeepalivedInstanceCheck(String path, Optional<String> instance, Optional<String> state,
        Optional<String> vip, Optional<Integer> vrid, Optional<Integer> priority,
        Optional<String> iface) implements KeepalivedConfigPrimitive {

    @Override
    public Outcome judge(HostFacts host, ParseResult res) {
        String r = host.role();
        Optional<VrrpInstance> vi = instance.isPresent() ? res.config().instance(instance.get())
                : res.config().vrrpInstances().stream().findFirst();
        if (vi.isEmpty()) {
            return Outcome.fail("no-instance",
                    Text.of(r + " 的配置中没有 vrrp_instance" + instance.map(n -> " " + n).orElse(""),
                            r + ": no vrrp_instance" + instance.map(n -> " " + n).orElse("") + " in " + path),
                    List.of(new Evidence(r, path + ": no vrrp_instance")));
        }
        VrrpInstance v = vi.get();
        String at = v.file() + ":" + v.line();
        List<Evidence> ev = List.of(new Evidence(r,
                at + ": vrrp_instance " + v.name() + " state " + v.state()
                        + v.stateWritten().map(s -> " (written '" + s + "')").orElse("") + ", interface "
                        + v.interfaceName().orElse("-") + ", virtual_router_id "
                        + (v.virtualRouterId().isPresent() ? v.virtualRouterId().getAsInt() : "-") + ", priority "
                        + v.priority() + ", VIPs " + v.vips().stream().map(Vip::cidr).toList()));
        String name = v.name();
        List<Finding> wrong = new ArrayList<>();
        if (state.isPresent() && !state.get().equals(v.state().name())) {
            String written = v.stateWritten().orElse("(none)");
            wrong.add(written.equals(state.get()) ? demoted(res, v, written)
                    : new Finding("wrong-state", Text.of(
                            "实际状态为 " + v.state() + "（配置写的是 " + written + "），应为 " + state.get(),
                            "effectively " + v.state() + " (written '" + written + "'), expected " + state.get())));
        }
        if (vrid.isPresent() && (v.virtualRouterId().isEmpty() || v.virtualRouterId().getAsInt() != vrid.get())) {
            String has = v.virtualRouterId().isPresent() ? String.valueOf(v.virtualRouterId().getAsInt()) : "unset";
            wrong.add(new Finding("wrong-vrid",
                    Text.of("virtual_router_id 为 " + has.replace("unset", "（未设置）") + "，应为 " + vrid.get(),
                            "virtual_router_id " + has + ", expected " + vrid.get())));
        }
        if (priority.isPresent() && priority.get() != v.priority()) {
            wrong.add(new Finding("wrong-priority",
                    Text.of("实际优先级为 " + v.priority() + (v.priorityWritten() ? "" : "（未设置，使用默认值）") + "，应为 "
                            + priority.get(),
                            "effective priority " + v.priority() + (v.priorityWritten() ? "" : " (unset, the default)")
                                    + ", expected " + priority.get())));
        }
        if (vip.isPresent() && v.vips().stream().noneMatch(x -> x.address().equals(vip.get()))) {
            List<String> listed = v.vips().stream().map(Vip::address).toList();
            wrong.add(new Finding("wrong-vip", listed.isEmpty()
                    ? Text.of("virtual_ipaddress 中没有地址，应有 VIP " + vip.get(),
                            "virtual_ipaddress lists no address, not the VIP " + vip.get())
                    : Text.of("virtual_ipaddress 中是 " + String.join("、", listed) + "，不是 VIP " + vip.get(),
                            "virtual_ipaddress lists " + String.join(", ", listed) + ", not the VIP " + vip.get())));
        }
        if (iface.isPresent()) {
            Optional<String> want = iface.get().equals("primary") ? host.primaryIface() : iface;
            if (want.isPresent() && !want.get().equals(v.interfaceName().orElse(""))) {
                wrong.add(new Finding("wrong-interface", interfaceText(host, v.interfaceName(), want.get())));
            }
        }
        if (!wrong.isEmpty()) {
            List<Text> said = new ArrayList<>();
            said.add(Text.of(r + " 的实例 " + name + "：" + wrong.get(0).text().zh(),
                    r + ": instance " + name + ": " + wrong.get(0).text().en()));
            wrong.subList(1, wrong.size()).forEach(f -> said.add(f.text()));
            return Outcome.fail(wrong.get(0).cause(), Sentences.join(said), ev);
        }
        return Outcome.pass(Text.of(r + " 的实例 " + name + " 为 " + v.state() + "，优先级 " + v.priority(),
                r + ": instance " + name + " is " + v.state() + " with priority " + v.priority()), ev);
    }

    /** One thing the instance has wrong: the cause code (to pick the hint) and what was seen. */
    private record Finding(String cause, Text text) {
    }

    /**
     * The file says the wanted state but keepalived does not start the instance in it: under vrrp_strict only the
     * address owner (priority 255) starts as MASTER (keepalived 2.x "State MASTER must match being address owner",
     * 1.3.5 "Cannot start in MASTER state if not address owner"), and AH authentication clears MASTER. Named, so the
     * learner is not sent to fix the spelling of a state that is spelt right.
     */
    private static Finding demoted(ParseResult res, VrrpInstance v, String written) {
        for (Diagnostic d : res.diagnostics()) {
            boolean at = d.file().equals(v.file()) && d.line() == v.line();
            if (at && d.code().equals("strict-master-owner")) {
                return new Finding("state-demoted-strict", Text.of(
                        "写的是 state " + written + "，但 global_defs 中的 vrrp_strict 让 keepalived 以 " + v.state()
                                + " 启动它：vrrp_strict 下只有 priority 255 才能以 MASTER 启动，它的优先级是 " + v.priority(),
                        "state " + written + " is written, but vrrp_strict in global_defs makes keepalived start it as "
                                + v.state()
                                + ": under vrrp_strict only priority 255 starts as MASTER, and its priority is "
                                + v.priority()));
            }
            if (at && d.code().equals("auth-ah-master")) {
                return new Finding("state-demoted-ah",
                        Text.of("写的是 state " + written + "，但 auth_type AH 让 keepalived 以 " + v.state()
                                + " 启动它（AH 认证与初始状态 MASTER 不兼容）",
                                "state " + written + " is written, but auth_type AH makes keepalived start it as "
                                        + v.state() + " (AH authentication clears an initial MASTER)"));
            }
        }
        return new Finding("state-demoted",
                Text.of("写的是 state " + written + "，但 keepalived 以 " + v.state() + " 启动它（见 keepalived.conf 那项检查）",
                        "state " + written + " is written, but keepalived starts it as " + v.state()
                                + " (see the keepalived.conf check)"));
    }

    /** The instance's interface is not the one carrying the host's address: say whether it exists at all. */
    private static Text interfaceText(HostFacts host, Optional<String> configured, String want) {
        String r = host.role();
        if (configured.isEmpty()) {
            return Text.of("没有设置 interface；" + r + " 的地址在 " + want + " 上",
                    "no interface is set (" + r + "'s address is on " + want + ")");
        }
        String c = configured.get();
        boolean exists = host.fact(AddressCheck.ADDRESSES) instanceof Addresses a && a.iface(c).isPresent();
        return exists
                ? Text.of("interface " + c + " 不是承载 " + r + " 地址的网卡（地址在 " + want + " 上）",
                        "interface " + c + " does not carry " + r + "'s address (its address is on " + want + ")")
                : Text.of("interface " + c + " 在 " + r + " 上不存在（它的地址在 " + want + " 上）",
                        "interface " + c + " does not exist on " + r + " (its address is on " + want + ")");
    }
}
