package dev.labtutor.lab;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Distro} as a JSON object, the same in the progress file and the gradebook: {@code {"id": "centos",
 * "version-id": "7", "name": "CentOS Linux", "package-manager": "yum", "keepalived": "1.3.5", "family": "centos7",
 * "display": "CentOS Linux 7 · keepalived 1.3.5"}} ({@code keepalived} and {@code family} null when not known).
 */
public final class DistroJson {

    private DistroJson() {
    }

    public static Map<String, Object> toMap(Distro d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("version-id", d.versionId());
        m.put("name", d.name());
        m.put("package-manager", d.packageManager());
        m.put("keepalived", d.keepalivedVersion().orElse(null));
        m.put("family", d.family().map(Family::id).orElse(null));
        m.put("display", d.display());
        return m;
    }

    /**
     * The distribution a {@link #toMap} object describes; empty when {@code o} is not such an object (a string field
     * missing or of another type). An unknown family id reads as no family. {@code display} is derived, never read.
     */
    public static Optional<Distro> fromMap(Object o) {
        if (!(o instanceof Map<?, ?> m)) {
            return Optional.empty();
        }
        Object id = m.get("id");
        Object version = m.get("version-id");
        Object name = m.get("name");
        Object pm = m.get("package-manager");
        Object keepalived = m.get("keepalived");
        Object family = m.get("family");
        if (!(id instanceof String i && version instanceof String v && name instanceof String n
                && pm instanceof String p) || keepalived != null && !(keepalived instanceof String)
                || family != null && !(family instanceof String)) {
            return Optional.empty();
        }
        return Optional.of(new Distro(i, v, n, p, Optional.ofNullable((String) keepalived),
                family == null ? Optional.empty() : Family.byId((String) family)));
    }
}
