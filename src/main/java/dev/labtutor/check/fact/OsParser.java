package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OS: the sections {@code labtutor:os-release} (os-release lines, {@code KEY=value} with optional quotes),
 * {@code labtutor:pm} (one package manager a line) and {@code labtutor:keepalived} ({@code keepalived -v}'s first
 * lines: {@code Keepalived v1.3.5 (03/19,2017), git commit v1.3.5-6-g6fa32f2} or {@code Keepalived v2.2.7
 * (01/16,2022)}). A host without os-release and without a known package manager still parses, with no family.
 */
final class OsParser {

    private static final Pattern VERSION = Pattern.compile("Keepalived v([0-9]+(?:\\.[0-9]+){1,3})");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9 ._()/,:+~-]{0,80}");

    private OsParser() {
    }

    static OsRelease parse(ProbeOutput out) throws Unparseable {
        String section = "";
        Map<String, String> release = new HashMap<>();
        String pm = "";
        Optional<String> keepalived = Optional.empty();
        boolean any = false;
        for (String line : Lines.of(out.stdout())) {
            switch (line) {
                case "labtutor:os-release", "labtutor:pm", "labtutor:keepalived" -> {
                    section = line;
                    any = true;
                    continue;
                }
                default -> {
                }
            }
            switch (section) {
                case "labtutor:os-release" -> keyValue(line, release);
                case "labtutor:pm" -> {
                    if (pm.isEmpty() && List.of("dnf", "yum", "apt-get").contains(line.trim())) {
                        pm = line.trim();
                    }
                }
                case "labtutor:keepalived" -> {
                    Matcher m = VERSION.matcher(line);
                    if (keepalived.isEmpty() && m.find()) {
                        keepalived = Optional.of(m.group(1));
                    }
                }
                default -> {
                }
            }
        }
        if (!any) {
            throw new Unparseable("the OS probe printed none of its sections");
        }
        String id = release.getOrDefault("ID", "");
        String versionId = release.getOrDefault("VERSION_ID", "");
        Optional<Family> family = Family.detect(id, release.getOrDefault("ID_LIKE", ""), versionId, pm);
        return new OsRelease(new Distro(id, versionId, release.getOrDefault("NAME", ""), pm, keepalived, family));
    }

    /**
     * One os-release assignment, quotes removed. Values a host could make up to hurt a screen (control characters,
     * markup, anything long) are dropped: a distribution's name is short plain text.
     */
    private static void keyValue(String line, Map<String, String> into) {
        int eq = line.indexOf('=');
        if (eq <= 0 || line.startsWith("#")) {
            return;
        }
        String key = line.substring(0, eq).trim();
        String v = line.substring(eq + 1).trim();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1);
        }
        if (VALUE.matcher(v).matches()) {
            into.putIfAbsent(key, v);
        }
    }
}
