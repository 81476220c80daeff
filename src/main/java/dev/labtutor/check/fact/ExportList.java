package dev.labtutor.check.fact;

import java.util.List;
import java.util.Optional;

/**
 * What {@code showmount -e SERVER} printed on a client: the exported paths with their client lists, or why it failed
 * ({@code error}, e.g. "clnt_create: RPC: Program not registered").
 */
public record ExportList(String server, boolean installed, Optional<String> error,
        List<NfsExports.Export> exports) implements Fact {

    public ExportList {
        exports = List.copyOf(exports);
    }
}
