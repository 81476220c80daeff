package dev.labtutor.check;

import dev.labtutor.check.fact.LogLines;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A unit's recent log has a line containing a text or matching a pattern. With {@code sinceLast} set, only lines after
 * the last line containing that text count (for keepalived: since its last start, so an old mistake already fixed is
 * not held against you).
 */
public record LogCheck(String unit, Optional<String> contains, Optional<Pattern> matches,
        Optional<String> sinceLast) implements PerHostPrimitive {

    private Probe probe() {
        return Probe.of(Probe.Kind.LOG, unit);
    }

    @Override
    public Set<Probe> hostProbes() {
        return Set.of(probe());
    }

    /**
     * ERROR when {@code role} has no log to read at all (no journal, no messages or syslog file): nothing can be
     * judged.
     */
    static Optional<Outcome> noSource(String role, LogLines log) {
        if (!log.source().equals("none")) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(Status.ERROR, "log-unavailable",
                Text.of("无法读取 " + role + " 上 " + log.unit() + " 的日志：没有 journal，也没有 /var/log/messages 或 /var/log/syslog",
                        "cannot read the " + log.unit() + " log on " + role
                                + ": no journal and no /var/log/messages or /var/log/syslog"),
                List.of(new Evidence(role, "no log source"))));
    }

    @Override
    public Outcome evaluateHost(HostFacts host) {
        LogLines log = PerHostPrimitive.fact(host, probe(), LogLines.class);
        Optional<Outcome> none = noSource(host.role(), log);
        if (none.isPresent()) {
            return none.get();
        }
        List<String> lines = log.lines();
        if (sinceLast.isPresent()) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).contains(sinceLast.get())) {
                    lines = lines.subList(i, lines.size());
                    break;
                }
            }
        }
        String r = host.role();
        String what = contains.orElseGet(() -> matches.map(Pattern::pattern).orElse(""));
        Optional<String> hit = lines.stream().filter(
                l -> contains.map(l::contains).orElse(true) && matches.map(p -> p.matcher(l).find()).orElse(true))
                .reduce((a, b) -> b);
        if (hit.isPresent()) {
            return Outcome.pass(Text.of(r + " 的日志中有 “" + what + "”", r + ": the log shows \"" + what + "\""),
                    List.of(new Evidence(r, hit.get())));
        }
        return Outcome.fail("not-logged",
                Text.of(r + " 的 " + unit + " 日志中没有 “" + what + "”",
                        r + ": the " + unit + " log has no \"" + what + "\""),
                List.of(new Evidence(r, log.source() + ": " + lines.size() + " lines searched")));
    }
}
