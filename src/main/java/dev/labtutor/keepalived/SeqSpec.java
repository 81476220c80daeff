package dev.labtutor.keepalived;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * keepalived's {@code ~SEQ(var, [start,] [step,] end) text} and {@code ~LST({vars}, {values}...) text} generated-line
 * specifications (lib/parser.c {@code add_seq}, {@code add_lst}): the line's text and the variable values of each line
 * it generates, or null when keepalived rejects the specification.
 */
final class SeqSpec {

    /** The text each generated line starts from, and the definitions that hold for each line in turn. */
    record Generated(String text, List<Map<String, String>> values) {
    }

    private SeqSpec() {
    }

    /** A ~SEQ; {@code params} substitutes $definitions in a number (null when it has none). */
    static Generated seq(String buf, UnaryOperator<String> params, int maxLines) {
        int p = 4;
        boolean hex = false;
        if (p < buf.length() && buf.charAt(p) == 'x') {
            hex = true;
            p++;
        }
        int open = buf.indexOf('(', p);
        int close = buf.indexOf(')', p);
        if (open < 0 || close < open || !buf.substring(p, open).isBlank()) {
            return null;
        }
        String inner = buf.substring(open + 1, close);
        String[] parts = inner.split(",", -1);
        if (parts.length < 2 || parts.length > 4) {
            return null;
        }
        String var = parts[0].trim();
        if (var.isEmpty()) {
            return null;
        }
        long[] nums = new long[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            String v = parts[i].trim();
            String r = params.apply(v);
            if (r != null) {
                v = r.trim();
            }
            Long parsed = parseCLong(v);
            if (parsed == null) {
                return null;
            }
            nums[i - 1] = parsed;
        }
        long start;
        long step;
        long end;
        if (nums.length == 1) {
            end = nums[0];
            step = end < 1 ? -1 : 1;
            start = end < 0 ? -1 : 1;
        } else if (nums.length == 2) {
            start = nums[0];
            end = nums[1];
            step = start <= end ? 1 : -1;
        } else {
            start = nums[0];
            step = nums[1];
            end = nums[2];
            if (step == 0 || (start < end && step < 0) || (start > end && step > 0)) {
                return null;
            }
        }
        if (hex && (start < 0 || end < 0)) {
            return null;
        }
        String text = buf.substring(close + 1).stripLeading();
        List<Map<String, String>> values = new ArrayList<>();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            values.add(Map.of(var, hex ? Long.toHexString(v) : Long.toString(v)));
            if (values.size() > maxLines) {
                return null;
            }
        }
        return new Generated(text, values);
    }

    static Generated lst(String buf) {
        int open = buf.indexOf('(', 4);
        int close = buf.lastIndexOf(')');
        if (open < 0 || close < open || !buf.substring(4, open).isBlank()) {
            return null;
        }
        List<List<String>> groups = splitGroups(buf.substring(open + 1, close));
        if (groups == null || groups.size() < 2) {
            return null;
        }
        List<String> vars = groups.get(0);
        List<Map<String, String>> values = new ArrayList<>();
        for (List<String> g : groups.subList(1, groups.size())) {
            if (g.size() > vars.size()) {
                return null;
            }
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < vars.size(); i++) {
                m.put(vars.get(i), i < g.size() ? g.get(i) : "");
            }
            values.add(m);
        }
        return new Generated(buf.substring(close + 1).stripLeading(), values);
    }

    /** "{a,b}, {1,2}, x" into [[a,b],[1,2],[x]]. */
    private static List<List<String>> splitGroups(String s) {
        List<List<String>> out = new ArrayList<>();
        int i = 0;
        while (i <= s.length()) {
            while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                i++;
            }
            if (i < s.length() && s.charAt(i) == '{') {
                int e = s.indexOf('}', i);
                if (e < 0) {
                    return null;
                }
                List<String> g = new ArrayList<>();
                for (String part : s.substring(i + 1, e).split(",", -1)) {
                    g.add(part.trim());
                }
                out.add(g);
                i = e + 1;
                while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
                    i++;
                }
                if (i < s.length() && s.charAt(i) != ',') {
                    return null;
                }
                i++;
            } else {
                int e = s.indexOf(',', i);
                if (e < 0) {
                    e = s.length();
                }
                out.add(List.of(s.substring(i, e).trim()));
                i = e + 1;
            }
        }
        return out;
    }

    private static Long parseCLong(String v) {
        try {
            boolean neg = v.startsWith("-");
            String d = neg || v.startsWith("+") ? v.substring(1) : v;
            long r;
            if (d.startsWith("0x") || d.startsWith("0X")) {
                r = Long.parseLong(d.substring(2), 16);
            } else if (d.length() > 1 && d.startsWith("0")) {
                r = Long.parseLong(d.substring(1), 8);
            } else {
                r = Long.parseLong(d);
            }
            return neg ? -r : r;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
