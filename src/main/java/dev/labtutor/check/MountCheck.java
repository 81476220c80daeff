package dev.labtutor.check;

import dev.labtutor.check.fact.FileContent;
import dev.labtutor.check.fact.Fstab;
import dev.labtutor.check.fact.Mounts;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A file system is mounted on {@code path} now ({@code persisted = false}: the mount table) or at boot
 * ({@code persisted = true}: an /etc/fstab entry), of a type starting with {@code fstype} ({@code nfs} matches nfs and
 * nfs4) and from {@code source} when given.
 */
public record MountCheck(String path, Optional<String> fstype, Optional<String> source,
        boolean persisted) implements PerHostPrimitive {

    static final Probe MOUNTS = Probe.of(Probe.Kind.MOUNTS);
    static final Probe FSTAB = Probe.of(Probe.Kind.FILE, "/etc/fstab");

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(persisted ? FSTAB : MOUNTS);
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        String r = host.role();
        String where = persisted ? "/etc/fstab" : (r + " 的挂载表");
        String whereEn = persisted ? "/etc/fstab" : "the mount table";
        String src;
        String type;
        String detail;
        if (persisted) {
            FileContent f = PerHostPrimitive.fact(host, FSTAB, FileContent.class);
            if (!f.exists()) {
                return Outcome.fail("no-entry", Text.of(r + " 上没有 /etc/fstab", r + " has no /etc/fstab"),
                        List.of(new Evidence(r, "/etc/fstab does not exist")));
            }
            Optional<Fstab.Entry> e = Fstab.parse(f.content()).at(path);
            if (e.isEmpty()) {
                return Outcome.fail("no-entry",
                        Text.of(r + " 的 /etc/fstab 中没有挂载到 " + path + " 的条目，重启后不会自动挂载",
                                r + ": /etc/fstab has no entry for " + path
                                        + ", so it is not mounted again after a reboot"),
                        List.of(new Evidence(r, "/etc/fstab: no line for " + path)));
            }
            src = e.get().source();
            type = e.get().fstype();
            detail = "/etc/fstab:" + e.get().line() + ": " + src + " " + path + " " + type + " " + e.get().options();
        } else {
            Optional<Mounts.Mount> m = PerHostPrimitive.fact(host, MOUNTS, Mounts.class).at(path);
            if (m.isEmpty()) {
                return Outcome.fail("not-mounted",
                        Text.of(r + " 上 " + path + " 没有挂载任何文件系统", r + ": nothing is mounted on " + path),
                        List.of(new Evidence(r, "no mount on " + path)));
            }
            src = m.get().source();
            type = m.get().fstype();
            detail = src + " on " + path + " type " + type + " (" + m.get().options() + ")";
        }
        List<Evidence> ev = List.of(new Evidence(r, detail));
        if (fstype.isPresent() && !type.startsWith(fstype.get())) {
            return Outcome.fail("wrong-type", Text.of(where + " 中 " + path + " 的类型是 " + type + "，应为 " + fstype.get(),
                    r + ": " + whereEn + " has " + path + " as " + type + ", expected " + fstype.get()), ev);
        }
        if (source.isPresent() && !stripSlash(src).equals(stripSlash(source.get()))) {
            return Outcome.fail("wrong-source", Text.of(where + " 中 " + path + " 挂载的是 " + src + "，应为 " + source.get(),
                    r + ": " + whereEn + " mounts " + src + " on " + path + ", expected " + source.get()), ev);
        }
        return Outcome.pass(persisted
                ? Text.of(r + " 的 /etc/fstab 会在开机时把 " + src + " 挂载到 " + path,
                        r + ": /etc/fstab mounts " + src + " on " + path + " at boot")
                : Text.of(r + " 上 " + src + " 已挂载到 " + path, r + ": " + src + " is mounted on " + path), ev);
    }

    private static String stripSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
