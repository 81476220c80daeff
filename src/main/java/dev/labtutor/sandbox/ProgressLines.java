package dev.labtutor.sandbox;

import java.io.Writer;
import java.util.function.Consumer;

/** A writer that hands each complete line written to it to a {@link Sandbox.Listener}. */
final class ProgressLines extends Writer {

    private final Consumer<String> lines;
    private final StringBuilder buf = new StringBuilder();

    ProgressLines(Consumer<String> lines) {
        this.lines = lines;
    }

    @Override
    public synchronized void write(char[] c, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (c[i] == '\n') {
                lines.accept(buf.toString());
                buf.setLength(0);
            } else {
                buf.append(c[i]);
            }
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public synchronized void close() {
        if (buf.length() > 0) {
            lines.accept(buf.toString());
        }
    }
}
