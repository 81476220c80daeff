package dev.labtutor.check.fact;

import java.util.List;
import java.util.Optional;

/**
 * An NFS server's exports: what is exported now ({@code exportfs -v}, empty when exportfs is not installed or failed:
 * see {@code exportfsError}), what the export files say, and whether this kernel can serve NFS at all.
 */
public record NfsExports(boolean exportfsInstalled, Optional<String> exportfsError, boolean nfsdAvailable,
        List<Export> active, List<Export> configured) implements Fact {

    /**
     * One exported path with its clients; {@code file}/{@code line} say where it was written (empty for active ones).
     */
    public record Export(String path, List<Client> clients, String file, int line) {
        public Export {
            clients = List.copyOf(clients);
        }
    }

    /** A client spec ({@code 10.0.0.21}, {@code 10.0.0.0/24}, {@code *}, a host name) and its options. */
    public record Client(String spec, String options) {
    }

    public NfsExports {
        active = List.copyOf(active);
        configured = List.copyOf(configured);
    }
}
