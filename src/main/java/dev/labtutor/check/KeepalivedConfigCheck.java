package dev.labtutor.check;

import dev.labtutor.check.fact.ConfigFiles;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import dev.labtutor.keepalived.Diagnostic;
import dev.labtutor.keepalived.ParseResult;
import dev.labtutor.keepalived.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * keepalived.conf on the host is valid as keepalived 2.2 reads it: no diagnostic that keepalived
 * itself would print, and none of the tutor warnings listed in {@code deny}. The cause is the
 * first problem's code, so the hint can explain that exact mistake.
 */
public record KeepalivedConfigCheck(String path, Set<String> deny) implements PerHostPrimitive {

    public KeepalivedConfigCheck {
        deny = Set.copyOf(deny);
    }

    @Override
    public Set<Probe> hostProbes() {
        return KeepalivedFiles.hostProbes(path);
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        String r = host.role();
        Optional<ParseResult> parsed = KeepalivedFiles.parsed(host, path);
        if (parsed.isEmpty()) {
            return KeepalivedFiles.missing(r, path);
        }
        ParseResult res = parsed.get();
        List<Diagnostic> bad = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        for (Diagnostic d : res.diagnostics()) {
            if (d.severity() == Severity.ERROR || deny.contains(d.code())) {
                bad.add(d);
            } else if (d.severity() == Severity.WARNING) {
                warnings.add(d);
            }
        }
        List<Evidence> ev = new ArrayList<>();
        for (Diagnostic d : res.diagnostics()) {
            ev.add(new Evidence(r, d.file() + ":" + d.line() + ": " + d.severity().name().toLowerCase(java.util.Locale.ROOT)
                    + ": [" + d.code() + "] " + d.text().en()));
        }
        ConfigFiles files = PerHostPrimitive.fact(host, KeepalivedFiles.probe(path), ConfigFiles.class);
        for (String missing : files.unmatchedIncludes()) {
            ev.add(new Evidence(r, "include " + missing + " matched no file"));
        }
        if (!bad.isEmpty()) {
            Diagnostic first = bad.get(0);
            String more = bad.size() > 1 ? "（另有 " + (bad.size() - 1) + " 处）" : "";
            String moreEn = bad.size() > 1 ? " (and " + (bad.size() - 1) + " more)" : "";
            return Outcome.fail(first.code(), Text.of(
                    r + " " + first.file() + " 第 " + first.line() + " 行：" + first.text().zh() + more,
                    r + " " + first.file() + ":" + first.line() + ": " + first.text().en() + moreEn), ev);
        }
        if (!warnings.isEmpty()) {
            Diagnostic w = warnings.get(0);
            return Outcome.pass(Text.of(r + " 的 " + path + " 没有错误（提醒：第 " + w.line() + " 行 " + w.text().zh() + "）",
                    r + ": " + path + " has no errors (note, line " + w.line() + ": " + w.text().en() + ")"), ev);
        }
        return Outcome.pass(Text.of(r + " 的 " + path + " 没有错误", r + ": " + path + " has no errors"), ev);
    }
}
