package dev.labtutor.check;

import dev.labtutor.check.fact.ExportList;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Set;

/**
 * From a client, {@code showmount -e SERVER} lists {@code path}: the NFS server's rpcbind and mountd answer over the
 * network.
 */
public record ShowmountCheck(String server, String path) implements PerHostPrimitive {

    private Probe probe() {
        return Probe.of(Probe.Kind.SHOWMOUNT, server);
    }

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(probe());
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        ExportList l = PerHostPrimitive.fact(host, probe(), ExportList.class);
        String r = host.role();
        if (!l.installed()) {
            return Outcome.fail("showmount-missing",
                    Text.of(r + " 上没有 showmount（nfs-utils 未安装）", r + " has no showmount (nfs-utils is not installed)"),
                    List.of(new Evidence(r, "showmount not found")));
        }
        if (l.error().isPresent()) {
            return Outcome.fail("no-answer",
                    Text.of(r + " 上 showmount -e " + server + " 失败：" + l.error().get(),
                            r + ": showmount -e " + server + " failed: " + l.error().get()),
                    List.of(new Evidence(r, l.error().get())));
        }
        List<Evidence> ev = l.exports().stream().map(e -> new Evidence(r, "showmount -e " + server + ": " + e.path()
                + " " + String.join(",", e.clients().stream().map(c -> c.spec()).toList()))).toList();
        if (l.exports().stream().noneMatch(e -> e.path().equals(path))) {
            return Outcome.fail("not-listed",
                    Text.of(r + " 上 showmount -e " + server + " 没有列出 " + path,
                            r + ": showmount -e " + server + " does not list " + path),
                    ev.isEmpty() ? List.of(new Evidence(r, "export list is empty")) : ev);
        }
        return Outcome.pass(Text.of(r + " 上 showmount -e " + server + " 列出了 " + path,
                r + ": showmount -e " + server + " lists " + path), ev);
    }
}
