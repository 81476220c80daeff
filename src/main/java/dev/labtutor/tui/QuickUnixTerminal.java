package dev.labtutor.tui;

import com.googlecode.lanterna.terminal.ansi.UnixTerminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * lanterna's Unix terminal, set up with one {@code stty} run instead of five: saving the
 * settings, leaving canonical mode, turning off echo and Ctrl-C as a signal happen in one shell,
 * so the first screen does not wait for five process starts. Restoring is unchanged in effect
 * ({@code stty} with the saved settings).
 */
public final class QuickUnixTerminal extends UnixTerminal {

    /** Set while the superclass constructor runs (no initializer, so it is not reset afterwards). */
    private String saved;
    private boolean raw;

    public QuickUnixTerminal(InputStream in, OutputStream out, Charset charset) throws IOException {
        super(in, out, charset, CtrlCBehaviour.TRAP);
    }

    @Override
    protected void saveTerminalSettings() throws IOException {
        String out = exec("/bin/sh", "-c", "stty -g < /dev/tty && stty -icanon min 1 -echo intr undef < /dev/tty");
        saved = out.strip().lines().findFirst().orElse("");
        raw = !saved.isEmpty();
    }

    @Override
    protected void restoreTerminalSettings() throws IOException {
        if (saved != null && !saved.isEmpty()) {
            runSTTYCommand(saved);
        }
    }

    @Override
    protected void canonicalMode(boolean enabled) throws IOException {
        if (enabled || !raw) {
            super.canonicalMode(enabled);
        }
    }

    @Override
    protected void keyEchoEnabled(boolean enabled) throws IOException {
        if (enabled || !raw) {
            super.keyEchoEnabled(enabled);
        }
    }

    @Override
    protected void keyStrokeSignalsEnabled(boolean enabled) throws IOException {
        if (enabled || !raw) {
            super.keyStrokeSignalsEnabled(enabled);
        }
    }
}
