package dev.labtutor.sandbox;

import dev.labtutor.lab.Family;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which distribution the sandbox hosts pretend to run: each host shows that distribution's {@code /etc/os-release}
 * and gets its package manager, package names and versions, units and tools as stand-ins (resource {@code bin/}, read
 * through {@code labtutor-lib.sh}, which learns the flavour from the {@code flavour} file beside it). The daemons are
 * this machine's own in every flavour; what differs is what the learner's commands and the tutor's probes see.
 */
public enum SandboxFlavour {
    /** The document's lab: openEuler 24.03 LTS SP1, dnf, keepalived 2.2.8, firewalld, SELinux. */
    OPENEULER(Family.OPENEULER),
    /** Rocky Linux 9: dnf, el9 packages, keepalived.conf shipped by the package itself. */
    ROCKY9(Family.RHEL),
    /** CentOS 7: yum only, keepalived 1.3.5 (no {@code -t}), iproute2 3.10 (no {@code -j}). */
    CENTOS7(Family.CENTOS7),
    /** Ubuntu 24.04: apt, dpkg, apache2, nfs-kernel-server, ufw, AppArmor (no SELinux tools). */
    UBUNTU(Family.DEBIAN);

    private static final List<String> COMMON =
            List.of("labtutor-lib.sh", "units", "packages", "systemctl", "journalctl", "keepalived-log");
    private static final List<String> RPM_FAMILY =
            List.of("rpm", "getenforce", "setenforce", "firewall-cmd", "httpd", "apachectl");

    private final Family family;

    SandboxFlavour(Family family) {
        this.family = family;
    }

    /** The word of {@code --flavour}, the state file and the stand-ins' {@code flavour} file: the lower-case name. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The course family a host of this flavour is detected as. */
    public Family family() {
        return family;
    }

    /** The distribution as its os-release's PRETTY_NAME says, for summaries: {@code CentOS Linux 7 (Core)}. */
    public String pretty() {
        return HostFiles.osRelease(this).lines().filter(l -> l.startsWith("PRETTY_NAME=")).findFirst()
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).orElse(word());
    }

    /** The flavour named {@code word} (case-insensitive), or an error that lists the flavours. */
    public static SandboxFlavour parse(String word) {
        String w = word.trim().toLowerCase(Locale.ROOT);
        for (SandboxFlavour f : values()) {
            if (f.word().equals(w)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown sandbox flavour '" + word + "'; choose one of " + words());
    }

    /** {@code openeuler, rocky9, centos7, ubuntu}. */
    public static String words() {
        return String.join(", ", Arrays.stream(values()).map(SandboxFlavour::word).toList());
    }

    /**
     * The stand-ins a host of this flavour has in /usr/local/sbin: each target name with the resource under
     * {@code bin/} it is copied from. What is not listed is not there (the machine's own program answers, or none:
     * CentOS 7 has no dnf, Ubuntu no rpm, yum, getenforce or firewall-cmd).
     */
    Map<String, String> standIns() {
        Map<String, String> m = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(COMMON);
        switch (this) {
            case OPENEULER, ROCKY9 -> {
                names.addAll(RPM_FAMILY);
                names.addAll(List.of("dnf", "yum"));
            }
            case CENTOS7 -> {
                names.addAll(RPM_FAMILY);
                names.addAll(List.of("ip", "keepalived"));
                m.put("yum", "dnf");
            }
            case UBUNTU -> names.addAll(List.of("apt-get", "apt", "dpkg-query", "dpkg", "ufw"));
        }
        names.forEach(n -> m.put(n, n));
        return m;
    }
}
