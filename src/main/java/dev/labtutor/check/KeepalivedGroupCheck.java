package dev.labtutor.check;

import dev.labtutor.check.fact.ConfigFiles;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import dev.labtutor.keepalived.Finding;
import dev.labtutor.keepalived.GroupConsistency;
import dev.labtutor.keepalived.KeepalivedConfig;
import dev.labtutor.keepalived.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keepalived configs of a group of hosts agree (same VRID, password, advert interval and VIPs; distinct priorities
 * with the MASTER highest; ...). {@code aspect} narrows the check to one kind of finding ({@code vrid} keeps
 * {@code group-vrid-*}), which cause rules use to name exactly why a split brain happened.
 */
public record KeepalivedGroupCheck(String path, Optional<String> aspect) implements GroupPrimitive {

    @Override
    public Map<String, Set<Probe>> probes(List<String> on) {
        Map<String, Set<Probe>> m = new LinkedHashMap<>();
        on.forEach(r -> m.put(r, KeepalivedFiles.hostProbes(path)));
        return m;
    }

    @Override
    public Outcome evaluate(List<String> on, RoundFacts facts) {
        Map<String, KeepalivedConfig> configs = new LinkedHashMap<>();
        List<Evidence> ev = new ArrayList<>();
        for (String role : on) {
            Optional<Outcome> unusable = facts.unusable(role, KeepalivedFiles.probe(path));
            if (unusable.isPresent()) {
                return unusable.get();
            }
            HostFacts hf = facts.host(role).orElseThrow();
            ConfigFiles files = (ConfigFiles) hf.fact(KeepalivedFiles.probe(path));
            if (!files.mainExists()) {
                return KeepalivedFiles.missing(role, path);
            }
            configs.put(role, KeepalivedFiles.parse(hf, files).config());
        }
        List<Finding> findings = GroupConsistency.check(configs).stream().filter(x -> x.severity() == Severity.ERROR)
                .filter(x -> aspect.map(a -> x.code().startsWith("group-" + a + "-") || x.code().equals("group-" + a))
                        .orElse(true))
                .toList();
        for (Finding x : GroupConsistency.check(configs)) {
            ev.add(new Evidence(x.hostA() + "/" + x.hostB(), x.format(dev.labtutor.i18n.Lang.EN)));
        }
        if (findings.isEmpty()) {
            return Outcome.pass(Text.of(String.join("、", on) + " 的 VRRP 配置一致",
                    "the VRRP settings of " + String.join(", ", on) + " agree"), ev);
        }
        Finding first = findings.get(0);
        return Outcome.fail(first.code(),
                Text.of(first.hostA() + " " + first.fileA() + ":" + first.lineA() + " 与 " + first.hostB() + " "
                        + first.fileB() + ":" + first.lineB() + "：" + first.text().zh(),
                        first.hostA() + " " + first.fileA() + ":" + first.lineA() + " vs " + first.hostB() + " "
                                + first.fileB() + ":" + first.lineB() + ": " + first.text().en()),
                ev);
    }
}
