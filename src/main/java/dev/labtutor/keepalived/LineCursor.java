package dev.labtutor.keepalived;

/** One configuration file being read as keepalived's fgets reads it: in chunks of at most {@code MAXBUF - 1} bytes. */
final class LineCursor {

    final Source source;
    final String text;
    int pos;
    int lineNo;
    boolean lastChunkTooLong;
    private boolean midLine;

    LineCursor(Source source) {
        this.source = source;
        this.text = source.text();
    }

    /** The next chunk without its line end, or null at end of file. */
    String chunk() {
        lastChunkTooLong = false;
        if (pos >= text.length()) {
            return null;
        }
        if (!midLine) {
            lineNo++;
        }
        int nl = text.indexOf('\n', pos);
        int lineEnd = nl < 0 ? text.length() : nl;
        int limit = ConfigReader.MAXBUF - 1;
        String chunk;
        if (utf8Length(text, pos, lineEnd) + (nl < 0 ? 0 : 1) <= limit) {
            chunk = text.substring(pos, lineEnd);
            pos = nl < 0 ? text.length() : nl + 1;
            midLine = false;
        } else {
            int end = pos;
            int bytes = 0;
            while (end < lineEnd) {
                int b = utf8Length(text, end, end + 1);
                if (bytes + b > limit) {
                    break;
                }
                bytes += b;
                end++;
            }
            if (end == pos) {
                end = pos + 1;
            }
            chunk = text.substring(pos, end);
            pos = end;
            lastChunkTooLong = !midLine;
            midLine = true;
        }
        int len = chunk.length();
        while (len > 0 && (chunk.charAt(len - 1) == '\r' || chunk.charAt(len - 1) == '\n')) {
            len--;
        }
        return chunk.substring(0, len);
    }

    private static int utf8Length(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
