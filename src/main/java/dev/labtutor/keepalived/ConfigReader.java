package dev.labtutor.keepalived;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * keepalived's line reader (lib/parser.c {@code read_line} and {@code alloc_strvec}) in Java: 1023-byte {@code fgets}
 * chunks, {@code !}/{@code #} comments outside double quotes, {@code @ID}/{@code @^ID} conditional lines,
 * {@code $NAME=value} definitions with {@code $NAME}/{@code ${NAME}} substitution (undefined names stay literal),
 * {@code ~SEQ} and {@code ~LST} generated lines, {@code include} globs relative to the including file, and the
 * splitting of a line at its first {@code {} or {@code }} outside quotes. It also keeps the brace depth count that
 * gives "Extra '}' found" and "missing '}'".
 */
final class ConfigReader {

    /** keepalived's MAXBUF; fgets reads at most one byte less. */
    static final int MAXBUF = 1024;

    private static final int MAX_INCLUDE_DEPTH = 32;
    private static final int MAX_GENERATED_LINES = 100_000;

    private final IncludeResolver includes;
    private final Optional<String> configId;
    private final DiagnosticSink sink;
    /** keepalived 1.3.5 reads lines as written: no {@code @ID}, {@code $NAME}, {@code ~SEQ} or {@code ~LST}. */
    private final boolean literal;

    private final Deque<LineCursor> files = new ArrayDeque<>();
    private final Map<String, Def> defs = new HashMap<>();
    private final Deque<String> pending = new ArrayDeque<>();
    private final List<Seq> seqs = new ArrayList<>();
    private final Deque<Stmt> openBraces = new ArrayDeque<>();
    private final Random random = new Random(0);
    private Def multilineDef;
    private String residue;
    private String file;
    private int line;
    private int generated;
    private boolean overflow;
    /** Substitutions left for this parse: self-referencing definitions must not hang us. */
    private int substitutionBudget = 20_000;

    ConfigReader(Source main, IncludeResolver includes, Optional<String> configId, DiagnosticSink sink) {
        this(main, includes, configId, sink, false);
    }

    /** {@code literal}: keepalived 1.3.5's reader, which knows no conditional, definition or generated lines. */
    ConfigReader(Source main, IncludeResolver includes, Optional<String> configId, DiagnosticSink sink,
            boolean literal) {
        this.includes = includes;
        this.configId = configId;
        this.sink = sink;
        this.literal = literal;
        files.push(new LineCursor(main));
        file = main.path();
        defs.put("_PWD", new Def("_PWD", null, false));
        defs.put("_INSTANCE", new Def("_INSTANCE", null, false));
        defs.put("_RANDOM", new Def("_RANDOM", null, false));
    }

    String file() {
        return file;
    }

    int line() {
        return line;
    }

    /** Braces opened and never closed, oldest first, once the input is exhausted. */
    List<Stmt> unclosedBraces() {
        List<Stmt> out = new ArrayList<>(openBraces);
        java.util.Collections.reverse(out);
        return out;
    }

    /** The next statement, or null at the end of all input. Never returns an empty statement. */
    Stmt next() {
        while (true) {
            String buf = readLine();
            if (buf == null) {
                return null;
            }
            List<String> words = split(buf);
            if (!words.isEmpty()) {
                return new Stmt(file, line, List.copyOf(words));
            }
        }
    }

    private String readLine() {
        String buf;
        while (true) {
            if (residue != null) {
                buf = residue;
                residue = null;
            } else if (!seqs.isEmpty()) {
                Seq seq = seqs.get(seqs.size() - 1);
                buf = seq.emit();
                if (seq.done()) {
                    seqs.remove(seqs.size() - 1);
                }
                if (++generated > MAX_GENERATED_LINES) {
                    sink.error(seq.file, seq.line, "seq-invalid", "~SEQ/~LST 生成的行过多，已停止展开。",
                            "~SEQ/~LST generates too many lines; expansion stopped.");
                    seqs.clear();
                }
                file = seq.file;
                line = seq.line;
            } else if (!pending.isEmpty()) {
                buf = pending.poll();
                if (++generated > MAX_GENERATED_LINES) {
                    sink.error(file, line, "definition-loop", "多行变量展开出的行过多（是否引用了自己？），已停止展开。",
                            "A multi-line $definition expands into too many lines (does it refer to itself?); expansion stopped.");
                    pending.clear();
                    continue;
                }
            } else {
                buf = null;
                while (true) {
                    LineCursor c = files.peek();
                    if (c == null) {
                        return null;
                    }
                    String raw = c.chunk();
                    if (raw == null) {
                        files.pop();
                        continue;
                    }
                    file = c.source.path();
                    line = c.lineNo;
                    if (c.lastChunkTooLong) {
                        sink.warning(file, line, "line-too-long", "这一行超过 1023 字节，keepalived 会把它切成几段分别解析。",
                                "This line is longer than 1023 bytes; keepalived cuts it into pieces and parses each on its own.");
                    }
                    if (raw.isEmpty()) {
                        if (multilineDef != null) {
                            multilineDef = null;
                        }
                        continue;
                    }
                    buf = decomment(raw);
                    if (!buf.isEmpty()) {
                        break;
                    }
                }
            }

            if (multilineDef != null) {
                boolean more = buf.endsWith("\\");
                String part = more ? stripTrailingBlanks(buf.substring(0, buf.length() - 1)) : buf;
                if (!part.isEmpty()) {
                    multilineDef.value = multilineDef.value.isEmpty() ? part : multilineDef.value + "\n" + part;
                }
                if (!more) {
                    multilineDef = null;
                }
                continue;
            }
            if (buf.isEmpty()) {
                continue;
            }

            if (!literal) {
                buf = substitute(buf);
            }
            if (buf.isEmpty()) {
                continue;
            }
            if (isInclude(buf)) {
                include(buf);
                continue;
            }
            break;
        }

        int p = -1;
        if (buf.charAt(0) == '{' || buf.charAt(0) == '}') {
            p = 0;
        } else {
            for (int i = 0; i < buf.length(); i++) {
                char ch = buf.charAt(i);
                if (ch == '{' || ch == '}') {
                    p = i;
                    break;
                }
                if (ch == '"') {
                    int close = buf.indexOf('"', i + 1);
                    if (close < 0) {
                        break;
                    }
                    i = close;
                }
            }
        }
        if (p >= 0) {
            int skip = 0;
            if (p == 0) {
                skip = 1;
                while (skip < buf.length() && (buf.charAt(skip) == ' ' || buf.charAt(skip) == '\t')) {
                    skip++;
                }
            }
            if (p + skip < buf.length()) {
                residue = stripTrailingBlanks(buf.substring(p + skip));
                buf = buf.substring(0, p + skip);
            }
        }
        buf = stripTrailingBlanks(buf);
        if (buf.equals("{")) {
            openBraces.push(new Stmt(file, line, List.of("{")));
        } else if (buf.equals("}")) {
            if (openBraces.isEmpty()) {
                sink.error(file, line, "extra-brace", "多了一个 '}'：前面没有与之配对的 '{'。keepalived 会把它当作未知关键字，请删掉它。",
                        "Extra '}': there is no '{' for it to close. keepalived treats it as an unknown keyword; delete it.");
            } else {
                openBraces.pop();
            }
        }
        return buf;
    }

    /** The @ID / $DEF / ~SEQ / $NAME part of read_line; returns "" when the line is consumed. */
    private String substitute(String buf) {
        for (int iter = 0; iter < 16; iter++) {
            boolean recheck = false;
            if (buf.startsWith("@")) {
                boolean rev = buf.length() > 1 && buf.charAt(1) == '^';
                int ofs = rev ? 2 : 1;
                int ws = indexOfBlank(buf, ofs);
                if (ws < 0) {
                    return "";
                }
                String id = buf.substring(ofs, ws);
                boolean match = configId.isPresent() && configId.get().equals(id);
                if (match == rev) {
                    return "";
                }
                int start = ws;
                while (start < buf.length() && (buf.charAt(start) == ' ' || buf.charAt(start) == '\t')) {
                    start++;
                }
                buf = buf.substring(start);
                if (buf.isEmpty()) {
                    return "";
                }
            }
            if (buf.startsWith("$") && defineFrom(buf)) {
                return "";
            }
            if (buf.startsWith("~SEQ") || buf.startsWith("~LST")) {
                boolean ok = buf.charAt(1) == 'S' ? addSeq(buf) : addLst(buf);
                if (!ok) {
                    sink.error(file, line, "seq-invalid", "无法理解这条 " + buf.substring(0, 4) + " 定义：'" + buf + "'。",
                            "Invalid " + buf.substring(0, 4) + " specification '" + buf + "'.");
                }
                return "";
            }
            if (buf.startsWith("~")) {
                return buf;
            }
            if (buf.indexOf('$') >= 0) {
                String replaced = replaceParams(buf);
                if (replaced == null) {
                    return buf;
                }
                if (overflow) {
                    return decomment(replaced.substring(0, MAXBUF - 1));
                }
                buf = decomment(replaced);
                if (buf.isEmpty()) {
                    return "";
                }
                if (buf.startsWith("@") || buf.indexOf('$') >= 0) {
                    recheck = true;
                }
            }
            if (!recheck) {
                return buf;
            }
        }
        sink.error(file, line, "definition-loop", "变量定义互相引用，无法展开完毕。",
                "A $definition refers to itself; it cannot be fully expanded.");
        return buf;
    }

    /** check_definition(): {@code $NAME=value}, no blanks before '='. */
    private boolean defineFrom(String buf) {
        if (buf.length() < 2 || !(Character.isLetter(buf.charAt(1)) || buf.charAt(1) == '_') || buf.charAt(1) > 127) {
            return false;
        }
        int p = 2;
        while (p < buf.length() && buf.charAt(p) != '=') {
            char c = buf.charAt(p);
            if (!(isAlnum(c) || c == '_')) {
                return false;
            }
            p++;
        }
        if (p >= buf.length()) {
            return false;
        }
        String name = buf.substring(1, p);
        String value = buf.substring(p + 1);
        int v = 0;
        while (v < value.length() && (value.charAt(v) == ' ' || value.charAt(v) == '\t')) {
            v++;
        }
        value = value.substring(v);
        boolean multiline = value.endsWith("\\");
        if (multiline) {
            value = stripTrailingBlanks(value.substring(0, value.length() - 1));
        }
        Def def = new Def(name, value, multiline);
        defs.put(name, def);
        if (multiline) {
            multilineDef = def;
        }
        return true;
    }

    /** replace_param(): returns null when no definition was found. */
    private String replaceParams(String buf) {
        overflow = false;
        StringBuilder sb = new StringBuilder(buf);
        boolean found = false;
        int cur = 0;
        int guard = 0;
        while ((cur = sb.indexOf("$", cur)) >= 0 && cur + 1 < sb.length()) {
            Ref ref = findRef(sb, cur + 1);
            if (ref == null) {
                cur++;
                continue;
            }
            if (++guard > 256 || --substitutionBudget < 0) {
                if (substitutionBudget == -1) {
                    sink.error(file, line, "definition-loop", "变量定义互相引用，展开次数过多，已停止展开。",
                            "$definitions refer to each other and expand too often; expansion stopped.");
                }
                break;
            }
            found = true;
            Def def = ref.def;
            String value = valueOf(def, ref.params);
            if (def.multiline) {
                String[] lines = value.split("\n", -1);
                for (int i = lines.length - 1; i >= 1; i--) {
                    pending.push(lines[i]);
                }
                value = lines[0];
            }
            sb.replace(cur, ref.end, value);
            if (sb.length() >= MAXBUF) {
                overflow = true;
                sink.warning(file, line, "line-too-long", "变量替换后这一行超过 1023 字节，keepalived 会停止替换。",
                        "After $definition substitution this line exceeds 1023 bytes; keepalived stops substituting.");
                break;
            }
            String t = value.stripLeading();
            if (t.startsWith("~")) {
                break;
            }
        }
        return found ? sb.toString() : null;
    }

    private String valueOf(Def def, String params) {
        switch (def.name) {
            case "_PWD" -> {
                if (def.value == null) {
                    int slash = file.lastIndexOf('/');
                    return slash > 0 ? file.substring(0, slash) : slash == 0 ? "/" : ".";
                }
            }
            case "_INSTANCE" -> {
                if (def.value == null) {
                    return configId.orElse("");
                }
            }
            case "_RANDOM" -> {
                if (def.value == null) {
                    long min = 0;
                    long max = 32767;
                    if (params != null) {
                        String[] p = params.trim().split(" +");
                        try {
                            min = Long.parseLong(p[0]);
                            if (p.length > 1) {
                                max = Long.parseLong(p[1]);
                            }
                        } catch (NumberFormatException e) {
                            return "0";
                        }
                    }
                    long span = Math.max(1, max - min + 1);
                    return Long.toString(min + Math.floorMod(random.nextLong(), span));
                }
            }
            default -> {
            }
        }
        return def.value == null ? "" : def.value;
    }

    private record Ref(Def def, int end, String params) {
    }

    /** find_definition() for a use at {@code pos} (just after the '$'). */
    private Ref findRef(CharSequence s, int pos) {
        boolean braces = s.charAt(pos) == '{';
        int n = braces ? pos + 1 : pos;
        if (n >= s.length() || !(isAlpha(s.charAt(n)) || s.charAt(n) == '_')) {
            return null;
        }
        int p = n + 1;
        while (p < s.length() && (isAlnum(s.charAt(p)) || s.charAt(p) == '_')) {
            p++;
        }
        String name = s.subSequence(n, p).toString();
        String params = null;
        int end;
        if (braces) {
            int ps = -1;
            int pe = -1;
            while (p < s.length() && (s.charAt(p) == ' ' || Character.isDigit(s.charAt(p)))) {
                if (s.charAt(p) != ' ') {
                    if (ps < 0) {
                        ps = p;
                    }
                    pe = p;
                }
                p++;
            }
            if (ps >= 0 && pe + 1 != p) {
                return null;
            }
            if (p >= s.length() || s.charAt(p) != '}') {
                return null;
            }
            if (ps >= 0) {
                params = s.subSequence(ps, pe + 1).toString();
            }
            end = p + 1;
        } else {
            if (p < s.length()) {
                char c = s.charAt(p);
                if (c != ' ' && c != '\t' && c != ',' && c != ')') {
                    return null;
                }
            }
            end = p;
        }
        Def def = defs.get(name);
        if (def == null) {
            return null;
        }
        if (def.multiline && end != s.length()) {
            return null;
        }
        if (params != null && !def.name.equals("_RANDOM")) {
            return null;
        }
        return new Ref(def, end, params);
    }

    private boolean addSeq(String buf) {
        SeqSpec.Generated g = SeqSpec.seq(buf, v -> v.indexOf('$') >= 0 ? replaceParams(v) : null, MAX_GENERATED_LINES);
        if (g == null) {
            return false;
        }
        if (!g.values().isEmpty()) {
            seqs.add(new Seq(file, line, g.text(), g.values()));
        }
        return true;
    }

    private boolean addLst(String buf) {
        SeqSpec.Generated g = SeqSpec.lst(buf);
        if (g == null) {
            return false;
        }
        seqs.add(new Seq(file, line, g.text(), g.values()));
        return true;
    }

    private static boolean isInclude(String buf) {
        if (!buf.startsWith("include") || buf.length() < 8) {
            return false;
        }
        char c7 = buf.charAt(7);
        if (c7 == ' ' || c7 == '\t') {
            return true;
        }
        return buf.length() > 8 && (buf.charAt(8) == ' ' || buf.charAt(8) == '\t') && "rmwba".indexOf(c7) >= 0;
    }

    private void include(String buf) {
        boolean plain = buf.charAt(7) == ' ' || buf.charAt(7) == '\t';
        String pattern = buf.substring(plain ? 8 : 9).strip();
        if (files.size() >= MAX_INCLUDE_DEPTH) {
            sink.error(file, line, "include-depth", "include 嵌套太深（是否互相包含？），已停止读取 '" + pattern + "'。",
                    "Includes nest too deeply (do files include each other?); not reading '" + pattern + "'.");
            return;
        }
        List<Source> found;
        try {
            found = includes.resolve(pattern, file);
        } catch (RuntimeException e) {
            found = List.of();
        }
        if (found == null || found.isEmpty()) {
            if (plain) {
                sink.warning(file, line, "include-missing",
                        "include 的文件 '" + pattern + "' 不存在。keepalived 只提示一句就继续运行，这部分配置不会生效。",
                        "Config files missing '" + pattern
                                + "'. keepalived only notes this and carries on without that part of the configuration.");
            } else {
                sink.error(file, line, "include-missing", "include 的文件 '" + pattern + "' 不存在。",
                        "Config files missing '" + pattern + "'.");
            }
            return;
        }
        for (int i = found.size() - 1; i >= 0; i--) {
            files.push(new LineCursor(found.get(i)));
        }
    }

    /** decomment(): strips comments outside quotes, unescapes \! and \#, trims; keeps a trailing '\'. */
    private String decomment(String str) {
        int start = 0;
        while (start < str.length() && (str.charAt(start) == ' ' || str.charAt(start) == '\t')) {
            start++;
        }
        StringBuilder out = new StringBuilder(str.length() - start);
        boolean quote = false;
        boolean cont = false;
        int skip = -1;
        for (int i = start; i < str.length(); i++) {
            char c = str.charAt(i);
            if (c == '"') {
                if (skip < 0) {
                    quote = !quote;
                }
                out.append(c);
            } else if (c == '\\') {
                if (i + 1 < str.length()) {
                    char n = str.charAt(i + 1);
                    if (!quote && (n == '#' || n == '!')) {
                        out.append(n);
                    } else {
                        out.append(c).append(n);
                    }
                    i++;
                } else if (literal) {
                    out.append(c);
                } else {
                    cont = true;
                    break;
                }
            } else {
                if ((c == '!' || c == '#') && !quote && skip < 0) {
                    skip = out.length();
                }
                out.append(c);
            }
        }
        if (quote) {
            sink.error(file, line, "unterminated-quote",
                    "引号没有闭合：'" + str.substring(start) + "'。keepalived 会丢掉引号之后的内容，请补上结尾的 \"。", "Unterminated quote '"
                            + str.substring(start) + "'. keepalived drops what follows the quote; add the closing \".");
        }
        if (skip >= 0) {
            out.setLength(skip);
        }
        int len = out.length();
        while (len > 0 && (out.charAt(len - 1) == ' ' || out.charAt(len - 1) == '\t')) {
            len--;
        }
        out.setLength(len);
        if (cont) {
            out.append('\\');
        }
        return out.toString();
    }

    /** alloc_strvec(): words split at white space; "..." is one word without its quotes. */
    private List<String> split(String s) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && isWhite(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            if (s.charAt(i) == '"') {
                int close = s.indexOf('"', i + 1);
                if (close < 0) {
                    if (!sink.has(file, line, "unterminated-quote")) {
                        sink.error(file, line, "unterminated-quote", "引号没有闭合：'" + s + "'。",
                                "Unmatched quote: '" + s + "'.");
                    }
                    break;
                }
                words.add(s.substring(i + 1, close));
                i = close + 1;
            } else {
                int e = i;
                while (e < n && !isWhite(s.charAt(e)) && s.charAt(e) != '"') {
                    e++;
                }
                words.add(s.substring(i, e));
                i = e;
            }
        }
        return words;
    }

    private static boolean isWhite(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == 0x0b;
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAlnum(char c) {
        return isAlpha(c) || (c >= '0' && c <= '9');
    }

    private static int indexOfBlank(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == ' ' || s.charAt(i) == '\t') {
                return i;
            }
        }
        return -1;
    }

    private static String stripTrailingBlanks(String s) {
        int len = s.length();
        while (len > 0 && (s.charAt(len - 1) == ' ' || s.charAt(len - 1) == '\t')) {
            len--;
        }
        return s.substring(0, len);
    }

    private static final class Def {
        final String name;
        String value;
        final boolean multiline;

        Def(String name, String value, boolean multiline) {
            this.name = name;
            this.value = value;
            this.multiline = multiline;
        }
    }

    /** A ~SEQ or ~LST: each emitted line first (re)defines its variables, as keepalived does. */
    private final class Seq {
        final String file;
        final int line;
        final String text;
        final List<Map<String, String>> values;
        int next;

        Seq(String file, int line, String text, List<Map<String, String>> values) {
            this.file = file;
            this.line = line;
            this.text = text;
            this.values = values;
        }

        String emit() {
            for (Map.Entry<String, String> e : values.get(next).entrySet()) {
                defs.put(e.getKey(), new Def(e.getKey(), e.getValue(), false));
            }
            next++;
            return text;
        }

        boolean done() {
            return next >= values.size();
        }
    }
}
