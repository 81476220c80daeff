package dev.labtutor.check;

import dev.labtutor.check.fact.FileContent;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file exists and contains a text or matches a (multi-line) regular expression. A learner never sees the expression:
 * a pattern for one {@code KEY=VALUE} line (such as {@code ^[ \t]*SELINUX=disabled[ \t]*$}) is told as the setting,
 * naming the line that sets the key ("line 7 has SELINUX=enforcing, expected disabled"); any other pattern is told by
 * {@code expect}, the line the learner should write. Evidence is the deciding line with its number, not the top of the
 * file.
 */
public record FileCheck(String path, boolean exists, Optional<String> contains, Optional<Pattern> matches,
        Optional<String> expect) implements PerHostPrimitive {

    /** {@code KEY=VALUE} as a pattern writes it once the optional blanks around it are taken out. */
    private static final Pattern KEY_VALUE =
            Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)=((?:[A-Za-z0-9_/:,+-]|\\\\\\.)+)");

    /** The key and value a one-line {@code KEY=VALUE} pattern asks for. */
    record Setting(String key, String value) {
    }

    private Probe probe() {
        return Probe.of(Probe.Kind.FILE, path);
    }

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(probe());
    }

    /** The setting {@code p} stands for, when it is {@code ^[ \t]*KEY=VALUE[ \t]*$} or a looser form of it. */
    static Optional<Setting> setting(Pattern p) {
        String s = p.pattern();
        if (!s.startsWith("^")) {
            return Optional.empty();
        }
        s = s.substring(1);
        if (s.endsWith("$") && !s.endsWith("\\$")) {
            s = s.substring(0, s.length() - 1);
        }
        for (String blank : List.of("[ \\t]*", "[\\t ]*", "\\s*", " *")) {
            s = s.replace(blank, "");
        }
        Matcher m = KEY_VALUE.matcher(s);
        return m.matches() ? Optional.of(new Setting(m.group(1), m.group(2).replace("\\.", "."))) : Optional.empty();
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        FileContent f = PerHostPrimitive.fact(host, probe(), FileContent.class);
        String r = host.role();
        List<Evidence> ev =
                List.of(new Evidence(r, path + (f.exists() ? ": " + firstLines(f.content()) : " does not exist")));
        if (!exists) {
            return f.exists()
                    ? Outcome.fail("exists",
                            Text.of(r + " 上的 " + path + " 不应存在", r + ": " + path + " should not exist"), ev)
                    : Outcome.pass(Text.of(r + " 上没有 " + path, r + ": " + path + " does not exist"), ev);
        }
        if (!f.exists()) {
            return Outcome.fail("missing", Text.of(r + " 上没有文件 " + path, r + ": " + path + " does not exist"), ev);
        }
        if (!f.readable()) {
            return Outcome.fail("unreadable", Text.of(r + " 上的 " + path + " 无法读取", r + ": " + path + " cannot be read"),
                    ev);
        }
        List<String> lines = f.content().lines().toList();
        if (contains.isPresent() && !f.content().contains(contains.get())) {
            return Outcome.fail("no-match", Text.of(r + " 上的 " + path + " 中没有 “" + contains.get() + "”",
                    r + ": " + path + " does not contain \"" + contains.get() + "\""), ev);
        }
        if (matches.isPresent()) {
            Optional<Setting> s = setting(matches.get());
            if (s.isPresent()) {
                return judgeSetting(r, lines, s.get());
            }
            Optional<Integer> at = lineOf(lines, matches.get());
            if (at.isEmpty()) {
                String want = expect.orElse("");
                return Outcome.fail("no-match",
                        want.isEmpty()
                                ? Text.of(r + " 上的 " + path + " 内容不符合课程的要求",
                                        r + ": " + path + " does not have what the lesson asks for")
                                : Text.of(r + " 上的 " + path + " 中没有 “" + want + "” 这样的行",
                                        r + ": " + path + " has no line like \"" + want + "\""),
                        ev);
            }
            return Outcome.pass(
                    Text.of(r + " 上的 " + path + " 第 " + at.get() + " 行符合要求",
                            r + ": " + path + " line " + at.get() + " is as expected"),
                    List.of(lineEvidence(r, lines, at.get())));
        }
        return Outcome.pass(Text.of(r + " 上的 " + path + " 符合要求", r + ": " + path + " is as expected"), ev);
    }

    /**
     * Judges a {@code KEY=VALUE} pattern: passes on the line that matches it; else names the first line that sets the
     * key (every such line is evidence), or says that none does.
     */
    private Outcome judgeSetting(String r, List<String> lines, Setting s) {
        Optional<Integer> hit = lineOf(lines, matches.get());
        if (hit.isPresent()) {
            String line = lines.get(hit.get() - 1).strip();
            return Outcome.pass(
                    Text.of(r + " 上的 " + path + " 第 " + hit.get() + " 行是 " + line,
                            r + ": " + path + " line " + hit.get() + " has " + line),
                    List.of(lineEvidence(r, lines, hit.get())));
        }
        Pattern sets = Pattern.compile("^\\s*" + Pattern.quote(s.key()) + "\\s*=");
        List<Integer> setting = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (sets.matcher(lines.get(i)).find()) {
                setting.add(i + 1);
            }
        }
        if (setting.isEmpty()) {
            return Outcome.fail("no-match",
                    Text.of(r + " 上的 " + path + " 中没有 " + s.key() + "= 这一行，应为 " + s.key() + "=" + s.value(),
                            r + ": " + path + " has no " + s.key() + "= line, expected " + s.key() + "=" + s.value()),
                    List.of(new Evidence(r, path + ": no " + s.key() + "= line")));
        }
        int first = setting.get(0);
        String line = lines.get(first - 1).strip();
        return Outcome.fail("no-match",
                Text.of(r + " 上的 " + path + " 第 " + first + " 行是 " + line + "，应为 " + s.value(),
                        r + ": " + path + " line " + first + " has " + line + ", expected " + s.value()),
                setting.stream().map(n -> lineEvidence(r, lines, n)).toList());
    }

    /** The number (from 1) of the first line the multi-line pattern matches in. */
    private static Optional<Integer> lineOf(List<String> lines, Pattern p) {
        String text = String.join("\n", lines);
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of((int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1);
    }

    private Evidence lineEvidence(String r, List<String> lines, int n) {
        return new Evidence(r, path + ":" + n + ": " + lines.get(n - 1).strip());
    }

    private static String firstLines(String s) {
        String t = s.strip();
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }
}
