package dev.labtutor.check;

import dev.labtutor.check.fact.FileContent;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** A file exists and contains a text or matches a (multi-line) regular expression. */
public record FileCheck(String path, boolean exists, Optional<String> contains, Optional<Pattern> matches)
        implements PerHostPrimitive {

    private Probe probe() {
        return Probe.of(Probe.Kind.FILE, path);
    }

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(probe());
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        FileContent f = PerHostPrimitive.fact(host, probe(), FileContent.class);
        String r = host.role();
        List<Evidence> ev = List.of(new Evidence(r, path + (f.exists() ? ": " + firstLines(f.content()) : " does not exist")));
        if (!exists) {
            return f.exists()
                    ? Outcome.fail("exists", Text.of(r + " 上的 " + path + " 不应存在", r + ": " + path + " should not exist"), ev)
                    : Outcome.pass(Text.of(r + " 上没有 " + path, r + ": " + path + " does not exist"), ev);
        }
        if (!f.exists()) {
            return Outcome.fail("missing", Text.of(r + " 上没有文件 " + path, r + ": " + path + " does not exist"), ev);
        }
        if (!f.readable()) {
            return Outcome.fail("unreadable", Text.of(r + " 上的 " + path + " 无法读取", r + ": " + path + " cannot be read"), ev);
        }
        if (contains.isPresent() && !f.content().contains(contains.get())) {
            return Outcome.fail("no-match", Text.of(r + " 上的 " + path + " 中没有 “" + contains.get() + "”",
                    r + ": " + path + " does not contain \"" + contains.get() + "\""), ev);
        }
        if (matches.isPresent() && !matches.get().matcher(f.content()).find()) {
            return Outcome.fail("no-match", Text.of(r + " 上的 " + path + " 内容不符合要求（" + matches.get().pattern() + "）",
                    r + ": " + path + " does not match " + matches.get().pattern()), ev);
        }
        return Outcome.pass(Text.of(r + " 上的 " + path + " 符合要求", r + ": " + path + " is as expected"), ev);
    }

    private static String firstLines(String s) {
        String t = s.strip();
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }
}
