package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.List;

/**
 * PACKAGE: {@code rpm -q} (prints name-version-release.arch, or "package X is not installed" with exit 1),
 * {@code dpkg-query -W -f='${Status} ${Version}\n'} (installed only when the status' third word is {@code installed};
 * unknown packages exit 1), or {@code command -v}.
 */
final class PackageParser {

    private PackageParser() {
    }

    static PackageState parse(String name, ProbeOutput out) throws Unparseable {
        String via = Lines.tagValue(out.stdout(), "labtutor:via")
                .orElseThrow(() -> new Unparseable("package probe printed no tool tag"));
        List<String> lines =
                Lines.of(out.stdout()).stream().filter(l -> !l.startsWith("labtutor:") && !l.isBlank()).toList();
        String first = lines.isEmpty() ? "" : lines.get(0).trim();
        return switch (via) {
            case "rpm" -> rpm(name, out, first);
            case "dpkg" -> dpkg(name, out, first);
            case "path" -> new PackageState(name, out.exitCode() == 0 && !first.isEmpty(), "", "path");
            default -> throw new Unparseable("unknown package tool tag '" + via + "'");
        };
    }

    private static PackageState rpm(String name, ProbeOutput out, String first) throws Unparseable {
        if (out.exitCode() != 0) {
            if (first.contains("is not installed") || out.stderr().contains("is not installed")) {
                return new PackageState(name, false, "", "rpm");
            }
            throw new Unparseable(
                    "rpm -q failed (exit " + out.exitCode() + "): " + Lines.firstNonBlank(out.stderr() + "\n" + first));
        }
        String version = first.startsWith(name + "-") ? first.substring(name.length() + 1) : first;
        return new PackageState(name, true, version, "rpm");
    }

    private static PackageState dpkg(String name, ProbeOutput out, String first) throws Unparseable {
        if (out.exitCode() != 0) {
            if (out.stderr().contains("no packages found")) {
                return new PackageState(name, false, "", "dpkg");
            }
            throw new Unparseable(
                    "dpkg-query failed (exit " + out.exitCode() + "): " + Lines.firstNonBlank(out.stderr()));
        }
        String[] words = first.split("\\s+", 4);
        if (words.length < 3) {
            throw new Unparseable("unexpected dpkg-query status: " + first);
        }
        boolean installed = words[2].equals("installed");
        return new PackageState(name, installed, installed && words.length == 4 ? words[3] : "", "dpkg");
    }
}
