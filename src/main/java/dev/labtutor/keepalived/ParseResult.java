package dev.labtutor.keepalived;

import java.util.List;

/** The effective configuration and every diagnostic, in file order of discovery. */
public record ParseResult(KeepalivedConfig config, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).toList();
    }

    /** Diagnostics with this code, for tests and course checks. */
    public List<Diagnostic> withCode(String code) {
        return diagnostics.stream().filter(d -> d.code().equals(code)).toList();
    }
}
