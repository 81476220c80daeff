package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SYSCTL_CONF: files after {@code labtutor:sysctl-file PATH} lines. Precedence as sysctl.d(5): among *.conf files of
 * the directories, the first directory listed wins for a file name; the surviving files are applied in file-name order,
 * and /etc/sysctl.conf last. Keys written with slashes ({@code net/ipv4/conf/all/arp_ignore}) are the same keys as
 * dotted ones; a leading {@code -} (ignore failures) is dropped.
 */
final class PersistedSysctlsParser {

    private PersistedSysctlsParser() {
    }

    static PersistedSysctls parse(ProbeOutput out) {
        Map<String, String> byPath = new LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : out.stdout().split("\n", -1)) {
            if (line.startsWith("labtutor:sysctl-file ")) {
                if (current != null) {
                    byPath.put(current, body.toString());
                }
                current = line.substring("labtutor:sysctl-file ".length()).trim();
                body.setLength(0);
            } else if (current != null) {
                body.append(line).append('\n');
            }
        }
        if (current != null) {
            byPath.put(current, body.toString());
        }
        TreeMap<String, String> byName = new TreeMap<>();
        for (String path : byPath.keySet()) {
            if (path.equals("/etc/sysctl.conf")) {
                continue;
            }
            byName.putIfAbsent(path.substring(path.lastIndexOf('/') + 1), path);
        }
        List<String> order = new ArrayList<>(byName.values());
        if (byPath.containsKey("/etc/sysctl.conf")) {
            order.add("/etc/sysctl.conf");
        }
        Map<String, PersistedSysctls.Setting> settings = new HashMap<>();
        for (String path : order) {
            String[] lines = byPath.get(path).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String l = lines[i].strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith(";")) {
                    continue;
                }
                int eq = l.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String key = l.substring(0, eq).strip();
                if (key.startsWith("-")) {
                    key = key.substring(1);
                }
                settings.put(normalize(key), new PersistedSysctls.Setting(l.substring(eq + 1).strip(), path, i + 1));
            }
        }
        return new PersistedSysctls(settings, order);
    }

    /**
     * sysctl.d(5): if the first separator is a slash, slashes separate and dots stay (eth0.100); else dots separate.
     */
    static String normalize(String key) {
        int slash = key.indexOf('/');
        int dot = key.indexOf('.');
        if (slash >= 0 && (dot < 0 || slash < dot)) {
            StringBuilder sb = new StringBuilder();
            for (char c : key.toCharArray()) {
                sb.append(c == '/' ? '.' : c == '.' ? '/' : c);
            }
            return sb.toString();
        }
        return key;
    }
}
