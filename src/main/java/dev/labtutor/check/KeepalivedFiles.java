package dev.labtutor.check;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.fact.ConfigFiles;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import dev.labtutor.keepalived.IncludeResolver;
import dev.labtutor.keepalived.KeepalivedParser;
import dev.labtutor.keepalived.ParseOptions;
import dev.labtutor.keepalived.ParseResult;
import dev.labtutor.keepalived.Source;
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

    /** What a per-host keepalived primitive probes: the config files and the host's interfaces. */
    static java.util.Set<Probe> hostProbes(String path) {
        return java.util.Set.of(probe(path), AddressCheck.ADDRESSES);
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
        ParseOptions options = ParseOptions.defaults();
        if (host.fact(AddressCheck.ADDRESSES) instanceof Addresses a) {
            Set<String> names = a.interfaces().stream().map(Addresses.Iface::name).collect(Collectors.toSet());
            options = options.withHostInterfaces(names);
        }
        String main = files.files().getOrDefault(files.mainPath(), "");
        return KeepalivedParser.parse(new Source(files.mainPath(), main), IncludeResolver.fromFiles(files.files()),
                options);
    }
}
