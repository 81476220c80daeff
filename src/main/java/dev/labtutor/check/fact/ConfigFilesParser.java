package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KEEPALIVED_CONFIG: {@code labtutor:cfg-file PATH} lines each followed by that file's text and one extra newline the
 * probe adds, {@code labtutor:cfg-unmatched PATTERN} lines, or a single {@code labtutor:cfg-missing} /
 * {@code labtutor:cfg-unreadable}. The main file is the first one printed.
 */
final class ConfigFilesParser {

    private static final String FILE = "labtutor:cfg-file ";
    private static final String UNMATCHED = "labtutor:cfg-unmatched ";

    private ConfigFilesParser() {
    }

    static ConfigFiles parse(String mainPath, ProbeOutput out) throws Unparseable {
        String text = out.stdout();
        if (text.startsWith("labtutor:cfg-missing")) {
            return new ConfigFiles(mainPath, false, Map.of(), List.of());
        }
        if (text.startsWith("labtutor:cfg-unreadable")) {
            return new ConfigFiles(mainPath, true, Map.of(), List.of());
        }
        if (!text.startsWith(FILE)) {
            throw new Unparseable(
                    "keepalived config probe printed no file: " + Lines.firstNonBlank(out.stderr() + "\n" + text));
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<String> unmatched = new ArrayList<>();
        int pos = 0;
        String currentPath = null;
        int contentStart = 0;
        while (pos <= text.length()) {
            int eol = text.indexOf('\n', pos);
            int lineEnd = eol < 0 ? text.length() : eol;
            String line = text.substring(pos, lineEnd);
            boolean isFile = line.startsWith(FILE);
            boolean isUnmatched = line.startsWith(UNMATCHED);
            if (isFile || isUnmatched || eol < 0) {
                if (currentPath != null) {
                    int end = (isFile || isUnmatched) ? pos : text.length();
                    files.putIfAbsent(currentPath, stripOneNewline(text.substring(contentStart, end)));
                    currentPath = null;
                }
                if (isFile) {
                    currentPath = line.substring(FILE.length());
                    contentStart = Math.min(text.length(), lineEnd + 1);
                } else if (isUnmatched) {
                    unmatched.add(line.substring(UNMATCHED.length()));
                }
            }
            if (eol < 0) {
                break;
            }
            pos = eol + 1;
        }
        return new ConfigFiles(mainPath, true, files, unmatched);
    }

    private static String stripOneNewline(String s) {
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }
}
