package dev.labtutor.lab;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A family of lab distributions that share install commands, package and service names, file layout and keepalived
 * generation. The course's text is written for {@link #OPENEULER} (the document's lab); the other families are told
 * and checked in their own terms through {@code family:} variants in the course data, looked up by {@link #keys()}.
 */
public enum Family {
    /** openEuler (the document's lab): dnf, keepalived 2.2, firewalld, SELinux, keepalived.conf.sample shipped. */
    OPENEULER("openeuler", "openEuler", "openEuler"),
    /** Rocky, Alma, RHEL, CentOS Stream 8-9 and the like: dnf, keepalived 2.x, keepalived.conf shipped itself. */
    RHEL("rhel", "RHEL 系（Rocky/Alma 8-9）", "RHEL-like (Rocky/Alma 8-9)"),
    /** CentOS 7 and RHEL 7: yum, keepalived 1.3.5 (no {@code -t}), iproute2 3.10 (no {@code -j}). */
    CENTOS7("centos7", "CentOS 7", "CentOS 7"),
    /** Debian and Ubuntu: apt, apache2, nfs-kernel-server, ufw, AppArmor instead of SELinux. */
    DEBIAN("debian", "Debian/Ubuntu", "Debian/Ubuntu");

    private final String id;
    private final String zh;
    private final String en;

    Family(String id, String zh, String en) {
        this.id = id;
        this.zh = zh;
        this.en = en;
    }

    /** The key course data uses for this family ({@code family: { centos7: ... }}). */
    public String id() {
        return id;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /**
     * The variant keys to look for, most specific first: CentOS 7 takes a {@code rhel} variant when it has none of its
     * own (no {@code .sample} copy, same package names). No key means the course's default text.
     */
    public List<String> keys() {
        return this == CENTOS7 ? List.of("centos7", "rhel") : List.of(id);
    }

    /** The family whose variant key is {@code id}, case-insensitive. */
    public static Optional<Family> byId(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT);
        for (Family f : values()) {
            if (f.id.equals(k)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /**
     * The family of a host from its {@code /etc/os-release} {@code ID}, {@code ID_LIKE} and {@code VERSION_ID}, and
     * the package manager found on it ({@code dnf}, {@code yum}, {@code apt-get}, or empty) when os-release does not
     * say. Empty when nothing tells.
     */
    public static Optional<Family> detect(String id, String idLike, String versionId, String packageManager) {
        String i = id.toLowerCase(Locale.ROOT);
        List<String> like = List.of(idLike.toLowerCase(Locale.ROOT).split("\\s+"));
        String major = versionId.contains(".") ? versionId.substring(0, versionId.indexOf('.')) : versionId;
        if (i.equals("openeuler")) {
            return Optional.of(OPENEULER);
        }
        boolean rhelLike = List
                .of("rhel", "centos", "rocky", "almalinux", "ol", "fedora", "scientific", "anolis", "circle",
                        "eurolinux", "navy", "cloudlinux")
                .contains(i) || like.contains("rhel") || like.contains("fedora") || like.contains("centos");
        if (rhelLike) {
            return Optional.of(major.equals("7") || major.equals("6") ? CENTOS7 : RHEL);
        }
        if (i.equals("debian") || i.equals("ubuntu") || like.contains("debian") || like.contains("ubuntu")) {
            return Optional.of(DEBIAN);
        }
        return switch (packageManager) {
            case "apt-get" -> Optional.of(DEBIAN);
            case "dnf" -> Optional.of(RHEL);
            case "yum" -> Optional.of(CENTOS7);
            default -> Optional.empty();
        };
    }
}
