package dev.labtutor.check;

import dev.labtutor.check.fact.NfsExports;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Ipv4;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The NFS server exports {@code path} now ({@code exportfs -v}) and in /etc/exports (so it is exported again after a
 * reboot), to every address in {@code clients}. A client list given by host names cannot be checked against addresses:
 * that is a note, not a failure. A kernel that cannot serve NFS makes the check ERROR with cause
 * {@code nfsd-unavailable}.
 */
public record NfsExportCheck(String path, List<String> clients) implements PerHostPrimitive {

    static final Probe EXPORTS = Probe.of(Probe.Kind.EXPORTS);

    public NfsExportCheck {
        clients = List.copyOf(clients);
    }

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(EXPORTS);
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        NfsExports x = PerHostPrimitive.fact(host, EXPORTS, NfsExports.class);
        String r = host.role();
        List<Evidence> ev = new ArrayList<>();
        x.active().forEach(e -> ev.add(new Evidence(r, "exportfs -v: " + e.path() + " " + describe(e))));
        x.configured()
                .forEach(e -> ev.add(new Evidence(r, e.file() + ":" + e.line() + ": " + e.path() + " " + describe(e))));
        x.exportfsError().ifPresent(err -> ev.add(new Evidence(r, "exportfs -v: " + err)));
        if (!x.nfsdAvailable()) {
            return new Outcome(Status.ERROR, "nfsd-unavailable", Text.of(r + " 的内核不能提供 NFS 服务（没有 nfsd），无法检查",
                    r + ": the kernel cannot serve NFS (no nfsd), cannot check"), ev);
        }
        if (!x.exportfsInstalled()) {
            return Outcome.fail("nfs-utils-missing",
                    Text.of(r + " 上没有 exportfs（nfs-utils 未安装）", r + " has no exportfs (nfs-utils is not installed)"),
                    ev);
        }
        Optional<NfsExports.Export> persisted = find(x.configured());
        Optional<NfsExports.Export> active = find(x.active());
        if (active.isEmpty()) {
            return Outcome.fail(persisted.isPresent() ? "not-applied" : "not-exported", persisted.isPresent()
                    ? Text.of(r + " 的 " + persisted.get().file() + " 中写了 " + path + "，但它现在没有共享出去（exportfs -v 中没有）",
                            r + ": " + persisted.get().file() + " lists " + path
                                    + " but it is not exported now (not in exportfs -v)")
                    : Text.of(r + " 没有共享 " + path, r + " does not export " + path), ev);
        }
        if (persisted.isEmpty()) {
            return Outcome.fail(
                    "not-persisted", Text
                            .of(r + " 现在共享了 " + path + "，但 /etc/exports 中没有它，重启后就没有了",
                                    r + " exports " + path
                                            + " now, but /etc/exports does not list it, so a reboot ends the export"),
                    ev);
        }
        List<String> missing = new ArrayList<>();
        boolean names = false;
        for (String c : clients) {
            boolean covered = false;
            for (NfsExports.Client spec : active.get().clients()) {
                String s = spec.spec();
                if (s.equals("*") || s.equals(c) || (s.contains("/") && inCidr(c, s))) {
                    covered = true;
                } else if (!Ipv4.isValid(s) && !s.contains("/")) {
                    names = true;
                }
            }
            if (!covered) {
                missing.add(c);
            }
        }
        if (!missing.isEmpty() && !names) {
            return Outcome.fail("client-missing",
                    Text.of(r + " 共享的 " + path + " 不允许 " + String.join("、", missing) + " 挂载",
                            r + ": " + path + " is not exported to " + String.join(", ", missing)),
                    ev);
        }
        Outcome pass = Outcome.pass(
                Text.of(r + " 共享了 " + path + "（" + describe(active.get()) + "），并写在 " + persisted.get().file() + " 中",
                        r + " exports " + path + " (" + describe(active.get()) + "), and " + persisted.get().file()
                                + " lists it"),
                ev);
        return missing.isEmpty() ? pass : pass.withNotes(List.of(Text.of(
                r + " 的共享用主机名指定客户端，无法确认它们是否包括 " + String.join("、", missing),
                r + " names its clients by host name; cannot confirm they include " + String.join(", ", missing))));
    }

    private Optional<NfsExports.Export> find(List<NfsExports.Export> list) {
        return list.stream().filter(e -> strip(e.path()).equals(strip(path))).reduce((a, b) -> b);
    }

    private static String strip(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** Whether IPv4 {@code ip} is inside {@code cidr} ({@code 10.0.0.0/24}, or with a dotted mask). */
    static boolean inCidr(String ip, String cidr) {
        String[] p = cidr.split("/", 2);
        if (!Ipv4.isValid(ip) || !Ipv4.isValid(p[0])) {
            return false;
        }
        long mask;
        if (Ipv4.isValid(p[1])) {
            mask = value(p[1]);
        } else if (p[1].matches("[0-9]{1,2}") && Integer.parseInt(p[1]) <= 32) {
            int bits = Integer.parseInt(p[1]);
            mask = bits == 0 ? 0 : (0xffffffffL << (32 - bits)) & 0xffffffffL;
        } else {
            return false;
        }
        return (value(ip) & mask) == (value(p[0]) & mask);
    }

    private static long value(String ip) {
        long v = 0;
        for (String o : ip.split("\\.")) {
            v = (v << 8) | Integer.parseInt(o);
        }
        return v;
    }

    static String describe(NfsExports.Export e) {
        return String.join(" ", e.clients().stream()
                .map(c -> c.spec() + (c.options().isEmpty() ? "" : "(" + c.options() + ")")).toList());
    }
}
