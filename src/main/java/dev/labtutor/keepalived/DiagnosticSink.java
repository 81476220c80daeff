package dev.labtutor.keepalived;

import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.List;

/** Collects diagnostics while a configuration is read; shared by the reader and the parser. */
final class DiagnosticSink {

    private final List<Diagnostic> list = new ArrayList<>();
    private final java.util.Set<String> seen = new java.util.HashSet<>();

    void error(String file, int line, String code, String zh, String en) {
        add(file, line, code, Severity.ERROR, zh, en);
    }

    void warning(String file, int line, String code, String zh, String en) {
        add(file, line, code, Severity.WARNING, zh, en);
    }

    void info(String file, int line, String code, String zh, String en) {
        add(file, line, code, Severity.INFO, zh, en);
    }

    void add(String file, int line, String code, Severity severity, String zh, String en) {
        if (list.size() < 10_000 && seen.add(file + '\0' + line + '\0' + code + '\0' + en)) {
            list.add(new Diagnostic(file, line, code, severity, Text.of(zh, en)));
        }
    }

    boolean has(String file, int line, String code) {
        for (int i = list.size() - 1; i >= 0 && i >= list.size() - 20; i--) {
            Diagnostic d = list.get(i);
            if (d.line() == line && d.code().equals(code) && d.file().equals(file)) {
                return true;
            }
        }
        return false;
    }

    void removeIf(java.util.function.Predicate<Diagnostic> drop) {
        list.removeIf(drop);
    }

    /** Ends every diagnostic's text with the rules it was found under. */
    void markRules(KeepalivedRules rules) {
        list.replaceAll(d -> new Diagnostic(d.file(), d.line(), d.code(), d.severity(),
                Text.of(d.text().zh() + "（" + rules.zh() + "）", d.text().en() + " (" + rules.en() + ")")));
    }

    List<Diagnostic> all() {
        return list;
    }
}
