package dev.labtutor.check;

import dev.labtutor.i18n.Text;
import dev.labtutor.keepalived.HealthCheck;
import dev.labtutor.keepalived.ParseResult;
import dev.labtutor.keepalived.RealServer;
import dev.labtutor.keepalived.VirtualServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * keepalived.conf has {@code virtual_server ADDRESS PORT} as a lesson asks, judged on keepalived's effective values
 * ({@code lb_kind dr} is taken as NAT, an unknown {@code lb_algo} as wlc): the scheduler, forwarding method and
 * protocol, and each real server with a health checker of the given type. What is wrong first names the cause, so the
 * hint explains that one thing.
 */
public record VirtualServerCheck(String path, String address, int port, Optional<String> algo, Optional<String> kind,
        Optional<String> protocol, List<String> realServers, OptionalInt realPort,
        Optional<String> checker) implements KeepalivedConfigPrimitive {

    public VirtualServerCheck {
        realServers = List.copyOf(realServers);
    }

    @Override
    public Outcome judge(HostFacts host, ParseResult parsed) {
        String r = host.role();
        String key = address + " " + port;
        Optional<VirtualServer> found =
                parsed.config().virtualServers().stream().filter(v -> v.kind() == VirtualServer.Kind.IP_PORT
                        && v.address().equals(address) && v.port().orElse(-1) == port).findFirst();
        List<Evidence> ev = new ArrayList<>();
        parsed.config().virtualServers().forEach(v -> ev.add(new Evidence(r,
                v.file() + ":" + v.line() + ": virtual_server " + v.key() + " lb_algo " + v.lbAlgo() + " lb_kind "
                        + v.lbKind() + " protocol " + v.protocol() + ", real servers " + v.realServers().stream()
                                .map(x -> x.key() + x.checks().stream().map(HealthCheck::type).toList()).toList())));
        if (found.isEmpty()) {
            return Outcome.fail("no-virtual-server",
                    Text.of(r + " 的 " + path + " 中没有 virtual_server " + key,
                            r + ": " + path + " has no virtual_server " + key),
                    ev.isEmpty() ? List.of(new Evidence(r, "no virtual_server blocks")) : ev);
        }
        VirtualServer v = found.get();
        String at = r + " " + v.file() + ":" + v.line();
        if (algo.isPresent() && !algo.get().equals(v.lbAlgo())) {
            return Outcome.fail("wrong-algo", Text.of(at + "：调度算法实际为 " + v.lbAlgo() + "，应为 " + algo.get(),
                    at + ": the scheduler is effectively " + v.lbAlgo() + ", expected " + algo.get()), ev);
        }
        if (kind.isPresent() && !kind.get().equals(v.lbKind())) {
            return Outcome.fail("wrong-kind", Text.of(at + "：转发方式实际为 " + v.lbKind() + "，应为 " + kind.get(),
                    at + ": forwarding is effectively " + v.lbKind() + ", expected " + kind.get()), ev);
        }
        if (protocol.isPresent() && !protocol.get().equals(v.protocol())) {
            return Outcome.fail("wrong-protocol", Text.of(at + "：协议为 " + v.protocol() + "，应为 " + protocol.get(),
                    at + ": protocol is " + v.protocol() + ", expected " + protocol.get()), ev);
        }
        for (String rs : realServers) {
            Optional<RealServer> x = v.realServers().stream().filter(y -> y.address().equals(rs)).findFirst();
            if (x.isEmpty()) {
                return Outcome.fail("missing-real-server",
                        Text.of(at + "：缺少 real_server " + rs, at + ": no real_server " + rs), ev);
            }
            if (realPort.isPresent() && x.get().port().orElse(-1) != realPort.getAsInt()) {
                return Outcome.fail("wrong-real-port",
                        Text.of(at + "：real_server " + rs + " 的端口应为 " + realPort.getAsInt(),
                                at + ": real_server " + rs + " must use port " + realPort.getAsInt()),
                        ev);
            }
            if (checker.isPresent() && x.get().checks().stream().noneMatch(c -> c.type().equals(checker.get()))) {
                return Outcome.fail("no-checker",
                        Text.of(at + "：real_server " + rs + " 没有有效的 " + checker.get() + " 健康检查",
                                at + ": real_server " + rs + " has no working " + checker.get() + " health check"),
                        ev);
            }
        }
        return Outcome.pass(Text.of(
                r + " 的 virtual_server " + key + "：" + v.lbAlgo() + "、" + v.lbKind() + "、" + v.protocol() + "，"
                        + v.realServers().size() + " 台真实服务器",
                r + ": virtual_server " + key + " is " + v.lbAlgo() + ", " + v.lbKind() + ", " + v.protocol() + " with "
                        + v.realServers().size() + " real server(s)"),
                ev);
    }
}
