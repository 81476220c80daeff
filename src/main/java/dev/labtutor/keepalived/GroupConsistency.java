package dev.labtutor.keepalived;

import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cross-host checks of one lab: the hosts' vrrp instances are paired by virtual_router_id and interface (or else by
 * name) and must agree on what VRRP compares on the wire (VRID, authentication after keepalived's 8-character
 * truncation, advert_int, VIPs) and differ where the election needs it (priorities, MASTER highest). Directors must
 * carry equivalent virtual_server blocks, and router_ids should differ.
 */
public final class GroupConsistency {

    private GroupConsistency() {
    }

    public static List<Finding> check(Map<String, KeepalivedConfig> configsByHost) {
        TreeMap<String, KeepalivedConfig> hosts = new TreeMap<>(configsByHost);
        List<String> names = new ArrayList<>(hosts.keySet());
        List<Finding> out = new ArrayList<>();
        for (int a = 0; a < names.size(); a++) {
            for (int b = a + 1; b < names.size(); b++) {
                pair(names.get(a), hosts.get(names.get(a)), names.get(b), hosts.get(names.get(b)), out);
            }
        }
        return out;
    }

    private static void pair(String ha, KeepalivedConfig a, String hb, KeepalivedConfig b, List<Finding> out) {
        Optional<String> ra = a.globalDefs().routerId();
        if (ra.isPresent() && ra.equals(b.globalDefs().routerId())) {
            out.add(new Finding("group-router-id-duplicate", Severity.WARNING, ha, a.globalDefs().file(),
                    a.globalDefs().line(), hb, b.globalDefs().file(), b.globalDefs().line(),
                    Text.of("两台主机的 router_id 都是 " + ra.get() + "，日志和告警里分不清是谁。每台主机写不同的 router_id。",
                            "Both hosts use router_id " + ra.get()
                                    + ", so logs and alerts cannot tell them apart. Give each host its own router_id.")));
        }
        for (VrrpInstance x : a.vrrpInstances()) {
            Optional<VrrpInstance> match = b.vrrpInstances().stream().filter(y -> x.virtualRouterId().isPresent()
                    && x.virtualRouterId().equals(y.virtualRouterId()) && x.interfaceName().equals(y.interfaceName()))
                    .findFirst();
            if (match.isEmpty()) {
                match = b.instance(x.name());
            }
            if (match.isEmpty()) {
                out.add(new Finding("group-instance-missing", Severity.WARNING, ha, x.file(), x.line(), hb, null, 0,
                        Text.of(hb + " 上没有与 " + ha + " 的 " + x.name() + " 对应的 vrrp_instance（按 VRID+接口 或名字匹配）。",
                                hb + " has no vrrp_instance matching " + x.name() + " of " + ha
                                        + " (by VRID and interface, or by name).")));
                continue;
            }
            instances(ha, x, hb, match.get(), out);
        }
        virtualServers(ha, a, hb, b, out);
    }

    private static void instances(String ha, VrrpInstance x, String hb, VrrpInstance y, List<Finding> out) {
        String n = x.name().equals(y.name()) ? x.name() : x.name() + "/" + y.name();
        if (!x.virtualRouterId().equals(y.virtualRouterId())) {
            add(out, "group-vrid-mismatch", Severity.ERROR, ha, x, hb, y,
                    n + "：virtual_router_id 不同（" + vrid(x) + " 与 " + vrid(y) + "）。两台主机互相收不到对方的通告，都会成为 MASTER（脑裂）。",
                    n + ": virtual_router_id differs (" + vrid(x) + " vs " + vrid(y)
                            + "). The hosts ignore each other's adverts and both become MASTER (split brain).");
        }
        if (!x.authType().equals(y.authType()) || !x.authPass().equals(y.authPass())) {
            add(out, "group-auth-mismatch", Severity.ERROR, ha, x, hb, y,
                    n + "：认证不一致（auth_type/auth_pass，只比较前 8 个字符）。对方会报 received an invalid passwd，两台都成为 MASTER。",
                    n + ": authentication differs (auth_type/auth_pass, first 8 characters compared). Each side logs 'received an invalid passwd' and both become MASTER.");
        }
        if (Double.compare(x.advertInt(), y.advertInt()) != 0) {
            add(out, "group-advert-mismatch", Severity.ERROR, ha, x, hb, y,
                    n + "：advert_int 不同（" + x.advertInt() + " 与 " + y.advertInt()
                            + "），对方会丢弃通告（advertisement interval mismatch），两台都成为 MASTER。",
                    n + ": advert_int differs (" + x.advertInt() + " vs " + y.advertInt()
                            + "); adverts are dropped (advertisement interval mismatch) and both become MASTER.");
        }
        Set<String> vx = new TreeSet<>(x.vipCidrs());
        Set<String> vy = new TreeSet<>(y.vipCidrs());
        if (!vx.equals(vy)) {
            add(out, "group-vip-mismatch", Severity.ERROR, ha, x, hb, y,
                    n + "：虚拟 IP 不一致（" + vx + " 与 " + vy + "）。切换后客户端访问的地址会不同。", n + ": the VIPs differ (" + vx + " vs "
                            + vy + "). After a failover clients would reach a different address.");
        }
        if (x.priority() == y.priority()) {
            add(out, "group-priority-equal", Severity.ERROR, ha, x, hb, y,
                    n + "：两台主机的 priority 都是 " + x.priority() + "。优先级相同时谁先启动谁就是 MASTER，无法按计划切换。请写不同的值（MASTER 更高）。",
                    n + ": both hosts have priority " + x.priority()
                            + ". With equal priorities whoever starts first stays MASTER. Use different values (the MASTER higher).");
        }
        masterHighest(ha, x, hb, y, n, out);
        masterHighest(hb, y, ha, x, n, out);
    }

