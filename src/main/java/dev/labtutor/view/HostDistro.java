package dev.labtutor.view;

import dev.labtutor.i18n.SafeText;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A host as listed beside its detected distribution: {@code lb01 root@10.0.0.11:22 · CentOS Linux 7 · keepalived
 * 1.3.5}. The distribution's words come from the host, so they are always shown terminal-safe.
 */
public final class HostDistro {

    /** Between a host and its distribution, and between the distribution's parts. */
    public static final String SEPARATOR = " · ";

    private HostDistro() {
    }

    /** {@code d}'s words, terminal-safe: {@code CentOS Linux 7 · keepalived 1.3.5}. */
    public static String words(Distro d) {
        return SafeText.terminal(d.display());
    }

    /** The role's detected distribution in words, when it has been detected. */
    public static Optional<String> of(Map<String, Distro> distros, String role) {
        return Optional.ofNullable(distros.get(role)).map(HostDistro::words);
    }

    /** {@code listed} followed by the role's distribution when it is known, else {@code listed} alone. */
    public static String label(String listed, Map<String, Distro> distros, String role) {
        return of(distros, role).map(w -> listed + SEPARATOR + w).orElse(listed);
    }

    /**
     * Each host of {@code lab}, role and address, with its distribution when detected: {@code lb01  10.0.0.11 ·
     * CentOS Linux 7 · keepalived 1.3.5}, the roles padded to one column.
     */
    public static List<String> lines(LabFile lab, Map<String, Distro> distros) {
        int w = lab.hosts().keySet().stream().mapToInt(DisplayWidth::of).max().orElse(0);
        List<String> out = new ArrayList<>();
        for (HostSpec h : lab.hosts().values()) {
            out.add(label(DisplayWidth.pad(h.role(), w) + "  " + SafeText.terminal(h.address()), distros, h.role()));
        }
        return out;
    }
}
