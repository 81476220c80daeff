package dev.labtutor.tui;

import com.googlecode.lanterna.TerminalSize;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@link Tty} through the {@code stty} program: one shell saves the settings, reads the window size and sets the mode
 * ({@code stty -icanon min 1 -echo intr undef}); one {@code stty} with the saved settings restores them. Java has no
 * termios of its own, and jline's native library costs more to load on a cold JVM than this process does to run (it
 * brings up the platform logger, which opens every jar on the class path).
 */
final class SttyTty implements Tty {

    private final File device;
    private String saved = "";
    private Optional<TerminalSize> size = Optional.empty();

    /** @param device the terminal device, {@code /dev/tty} */
    SttyTty(File device) {
        this.device = device;
    }

    @Override
    public void enterRaw() throws IOException {
        List<String> out = run("/bin/sh", "-c", "stty -g && stty size && stty -icanon min 1 -echo intr undef").strip()
                .lines().toList();
        saved = out.isEmpty() ? "" : out.get(0).strip();
        size = out.size() < 2 ? Optional.empty() : parseSize(out.get(1));
    }

    /** {@code stty size} prints rows, then columns. */
    static Optional<TerminalSize> parseSize(String line) {
        String[] rc = line.strip().split("\\s+");
        try {
            int rows = Integer.parseInt(rc[0]);
            int cols = rc.length == 2 ? Integer.parseInt(rc[1]) : 0;
            return rows > 0 && cols > 0 ? Optional.of(new TerminalSize(cols, rows)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void restore() throws IOException {
        if (!saved.isEmpty()) {
            run("stty", saved);
        }
    }

    /** The size read with the settings the first time, then (after a resize) from {@code stty size}. */
    @Override
    public synchronized Optional<TerminalSize> size() {
        Optional<TerminalSize> s = size;
        size = Optional.empty();
        if (s.isPresent()) {
            return s;
        }
        try {
            return parseSize(run("stty", "size"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Runs {@code command} on the device (its standard input), returning what it printed; its errors are dropped. */
    private String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectInput(device).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        waitFor(p);
        return out;
    }

    private static void waitFor(Process p) throws IOException {
        try {
            p.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running stty", e);
        }
    }
}
