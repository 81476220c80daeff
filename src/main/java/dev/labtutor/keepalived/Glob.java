package dev.labtutor.keepalived;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/** glob(3) patterns ({@code * ? [..] {a,b}}) turned into regular expressions over paths. */
final class Glob {

    /** Byte order of UTF-8, which is how glob(3) sorts in the C locale. */
    static final Comparator<String> C_ORDER = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    };

    private Glob() {
    }

    static String absolute(String pattern, String includingPath) {
        if (pattern.startsWith("/")) {
            return normalize(pattern);
        }
        String dir = "";
        int slash = includingPath == null ? -1 : includingPath.lastIndexOf('/');
        if (slash >= 0) {
            dir = includingPath.substring(0, slash + 1);
        }
        return normalize(dir + pattern);
    }

    static String normalize(String path) {
        boolean abs = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/+")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                parts.remove(parts.size() - 1);
            } else {
                parts.add(s);
            }
        }
        return (abs ? "/" : "") + String.join("/", parts);
    }

    static int segments(String path) {
        int n = 0;
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                n++;
            }
        }
        return n;
    }

    /** The directory part before the first segment holding a wildcard. */
    static String literalPrefixDir(String abs) {
        String[] parts = abs.split("/", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length - 1; i++) {
            if (hasMeta(parts[i])) {
                break;
            }
            if (i > 0 || !parts[i].isEmpty()) {
                sb.append(parts[i]);
            }
            sb.append('/');
        }
        String s = sb.toString();
        return s.isEmpty() ? "." : s;
    }

    private static boolean hasMeta(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0 || s.indexOf('{') >= 0;
    }

    static Pattern toRegex(String glob) {
        StringBuilder re = new StringBuilder();
        int braces = 0;
        boolean segStart = true;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (segStart && (c == '*' || c == '?' || c == '[')) {
                re.append("(?!\\.)");
            }
            segStart = false;
            switch (c) {
                case '*' -> re.append("[^/]*");
                case '?' -> re.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, end);
                        if (set.startsWith("!")) {
                            set = "^" + set.substring(1);
                        }
                        re.append('[').append(set.replace("\\", "\\\\")).append(']');
                        i = end;
                    }
                }
                case '{' -> {
                    braces++;
                    re.append("(?:");
                }
                case '}' -> {
                    if (braces > 0) {
                        braces--;
                        re.append(')');
                    } else {
                        re.append("\\}");
                    }
                }
                case ',' -> re.append(braces > 0 ? "|" : ",");
                case '/' -> {
                    re.append('/');
                    segStart = true;
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        while (braces-- > 0) {
            re.append(')');
        }
        try {
            return Pattern.compile(re.toString());
        } catch (RuntimeException e) {
            return Pattern.compile(Pattern.quote(glob));
        }
    }
}
