package dev.labtutor.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.JsonSchema;

class JsonReaderTest {

    private static Object yaml(String json) {
        return new Load(LoadSettings.builder().setSchema(new JsonSchema()).setAllowDuplicateKeys(false).build())
                .loadFromString(json);
    }

    @Test
    void readsBackWhatTheWriterWrites() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", "labtutor-progress/1");
        m.put("zh", "虚拟 IP 在主服务器上：192.168.10.100/24 🙂");
        m.put("escapes", "quote \" backslash \\ slash / newline \n tab \t cr \r bell \u0007 nul \u0000 ls \u2028");
        m.put("n", List.of(0, -1, 2147483647, -2147483648, 2147483648L, -9223372036854775808L, 1.5, -0.25));
        m.put("nested",
                Map.of("a", List.of(List.of(), Map.of(), true, false), "b", new ArrayList<>(Arrays.asList(null, "x"))));
        m.put("empty", "");
        for (String text : new String[]{JsonWriter.write(m), JsonWriter.compact(m)}) {
            Object back = JsonReader.read(text);
            assertEquals(m, back, text);
            assertEquals(yaml(text), back, "the same tree as the YAML library's JSON schema: " + text);
            assertEquals(List.copyOf(m.keySet()), List.copyOf(((Map<?, ?>) back).keySet()), "key order kept");
        }
    }

    @Test
    void numbersTakeTheSmallestTypeThatHoldsThem() throws Exception {
        assertInstanceOf(Integer.class, JsonReader.read("-2147483648"));
        assertInstanceOf(Integer.class, JsonReader.read("123456789"));
        assertEquals(0, JsonReader.read("-0"));
        assertEquals(3000000000L, JsonReader.read("3000000000"));
        assertEquals(new BigInteger("1180591620717411303424"), JsonReader.read("1180591620717411303424"));
        assertEquals(1000.0, JsonReader.read("1e3"));
        assertEquals(-0.5, JsonReader.read("-5E-1"));
        assertEquals(12.75, JsonReader.read(" 12.75\n"));
        assertNull(JsonReader.read("null"));
        assertEquals(Boolean.TRUE, JsonReader.read("true"));
    }

    @Test
    void unicodeEscapesIncludingSurrogatePairs() throws Exception {
        assertEquals("é😀中", JsonReader.read("\"\\u00e9\\ud83d\\ude00\\u4E2D\""));
    }

    @Test
    void anythingButOneStrictValueIsRefusedWithWhere() {
        String[][] cases = {{"", "line 1, column 1: a value was expected, the text ended"},
                {"{\"a\": 1,}", "line 1, column 9: a key in double quotes was expected, found '}'"},
                {"[1, 2,]", "line 1, column 7: a value was expected, found ']'"},
                {"{\n  \"a\": 1,\n  \"a\": 2\n}", "line 3, column 3: the key \"a\" is given twice"},
                {"\"open", "line 1, column 6: the string is not closed"},
                {"01", "line 1, column 2: more after the end of the value"},
                {"\ufeff{}", "line 1, column 1: a value was expected, found U+FEFF"},
                {"{} // done", "line 1, column 4: more after the end of the value"},
                {"{'a': 1}", "line 1, column 2: a key in double quotes was expected, found '''"},
                {"NaN", "line 1, column 1: a value was expected, found 'N'"},
                {"-", "line 1, column 2: a digit was expected, the text ended"},
                {"1.", "line 1, column 3: a digit was expected after the decimal point, the text ended"},
                {"1e+", "line 1, column 4: a digit was expected in the exponent, the text ended"},
                {"\"tab\there\"", "line 1, column 5: a control character (U+0009) inside a string must be escaped"},
                {"\"\\x\"", "line 1, column 3: unknown escape \\x"},
                {"\"\\u12\"", "line 1, column 3: \\u needs four hexadecimal digits"},
                {"{\"a\" 1}", "line 1, column 6: ':' was expected, found '1'"},
                {"[1 2]", "line 1, column 4: ',' or ']' was expected, found '2'"},
                {"{\"a\": 1 \"b\": 2}", "line 1, column 9: ',' or '}' was expected, found '\"'"},
                {"tru", "line 1, column 1: a value was expected, found 't'"},
                {"{} {}", "line 1, column 4: more after the end of the value"},
                {"[1,", "line 1, column 4: a value was expected, the text ended"},
                {"[01x]", "line 1, column 3: ',' or ']' was expected, found '1'"},};
        for (String[] c : cases) {
            JsonReader.Malformed e = assertThrows(JsonReader.Malformed.class, () -> JsonReader.read(c[0]), c[0]);
            assertEquals(c[1], e.getMessage(), c[0]);
        }
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() throws Exception {
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertInstanceOf(List.class, JsonReader.read(ok));
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        JsonReader.Malformed e = assertThrows(JsonReader.Malformed.class, () -> JsonReader.read(deep));
        assertTrue(e.getMessage().endsWith("nested more than " + JsonReader.MAX_DEPTH + " deep"), e.getMessage());
    }
}
