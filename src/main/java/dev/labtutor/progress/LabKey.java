package dev.labtutor.progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** A short stable name for file names: the first 12 hex digits of SHA-256 over path and hosts. */
    public String id() {
        if (file.isEmpty() && hosts.isEmpty()) {
            return "no-lab";
        }
        StringBuilder sb = new StringBuilder(file);
        hosts.forEach((k, v) -> sb.append('\n').append(k).append('=').append(v));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
