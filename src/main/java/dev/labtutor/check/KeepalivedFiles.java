package dev.labtutor.check;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.fact.ConfigFiles;
import dev.labtutor.check.fact.KeepalivedTest;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import dev.labtutor.keepalived.IncludeResolver;
import dev.labtutor.keepalived.KeepalivedParser;
import dev.labtutor.keepalived.KeepalivedRules;
import dev.labtutor.keepalived.ParseOptions;
import dev.labtutor.keepalived.ParseResult;
import dev.labtutor.keepalived.Source;
import dev.labtutor.lab.Distro;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses a keepalived configuration fetched from a host, with its include files resolved from what was fetched, and the
 * host's interfaces known (so an "interface" copied from the source document that this host does not have is reported).
 */
final class KeepalivedFiles {

    private KeepalivedFiles() {
    }

    static Probe probe(String path) {
        return Probe.of(Probe.Kind.KEEPALIVED_CONFIG, path);
    }

    /**
     * What a per-host keepalived primitive probes: the config files, the host's interfaces and its distribution (whose
     * keepalived version chooses the grammar, see {@link #rules}).
     */
    static java.util.Set<Probe> hostProbes(String path) {
        return java.util.Set.of(probe(path), AddressCheck.ADDRESSES, HostFacts.OS);
    }

    /** The probes without which nothing can be judged; the OS probe only chooses the rules. */
    static java.util.Set<Probe> requiredProbes(String path) {
        return java.util.Set.of(probe(path), AddressCheck.ADDRESSES);
    }

    /**
     * Which keepalived's grammar applies on this host, and why: keepalived that answered {@code -t} with "invalid
     * option" (a 1.x, when the round ran {@code keepalived -t}), else the version the OS probe detected (a CentOS 7
     * family without a detected version counts as 1.3.5), else keepalived 2.2, the course document's. Empty reason
     * for the default.
     */
    static Rules rules(HostFacts host, String path) {
        if (host.fact(Probe.of(Probe.Kind.KEEPALIVED_TEST, path)) instanceof KeepalivedTest t && t.untested()) {
            return new Rules(KeepalivedRules.V1_3_5, Text.of(
                    "这台主机的 keepalived 没有 -t（keepalived -t 只回答 invalid option，什么也没检查），由 labtutor 检查",
                    "this host's keepalived has no -t (keepalived -t only answers invalid option and tests nothing), so labtutor checked it"));
        }
        java.util.Optional<Distro> d = host.distro();
        if (d.isPresent()) {
            java.util.Optional<String> v = d.get().keepalivedVersion();
            KeepalivedRules r = d.get().keepalived1() ? KeepalivedRules.V1_3_5 : KeepalivedRules.V2_2;
            if (r == KeepalivedRules.V1_3_5) {
                String what = v.map(x -> "keepalived " + x).orElse(d.get().display());
                return new Rules(r, Text.of("这台主机运行 " + what + "，它没有 keepalived -t，由 labtutor 检查",
                        "this host runs " + what + ", which has no keepalived -t, so labtutor checked it"));
            }
            return new Rules(r, Text.of("", ""));
        }
        return new Rules(KeepalivedRules.V2_2, Text.of("", ""));
    }

    /** The grammar chosen for a host and, for 1.3.5, the reason (empty text for 2.2). */
    record Rules(KeepalivedRules rules, Text why) {

        /** "（按 keepalived 1.3.5 的规则：why）" after a verdict, or nothing under 2.2's rules. */
        Text suffix() {
            if (rules == KeepalivedRules.V2_2) {
                return Text.of("", "");
            }
            return Text.of("（" + rules.zh() + "：" + why.zh() + "）", " (" + rules.en() + ": " + why.en() + ")");
        }
    }

    /** The config at {@code path} on the host, parsed; empty when the main file does not exist. */
    static java.util.Optional<ParseResult> parsed(HostFacts host, String path) {
        ConfigFiles files = PerHostPrimitive.fact(host, probe(path), ConfigFiles.class);
        return files.mainExists() ? java.util.Optional.of(parse(host, files)) : java.util.Optional.empty();
    }

    /** The FAIL for a host whose main config file does not exist. */
    static Outcome missing(String role, String path) {
        return Outcome.fail("missing", Text.of(role + " 上没有 " + path, role + ": " + path + " does not exist"),
                List.of(new Evidence(role, path + " does not exist")));
    }

    static ParseResult parse(HostFacts host, ConfigFiles files) {
        ParseOptions options = ParseOptions.defaults().withRules(rules(host, files.mainPath()).rules());
        if (host.fact(AddressCheck.ADDRESSES) instanceof Addresses a) {
            Set<String> names = a.interfaces().stream().map(Addresses.Iface::name).collect(Collectors.toSet());
            options = options.withHostInterfaces(names);
        }
        String main = files.files().getOrDefault(files.mainPath(), "");
        return KeepalivedParser.parse(new Source(files.mainPath(), main), IncludeResolver.fromFiles(files.files()),
                options);
    }
}
