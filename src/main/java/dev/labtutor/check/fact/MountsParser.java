package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.ArrayList;
import java.util.List;

/** MOUNTS: {@code /proc/self/mounts} lines (fstab format with octal escapes such as \040 for a space). */
final class MountsParser {

    private MountsParser() {
    }

    static Mounts parse(ProbeOutput out) throws Unparseable {
        if (out.exitCode() != 0) {
            throw new Unparseable("cannot read /proc/self/mounts: " + Lines.firstNonBlank(out.stderr()));
        }
        List<Mounts.Mount> list = new ArrayList<>();
        for (String line : Lines.of(out.stdout())) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4) {
                list.add(new Mounts.Mount(unescape(f[0]), unescape(f[1]), f[2], f[3]));
            }
        }
        return new Mounts(list);
    }

    /** The kernel's octal escapes (\040 space, \011 tab, \012 newline, \134 backslash). */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 3 < s.length() && s.substring(i + 1, i + 4).matches("[0-7]{3}")) {
                sb.append((char) Integer.parseInt(s.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