    private static void masterHighest(String hm, VrrpInstance m, String ho, VrrpInstance o, String n,
            List<Finding> out) {
        if (m.state() == VrrpState.MASTER && o.priority() > m.priority()) {
            add(out, "group-master-not-highest", Severity.ERROR, hm, m, ho, o,
                    n + "：" + hm + " 写的是 state MASTER，但 " + ho + " 的 priority（" + o.priority() + "）比它（" + m.priority()
                            + "）高，" + ho + " 会抢走 VIP。MASTER 要设最高的 priority。",
                    n + ": " + hm + " says state MASTER but " + ho + " has a higher priority (" + o.priority() + " > "
                            + m.priority() + ") and takes the VIP. Give the MASTER the highest priority.");
        }
    }

    private static void virtualServers(String ha, KeepalivedConfig a, String hb, KeepalivedConfig b,
            List<Finding> out) {
        for (VirtualServer x : a.virtualServers()) {
            Optional<VirtualServer> m = b.virtualServers().stream().filter(y -> y.key().equals(x.key())).findFirst();
            if (m.isEmpty()) {
                if (!b.virtualServers().isEmpty() || !b.vrrpInstances().isEmpty()) {
                    out.add(new Finding("group-vs-mismatch", Severity.ERROR, ha, x.file(), x.line(), hb, null, 0,
                            Text.of(hb + " 没有虚拟服务 " + x.key() + "。两台调度器的 virtual_server 必须一致，否则切换后服务会消失。", hb
                                    + " has no virtual_server " + x.key()
                                    + ". Both directors need the same virtual_server blocks or the service vanishes after a failover.")));
                }
                continue;
            }
            VirtualServer y = m.get();
            List<String> diffs = new ArrayList<>();
            if (!x.lbAlgo().equals(y.lbAlgo())) {
                diffs.add("lb_algo " + x.lbAlgo() + "/" + y.lbAlgo());
            }
            if (!x.lbKind().equals(y.lbKind())) {
                diffs.add("lb_kind " + x.lbKind() + "/" + y.lbKind());
            }
            if (!x.persistenceTimeout().equals(y.persistenceTimeout())) {
                diffs.add("persistence_timeout");
            }
            Map<String, Integer> rx = new TreeMap<>();
            x.realServers().forEach(r -> rx.put(r.key(), r.weight()));
            Map<String, Integer> ry = new TreeMap<>();
            y.realServers().forEach(r -> ry.put(r.key(), r.weight()));
            if (!rx.equals(ry)) {
                diffs.add("real_server " + rx + "/" + ry);
            }
            if (!diffs.isEmpty()) {
                out.add(new Finding("group-vs-mismatch", Severity.ERROR, ha, x.file(), x.line(), hb, y.file(), y.line(),
                        Text.of("虚拟服务 " + x.key() + " 在两台调度器上不一致：" + String.join("; ", diffs) + "。", "virtual_server "
                                + x.key() + " differs between the directors: " + String.join("; ", diffs) + ".")));
            }
        }
        for (VirtualServer y : b.virtualServers()) {
            if (a.virtualServers().stream().noneMatch(x -> x.key().equals(y.key()))
                    && (!a.virtualServers().isEmpty() || !a.vrrpInstances().isEmpty())) {
                out.add(new Finding("group-vs-mismatch", Severity.ERROR, hb, y.file(), y.line(), ha, null, 0,
                        Text.of(ha + " 没有虚拟服务 " + y.key() + "。两台调度器的 virtual_server 必须一致。",
                                ha + " has no virtual_server " + y.key()
                                        + ". Both directors need the same virtual_server blocks.")));
            }
        }
    }

    private static String vrid(VrrpInstance i) {
        return i.virtualRouterId().isPresent() ? String.valueOf(i.virtualRouterId().getAsInt()) : "-";
    }

    private static void add(List<Finding> out, String code, Severity sev, String ha, VrrpInstance x, String hb,
            VrrpInstance y, String zh, String en) {
        out.add(new Finding(code, sev, ha, x.file(), x.line(), hb, y.file(), y.line(), Text.of(zh, en)));
    }
}
