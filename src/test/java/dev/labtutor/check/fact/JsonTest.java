package dev.labtutor.check.fact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsNestedValues() throws Exception {
        Object v = Json.parse(" {\"a\": [1, -2.5e1, true, false, null, \"x\\ty\\u00e9\\\"\"], \"b\": {}} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(Arrays.asList(1L, -25.0, true, false, null, "x\ty\u00e9\""), m.get("a"));
        assertEquals(Map.of(), m.get("b"));
        assertEquals(List.of(), Json.parse("[]"));
    }

    @Test
    void rejectsMalformedInput() {
        for (String bad : List.of("", "[1,", "{\"a\" 1}", "[1] x", "\"unterminated", "{'a':1}", "[01x]", "tru",
                "[" .repeat(100) + "]".repeat(100))) {
            assertThrows(Json.JsonException.class, () -> Json.parse(bad), bad);
        }
    }
}
