package dev.labtutor.yaml;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A compact binary form for data read from YAML (strings, numbers, {@link YNode}s with their positions), for caches
 * that must be quicker to read on a cold JVM than the YAML itself. Files are written once each and referred to by
 * number. Reading anything malformed throws {@link Malformed}; callers treat that as "no cache".
 */
public final class Binary {

    private Binary() {
    }

    /** The data ended early or does not have the expected shape. */
    public static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Malformed(String message) {
            super(message);
        }
    }

    /** Writes values in order (numbers big-endian, as {@link In} reads them); {@link #bytes()} is the result. */
    public static final class Out {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
        private final Map<Path, Integer> files = new HashMap<>();

        public Out string(String s) {
            if (s == null) {
                return integer(-1);
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            integer(b.length);
            buf.writeBytes(b);
            return this;
        }

        public Out integer(int i) {
            buf.write(i >>> 24);
            buf.write(i >>> 16);
            buf.write(i >>> 8);
            buf.write(i);
            return this;
        }

        public Out number(long l) {
            integer((int) (l >>> 32));
            return integer((int) l);
        }

        public Out bool(boolean b) {
            return integer(b ? 1 : 0);
        }

        /** A path; each distinct one is written in full once, then by number. */
        public Out path(Path p) {
            Integer known = files.get(p);
            if (known != null) {
                return integer(known);
            }
            files.put(p, files.size());
            integer(-1);
            return string(p.toString());
        }

        public Out node(YNode n) {
            path(n.file()).integer(n.line()).integer(n.column()).integer(n.kind().ordinal());
            switch (n.kind()) {
                case SCALAR -> string(n.text());
                case LIST -> {
                    integer(n.items().size());
                    n.items().forEach(this::node);
                }
                case MAP -> {
                    integer(n.entries().size());
                    n.entries().forEach((k, v) -> {
                        string(k);
                        YNode key = n.keyNode(k);
                        bool(key != n);
                        if (key != n) {
                            node(key);
                        }
                        node(v);
                    });
                }
                case NULL -> {
                }
            }
            return this;
        }

        public byte[] bytes() {
            return buf.toByteArray();
        }
    }

    /** Reads what an {@link Out} wrote, in the same order. */
    public static final class In {
        private final ByteBuffer buf;
        private final List<Path> files = new ArrayList<>();

        public In(byte[] data, int offset, int length) {
            buf = ByteBuffer.wrap(data, offset, length);
        }

        public String string() {
            int len = integer();
            if (len == -1) {
                return null;
            }
            if (len < 0 || len > buf.remaining()) {
                throw new Malformed("bad string length " + len);
            }
            String s = new String(buf.array(), buf.position(), len, StandardCharsets.UTF_8);
            buf.position(buf.position() + len);
            return s;
        }

        public String text() {
            String s = string();
            if (s == null) {
                throw new Malformed("missing text");
            }
            return s;
        }

        public int integer() {
            try {
                return buf.getInt();
            } catch (BufferUnderflowException e) {
                throw new Malformed("data ends early");
            }
        }

        public long number() {
            try {
                return buf.getLong();
            } catch (BufferUnderflowException e) {
                throw new Malformed("data ends early");
            }
        }

        public boolean bool() {
            int b = integer();
            if (b != 0 && b != 1) {
                throw new Malformed("bad boolean " + b);
            }
            return b == 1;
        }

        /** A count of items to follow, checked against what is left. */
        public int count() {
            int n = integer();
            if (n < 0 || n > buf.remaining()) {
                throw new Malformed("bad count " + n);
            }
            return n;
        }

        public Path path() {
            int i = integer();
            if (i == -1) {
                Path p = Path.of(text());
                files.add(p);
                return p;
            }
            if (i < 0 || i >= files.size()) {
                throw new Malformed("bad file number " + i);
            }
            return files.get(i);
        }

        public YNode node() {
            Path file = path();
            int line = integer();
            int col = integer();
            int kind = integer();
            if (kind < 0 || kind >= YNode.Kind.values().length) {
                throw new Malformed("bad node kind " + kind);
            }
            switch (YNode.Kind.values()[kind]) {
                case SCALAR :
                    return YNode.scalar(file, line, col, text());
                case LIST : {
                    int n = count();
                    ArrayList<YNode> items = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        items.add(node());
                    }
                    return YNode.list(file, line, col, items);
                }
                case MAP : {
                    int n = count();
                    LinkedHashMap<String, YNode> map = new LinkedHashMap<>();
                    LinkedHashMap<String, YNode> keys = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) {
                        String k = text();
                        if (bool()) {
                            keys.put(k, node());
                        }
                        map.put(k, node());
                    }
                    return YNode.map(file, line, col, map, keys);
                }
                default :
                    return YNode.nul(file, line, col);
            }
        }

        public boolean atEnd() {
            return !buf.hasRemaining();
        }
    }
}
