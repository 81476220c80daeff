package dev.labtutor.progress;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which lab a progress file belongs to: the lab file's absolute path and its hosts (role to {@code user@address:port}).
 * Progress is kept per course and lab, so a learner with two labs (the sandbox and the classroom VMs) has two records.
 * {@code file} is empty without a lab file.
 *
 * <p>The lab is the file and its roles ({@link #id}, {@link #sameLab}); the addresses are only recorded, so that fixing
 * a typo in an address keeps the progress, and a lab whose hosts all moved can be told apart ({@link #movedRoles}).
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

    /** True when {@code other} is the same lab: the same lab file with the same roles, whatever their addresses. */
    public boolean sameLab(LabKey other) {
        return file.equals(other.file) && hosts.keySet().equals(other.hosts.keySet());
    }

    /**
     * The roles whose address differs in {@code other}, in role order (a changed user or port alone does not count).
     */
    public List<String> movedRoles(LabKey other) {
        List<String> moved = new ArrayList<>();
        hosts.forEach((role, at) -> {
            String there = other.hosts.get(role);
            if (there != null && !address(at).equals(address(there))) {
                moved.add(role);
            }
        });
        return moved;
    }

    /** The address of {@code user@address:port}. */
    private static String address(String host) {
        int at = host.lastIndexOf('@');
        int colon = host.lastIndexOf(':');
        return host.substring(at + 1, colon > at ? colon : host.length());
    }

    /**
     * A short stable name for file names: 64-bit FNV-1a over the path and the roles, as 16 hex digits (not a security
     * measure, only a name; it spares the first screen the start-up of a cryptographic provider).
     */
    public String id() {
        if (file.isEmpty() && hosts.isEmpty()) {
            return "no-lab";
        }
        StringBuilder sb = new StringBuilder(file).append("\nroles");
        hosts.keySet().forEach(k -> sb.append('\n').append(k));
        return fnv(sb.toString());
    }

    private static String fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
