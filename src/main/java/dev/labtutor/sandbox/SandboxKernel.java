package dev.labtutor.sandbox;

import java.util.Locale;

/**
 * Which kernel a sandbox's hosts run on: this machine's own ({@link #MACHINE}, network namespaces here), a distribution
 * kernel in one lightweight VM ({@link #VM}, the same namespaces inside it), or {@link #AUTO}: the machine's kernel
 * when it has everything the course needs (IPVS for the LVS lessons, the NFS server for the NFS lesson), the VM
 * otherwise.
 */
public enum SandboxKernel {
    AUTO, MACHINE, VM;

    /** The word used in state files and messages: {@code auto}, {@code machine}, {@code vm}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SandboxKernel parse(String word) {
        return valueOf(word.trim().toUpperCase(Locale.ROOT));
    }
}
