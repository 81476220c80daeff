package dev.labtutor.progress;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which lab a progress file belongs to: the lab file's absolute path and its hosts (role to
 * {@code user@address:port}). Progress is kept per course and lab, so a learner with two labs
 * (the sandbox and the classroom VMs) has two records. {@code file} is empty without a lab file.
 */
public record LabKey(String file, Map<String, String> hosts) {

    public static final LabKey NONE = new LabKey("", Map.of());

    public LabKey {
        hosts = java.util.Collections.unmodifiableMap(new TreeMap<>(hosts));
    }

    /*
     * equals and hashCode are written out: a record's own are bootstrapped through
     * invokedynamic the first time they run, and the progress store compares lab keys before
     * the tutor's first screen (20 to 40 ms of CPU there; docs/startup.md).
     */

    @Override
    public boolean equals(Object o) {
        return o instanceof LabKey k && file.equals(k.file) && hosts.equals(k.hosts);
    }

    @Override
    public int hashCode() {
        return 31 * file.hashCode() + hosts.hashCode();
    }

    /**
     * A short stable name for file names: 64-bit FNV-1a over the path and hosts, as 16 hex digits
     * (not a security measure, only a name; it spares the first screen the start-up of a
     * cryptographic provider).
     */
    public String id() {
        if (file.isEmpty() && hosts.isEmpty()) {
            return "no-lab";
        }
        StringBuilder sb = new StringBuilder(file);
        hosts.forEach((k, v) -> sb.append('\n').append(k).append('=').append(v));
        long h = 0xcbf29ce484222325L;
        for (byte b : sb.toString().getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
