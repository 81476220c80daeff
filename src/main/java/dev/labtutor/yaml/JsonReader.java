package dev.labtutor.yaml;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259), labtutor's only one: for its own files (the progress file; the counterpart of
 * {@link JsonWriter}) and for tools' output ({@code ip -j}): objects become {@link LinkedHashMap}s (order kept; a key
 * given twice is an error), arrays {@link ArrayList}s, strings {@link String}s, whole numbers {@link Integer},
 * {@link Long} or {@link BigInteger} (the smallest that holds them), other numbers {@link Double}, and {@code true},
 * {@code false}, {@code null} themselves. Anything else, including a second value after the first, a byte order mark or
 * comments, is {@link Malformed}, with the line and column.
 *
 * <p>The progress file is read with it rather than with the YAML library because the tutor reads that file before its
 * first screen: on a cold JVM the library took ~35 ms for a 4 KB file, this about 1 ms.
 */
public final class JsonReader {

    /** Deeper nesting than this is refused rather than risking the stack. */
    static final int MAX_DEPTH = 256;

    /** The text is not one JSON value; the message says where and why. */
    public static final class Malformed extends Exception {
        public Malformed(String message) {
            super(message);
        }
    }

    private final String s;
    private int pos;
    private int depth;

    private JsonReader(String s) {
        this.s = s;
    }

    /** The one JSON value {@code text} holds (whitespace around it allowed). */
    public static Object read(String text) throws Malformed {
        JsonReader r = new JsonReader(text);
        r.skipSpace();
        Object v = r.value();
        r.skipSpace();
        if (r.pos < text.length()) {
            throw r.error("more after the end of the value");
        }
        return v;
    }

    private Object value() throws Malformed {
        if (pos >= s.length()) {
            throw error("a value was expected, the text ended");
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{' :
                return object();
            case '[' :
                return array();
            case '"' :
                return string();
            case 't' :
                return literal("true", Boolean.TRUE);
            case 'f' :
                return literal("false", Boolean.FALSE);
            case 'n' :
                return literal("null", null);
            default :
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("a value was expected, found " + shown(c));
        }
    }

    private Map<String, Object> object() throws Malformed {
        enter();
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            depth--;
            return m;
        }
        while (true) {
            if (peek() != '"') {
                throw error("a key in double quotes was expected" + found());
            }
            int at = pos;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object v = value();
            if (m.containsKey(key)) {
                pos = at;
                throw error("the key \"" + key + "\" is given twice");
            }
            m.put(key, v);
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return m;
            }
            if (c != ',') {
                pos--;
                throw error("',' or '}' was expected" + found());
            }
            skipSpace();
        }
    }

    private List<Object> array() throws Malformed {
        enter();
        pos++;
        List<Object> l = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return l;
        }
        while (true) {
            l.add(value());
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return l;
            }
            if (c != ',') {
                pos--;
                throw error("',' or ']' was expected" + found());
            }
            skipSpace();
        }
    }

    private String string() throws Malformed {
        pos++;
        StringBuilder sb = null;
        int from = pos;
        while (true) {
            if (pos >= s.length()) {
                throw error("the string is not closed");
            }
            char c = s.charAt(pos);
            if (c == '"') {
                String plain = s.substring(from, pos++);
                return sb == null ? plain : sb.append(plain).toString();
            }
            if (c < 0x20) {
                throw error("a control character (" + shown(c) + ") inside a string must be escaped");
            }
            if (c != '\\') {
                pos++;
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder();
            }
            sb.append(s, from, pos);
            pos++;
            char e = pos < s.length() ? s.charAt(pos) : 0;
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(hex4());
                default -> throw error("unknown escape \\" + (e == 0 ? "" : String.valueOf(e)));
            }
            pos++;
            from = pos;
        }
    }

    private char hex4() throws Malformed {
        if (pos + 4 >= s.length()) {
            throw error("\\u needs four hexadecimal digits");
        }
        int v = 0;
        for (int i = 1; i <= 4; i++) {
            int d = Character.digit(s.charAt(pos + i), 16);
            if (d < 0) {
                throw error("\\u needs four hexadecimal digits");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Object number() throws Malformed {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (digits() == 0) {
            throw error("a digit was expected" + found());
        }
        boolean whole = true;
        if (peek() == '.') {
            pos++;
            whole = false;
            if (digits() == 0) {
                throw error("a digit was expected after the decimal point" + found());
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            whole = false;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (digits() == 0) {
                throw error("a digit was expected in the exponent" + found());
            }
        }
        String n = s.substring(start, pos);
        if (!whole) {
            return Double.parseDouble(n);
        }
        if (n.length() <= 9) {
            return Integer.parseInt(n);
        }
        BigInteger b = new BigInteger(n);
        if (b.bitLength() < 32) {
            return b.intValue();
        }
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private int digits() {
        int from = pos;
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos - from;
    }

    private Object literal(String word, Object v) throws Malformed {
        if (!s.startsWith(word, pos)) {
            throw error("a value was expected, found " + shown(s.charAt(pos)));
        }
        pos += word.length();
        return v;
    }

    private void enter() throws Malformed {
        if (++depth > MAX_DEPTH) {
            throw error("nested more than " + MAX_DEPTH + " deep");
        }
    }

    private void expect(char c) throws Malformed {
        if (peek() != c) {
            throw error("'" + c + "' was expected" + found());
        }
        pos++;
    }

    private char peek() {
        return pos < s.length() ? s.charAt(pos) : 0;
    }

    private void skipSpace() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private String found() {
        return pos >= s.length() ? ", the text ended" : ", found " + shown(s.charAt(pos));
    }

    private static String shown(char c) {
        return c < 0x20 || c == 0x7f || c == 0xfeff ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private Malformed error(String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, s.length()); i++) {
            if (s.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Malformed("line " + line + ", column " + column + ": " + what);
    }
}
