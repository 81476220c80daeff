package dev.labtutor.tui;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The full-screen app's log: one timestamped line per event, appended to {@code labtutor.log} in the state directory,
 * so nothing is ever printed behind the screen. Never holds secrets: only what the app chooses to write.
 */
final class AppLog implements AutoCloseable {

    private final PrintStream out;
    private final Path file;

    private AppLog(PrintStream out, Path file) {
        this.out = out;
        this.file = file;
    }

    static AppLog open(Path stateDir) {
        Path f = stateDir.resolve("labtutor.log");
        try {
            Files.createDirectories(stateDir);
            OutputStream os = Files.newOutputStream(f, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            return new AppLog(new PrintStream(os, true, StandardCharsets.UTF_8), f);
        } catch (IOException | RuntimeException e) {
            return new AppLog(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), f);
        }
    }

    Path file() {
        return file;
    }

    /** A stream for stray output (System.err while the screen is up). */
    PrintStream stream() {
        return out;
    }

    synchronized void line(String s) {
        out.println(Instant.now() + " " + s);
    }

    @Override
    public void close() {
        out.flush();
        out.close();
    }
}
