package dev.labtutor.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.terminal.ansi.UnixLikeTerminal;
import java.io.BufferedOutputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import sun.misc.Signal;

/**
 * lanterna's Unix terminal with the device work done by a {@link Tty} in one {@code stty} run (lanterna's own runs
 * five, and asks the terminal for its size with an escape sequence and waits for the answer). The mode is set once (no
 * line editing, no echo, a key at a time, Ctrl-C a key) and the saved settings are put back on close and by lanterna's
 * shutdown hook. Output is buffered and goes out when lanterna flushes (after each screen refresh), not in one write
 * per character as through {@code System.out}.
 */
public final class TutorTerminal extends UnixLikeTerminal {

    /** Null while the superclass constructor runs: {@link #acquire()} waits for it. */
    private final Tty tty;

    private final Output out;

    private TutorTerminal(InputStream in, Output out, Charset charset, Tty tty) throws IOException {
        super(in, out, charset, CtrlCBehaviour.TRAP);
        this.tty = tty;
        this.out = out;
        super.acquire();
    }

    /** The terminal on standard input and output. */
    public static TutorTerminal open() throws IOException {
        Tty tty = new SttyTty(new File("/dev/tty"));
        return new TutorTerminal(System.in, new Output(new FileOutputStream(FileDescriptor.out)),
                StandardCharsets.UTF_8, tty);
    }

    /**
     * A terminal on the given streams whose device is left alone and whose size is {@code size}: the training run of
     * the class-data sharing archive paints the tutor through it.
     */
    public static TutorTerminal detached(InputStream in, OutputStream out, TerminalSize size) throws IOException {
        return new TutorTerminal(in, new Output(out), StandardCharsets.UTF_8, new Tty() {
            @Override
            public void enterRaw() {
            }

            @Override
            public void restore() {
            }

            @Override
            public Optional<TerminalSize> size() {
                return Optional.of(size);
            }
        });
    }

    /**
     * Runs what {@link #open()} runs against {@code /dev/null}, which changes nothing (stty refuses a device that is no
     * terminal): the training run of the class-data sharing archive loads the process classes this way.
     */
    public static void rehearse() throws IOException {
        new SttyTty(new File("/dev/null")).enterRaw();
    }

    @Override
    protected void acquire() throws IOException {
        if (tty != null) {
            super.acquire();
        }
    }

    /** From the device; else lanterna's question to the terminal, sent at once rather than buffered. */
    @Override
    protected TerminalSize findTerminalSize() throws IOException {
        Optional<TerminalSize> size = tty.size();
        if (size.isPresent()) {
            return size.get();
        }
        out.direct = true;
        try {
            out.flush();
            return super.findTerminalSize();
        } finally {
            out.direct = false;
        }
    }

    @Override
    protected void registerTerminalResizeListener(Runnable onResize) {
        try {
            Signal.handle(new Signal("WINCH"), s -> onResize.run());
        } catch (IllegalArgumentException e) {
            // no SIGWINCH on this system: a resize goes unnoticed, as with lanterna's own Unix terminal
        }
    }

    @Override
    protected void saveTerminalSettings() throws IOException {
        tty.enterRaw();
    }

    @Override
    protected void restoreTerminalSettings() throws IOException {
        tty.restore();
    }

    /** Set with the rest of the mode by {@link Tty#enterRaw()}, restored with it. */
    @Override
    protected void keyEchoEnabled(boolean enabled) {
    }

    /** Set with the rest of the mode by {@link Tty#enterRaw()}, restored with it. */
    @Override
    protected void canonicalMode(boolean enabled) {
    }

    /** Set with the rest of the mode by {@link Tty#enterRaw()}, restored with it. */
    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) {
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            out.flush();
        }
    }

    /**
     * Buffered output that can be switched to writing through, for a question the terminal must see before its answer
     * is awaited.
     */
    private static final class Output extends BufferedOutputStream {
        volatile boolean direct;

        Output(OutputStream out) {
            super(out, 1 << 16);
        }

        @Override
        public synchronized void write(int b) throws IOException {
            super.write(b);
            if (direct) {
                flush();
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            if (direct) {
                flush();
            }
        }
    }
}
