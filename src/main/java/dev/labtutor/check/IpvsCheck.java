package dev.labtutor.check;

import dev.labtutor.check.fact.IpvsTable;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The kernel's IPVS table has a virtual service with the expected real servers and forwarding method (Route = DR, Masq
 * = NAT, Tunnel = TUN). A kernel without ip_vs makes the check ERROR with cause {@code ipvs-unavailable}, as nfs-export
 * does for a kernel without nfsd: it cannot be judged here, never passed, and the learner is not told to install an
 * ipvsadm that is there. Only a missing ipvsadm command is the learner's to fix ({@code ipvsadm-missing}).
 */
public record IpvsCheck(String protocol, String address, int port, Optional<String> method, List<String> realServers,
        Optional<String> scheduler) implements PerHostPrimitive {

    static final Probe IPVS = Probe.of(Probe.Kind.IPVS);

    public IpvsCheck {
        realServers = List.copyOf(realServers);
    }

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(IPVS);
    }

    /** Accepts DR/NAT/TUN or ipvsadm's own Route/Masq/Tunnel; returns ipvsadm's word. */
    public static Optional<String> forwardWord(String m) {
        return switch (m.trim().toUpperCase(Locale.ROOT)) {
            case "DR", "ROUTE" -> Optional.of("Route");
            case "NAT", "MASQ" -> Optional.of("Masq");
            case "TUN", "TUNNEL" -> Optional.of("Tunnel");
            default -> Optional.empty();
        };
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        IpvsTable t = PerHostPrimitive.fact(host, IPVS, IpvsTable.class);
        String r = host.role();
        String vs = protocol + " " + address + ":" + port;
        if (t.state() == IpvsTable.State.NO_IPVSADM) {
            return Outcome.fail("ipvsadm-missing",
                    Text.of(r + " 上没有安装 ipvsadm", r + " does not have ipvsadm installed"),
                    List.of(new Evidence(r, t.unavailableReason())));
        }
        if (t.state() == IpvsTable.State.NO_KERNEL_IPVS) {
            return new Outcome(Status.ERROR, "ipvs-unavailable",
                    Text.of(r + " 的内核没有 IPVS（ip_vs），无法检查：ipvsadm -Ln 报告 “" + t.unavailableReason() + "”",
                            r + ": the kernel has no IPVS (ip_vs), cannot check; ipvsadm -Ln says \""
                                    + t.unavailableReason() + "\""),
                    List.of(new Evidence(r, "ipvsadm -Ln: " + t.unavailableReason())));
        }
        List<Evidence> ev = new ArrayList<>();
        t.services().forEach(s -> ev.add(new Evidence(r,
                s.protocol() + " " + s.address() + ":" + s.port() + " " + s.scheduler() + " -> "
                        + s.realServers().stream()
                                .map(rs -> rs.address() + ":" + rs.port() + " " + rs.forward() + " w" + rs.weight())
                                .collect(Collectors.joining(", ")))));
        if (ev.isEmpty()) {
            ev.add(new Evidence(r, "IPVS table is empty"));
        }
        Optional<IpvsTable.VirtualService> svc = t.service(protocol, address, port);
        if (svc.isEmpty()) {
            return Outcome.fail("no-service",
                    Text.of(r + " 的 IPVS 表中没有虚拟服务 " + vs, r + ": no IPVS virtual service " + vs), ev);
        }
        List<String> missing = new ArrayList<>();
        for (String rs : realServers) {
            if (svc.get().realServers().stream().noneMatch(x -> x.address().equals(rs))) {
                missing.add(rs);
            }
        }
        if (!missing.isEmpty()) {
            return Outcome.fail("missing-real-server", Text.of(r + " 上 " + vs + " 缺少真实服务器 " + String.join("、", missing),
                    r + ": " + vs + " lacks real server(s) " + String.join(", ", missing)), ev);
        }
        if (method.isPresent()) {
            String want = forwardWord(method.get()).orElse(method.get());
            List<String> wrong = svc.get().realServers().stream().filter(x -> !x.forward().equalsIgnoreCase(want))
                    .map(x -> x.address() + " " + x.forward()).toList();
            if (!wrong.isEmpty()) {
                return Outcome.fail("wrong-method",
                        Text.of(r + " 上 " + vs + " 的转发方式不是 " + want + "：" + String.join("、", wrong),
                                r + ": " + vs + " forwards with " + String.join(", ", wrong) + " instead of " + want),
                        ev);
            }
        }
        if (scheduler.isPresent() && !scheduler.get().equals(svc.get().scheduler())) {
            return Outcome.fail("wrong-scheduler", Text.of(
                    r + " 上 " + vs + " 的调度算法是 " + svc.get().scheduler() + "，应为 " + scheduler.get(),
                    r + ": " + vs + " uses scheduler " + svc.get().scheduler() + ", expected " + scheduler.get()), ev);
        }
        return Outcome.pass(Text.of(r + " 上 " + vs + " 的真实服务器齐全", r + ": " + vs + " has all its real servers"), ev);
    }
}
