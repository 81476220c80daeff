package dev.labtutor.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The hosts of the course's lab. Each role has a fixed last address octet in the sandbox subnet, so a learner who has
 * seen {@code lb01} at {@code .11} once finds it there in every sandbox.
 */
public enum SandboxRole {
    LB01("lb01", 11), LB02("lb02", 12), WEB01("web01", 21), WEB02("web02", 22), NFS_SERVER("nfs-server", 31);

    private final String id;
    private final int hostOctet;

    SandboxRole(String id, int hostOctet) {
        this.id = id;
        this.hostOctet = hostOctet;
    }

    /** The role name used in lab files, hostnames and messages, e.g. {@code nfs-server}. */
    public String id() {
        return id;
    }

    int hostOctet() {
        return hostOctet;
    }

    /** @throws IllegalArgumentException naming the known roles when {@code s} is none of them */
    public static SandboxRole parse(String s) {
        String want = s.trim().toLowerCase(Locale.ROOT);
        for (SandboxRole r : values()) {
            if (r.id.equals(want)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown sandbox host '" + s + "' (known: " + known() + ")");
    }

    static String known() {
        return Arrays.stream(values()).map(SandboxRole::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
