package dev.labtutor.yaml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BinaryTest {

    @Test
    void valuesComeBackInOrder() {
        long[] longs = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123456789abcdefL, 1L << 32, (1L << 32) - 1};
        int[] ints = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x01020304, 255, 256};
        Binary.Out out = new Binary.Out();
        for (long l : longs) {
            out.number(l);
        }
        for (int i : ints) {
            out.integer(i);
        }
        out.string("虚拟 IP 🙂").string(null).string("").bool(true).bool(false).path(Path.of("/a/b.yaml"))
                .path(Path.of("/c.yaml")).path(Path.of("/a/b.yaml"));
        byte[] data = out.bytes();
        Binary.In in = new Binary.In(data, 0, data.length);
        for (long l : longs) {
            assertEquals(l, in.number());
        }
        for (int i : ints) {
            assertEquals(i, in.integer());
        }
        assertEquals("虚拟 IP 🙂", in.text());
        assertNull(in.string());
        assertEquals("", in.text());
        assertTrue(in.bool());
        assertFalse(in.bool());
        assertEquals(Path.of("/a/b.yaml"), in.path());
        assertEquals(Path.of("/c.yaml"), in.path());
        assertEquals(Path.of("/a/b.yaml"), in.path());
        assertTrue(in.atEnd());
    }

    @Test
    void numbersAreBigEndian() {
        assertArrayEquals(new byte[]{1, 2, 3, 4}, new Binary.Out().integer(0x01020304).bytes());
        assertArrayEquals(new byte[]{1, 2, 3, 4, 5, 6, 7, 8}, new Binary.Out().number(0x0102030405060708L).bytes());
    }

    @Test
    void shortOrBadDataIsMalformed() {
        byte[] data = new Binary.Out().integer(10).bytes();
        assertThrows(Binary.Malformed.class, () -> new Binary.In(data, 0, data.length).text(),
                "a string longer than the data");
        assertThrows(Binary.Malformed.class, () -> new Binary.In(data, 0, 2).integer(), "an int cut short");
        byte[] two = new Binary.Out().integer(2).bytes();
        assertThrows(Binary.Malformed.class, () -> new Binary.In(two, 0, two.length).bool());
    }
}
