package dev.labtutor.check.fact;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The entries of an /etc/fstab (what mounts at boot), read from its text. */
public record Fstab(List<Entry> entries) {

    public record Entry(String source, String target, String fstype, String options, int line) {
    }

    public Fstab {
        entries = List.copyOf(entries);
    }

    public static Fstab parse(String text) {
        List<Entry> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] f = l.split("\\s+");
            if (f.length >= 3) {
                out.add(new Entry(MountsParser.unescape(f[0]), MountsParser.unescape(f[1]), f[2],
                        f.length > 3 ? f[3] : "defaults", i + 1));
            }
        }
        return new Fstab(out);
    }

    /** The last entry for this mount point (a later line wins at boot). */
    public Optional<Entry> at(String target) {
        Entry found = null;
        for (Entry e : entries) {
            if (stripSlash(e.target()).equals(stripSlash(target))) {
                found = e;
            }
        }
        return Optional.ofNullable(found);
    }

    private static String stripSlash(String p) {
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
