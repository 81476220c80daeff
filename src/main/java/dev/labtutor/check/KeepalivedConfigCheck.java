package dev.labtutor.check;

import dev.labtutor.check.fact.ConfigFiles;
import dev.labtutor.i18n.Sentences;
import dev.labtutor.i18n.Text;
import dev.labtutor.keepalived.Diagnostic;
import dev.labtutor.keepalived.KeepalivedRules;
import dev.labtutor.keepalived.ParseResult;
import dev.labtutor.keepalived.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * keepalived.conf on the host is valid as its keepalived reads it (2.2, or 1.3.5 where the host runs it, see
 * {@link KeepalivedFiles#rules}; the verdict then says so): no diagnostic that keepalived itself would print,
 * and none of the tutor warnings listed in {@code deny}. The cause is the first problem's code, so the hint can explain
 * that exact mistake. Codes in {@code advisory} (course data: things {@code keepalived -t} reports but that run fine,
 * such as {@code vrrp_garp_interval 0} from the official sample) and tutor warnings never fail the check: they become
 * notes under its verdict.
 */
public record KeepalivedConfigCheck(String path, Set<String> deny,
        Set<String> advisory) implements KeepalivedConfigPrimitive {

    public KeepalivedConfigCheck {
        deny = Set.copyOf(deny);
        advisory = Set.copyOf(advisory);
    }

    @Override
    public Outcome judge(HostFacts host, ParseResult res) {
        String r = host.role();
        List<Diagnostic> bad = new ArrayList<>();
        List<Text> notes = new ArrayList<>();
        for (Diagnostic d : res.diagnostics()) {
            if (deny.contains(d.code()) || (d.severity() == Severity.ERROR && !advisory.contains(d.code()))) {
                bad.add(d);
            } else if (d.severity() == Severity.ERROR) {
                notes.add(Text.of(
                        r + " " + d.file() + " 第 " + d.line() + " 行（提醒，不影响通过）：" + d.text().zh()
                                + " keepalived -t 会报告这一项，但 keepalived 照常运行。",
                        r + " " + d.file() + ":" + d.line() + " (advisory, does not block): " + d.text().en()
                                + " keepalived -t reports this, yet keepalived runs fine."));
            } else if (d.severity() == Severity.WARNING) {
                notes.add(Text.of(r + " " + d.file() + " 第 " + d.line() + " 行（提醒）：" + d.text().zh(),
                        r + " " + d.file() + ":" + d.line() + " (note): " + d.text().en()));
            }
        }
        List<Evidence> ev = new ArrayList<>();
        for (Diagnostic d : res.diagnostics()) {
            ev.add(new Evidence(r,
                    d.file() + ":" + d.line() + ": " + d.severity().name().toLowerCase(java.util.Locale.ROOT)
                            + (advisory.contains(d.code()) ? " (advisory)" : "") + ": [" + d.code() + "] "
                            + d.text().en()));
        }
        ConfigFiles files = PerHostPrimitive.fact(host, KeepalivedFiles.probe(path), ConfigFiles.class);
        KeepalivedFiles.Rules rules = KeepalivedFiles.rules(host, files.mainPath());
        if (rules.rules() != KeepalivedRules.V2_2) {
            notes.add(0, Text.of(r + "：" + rules.rules().zh() + "检查，" + rules.why().zh(),
                    r + ": checked by " + rules.rules().en() + "; " + rules.why().en()));
            ev.add(new Evidence(r, "rules: " + rules.rules().en()));
        }
        for (String missing : files.unmatchedIncludes()) {
            ev.add(new Evidence(r, "include " + missing + " matched no file"));
        }
        if (!bad.isEmpty()) {
            Diagnostic first = bad.get(0);
            List<Text> said = new ArrayList<>();
            said.add(Text.of(r + " " + first.file() + " 第 " + first.line() + " 行：" + first.text().zh(),
                    r + " " + first.file() + ":" + first.line() + ": " + first.text().en()));
            for (Diagnostic d : bad.subList(1, bad.size())) {
                said.add(Text.of("第 " + d.line() + " 行：" + d.text().zh(), "line " + d.line() + ": " + d.text().en()));
            }
            return Outcome.fail(first.code(), Sentences.join(said), ev).withNotes(notes);
        }
        if (rules.rules() != KeepalivedRules.V2_2) {
            notes.remove(0);
        }
        Text suffix = rules.suffix();
        return Outcome.pass(
                Text.of(r + " 的 " + path + " 没有错误" + suffix.zh(), r + ": " + path + " has no errors" + suffix.en()), ev)
                .withNotes(notes);
    }
}
