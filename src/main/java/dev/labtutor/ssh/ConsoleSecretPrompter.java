package dev.labtutor.ssh;

import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.SecretPrompter;
import java.io.Console;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads secrets from the controlling terminal with echo off ({@link Console#readPassword}). Without a terminal (pipes,
 * CI, the full-screen UI owning the screen) it asks nothing and returns empty, so callers report NO_CREDENTIALS instead
 * of hanging.
 */
public final class ConsoleSecretPrompter implements SecretPrompter {

    private final Supplier<Console> console;

    public ConsoleSecretPrompter() {
        this(System::console);
    }

    ConsoleSecretPrompter(Supplier<Console> console) {
        this.console = console;
    }

    @Override
    public Optional<char[]> password(HostSpec host, String prompt) {
        return read(prompt);
    }

    @Override
    public Optional<char[]> passphrase(Path key) {
        return read("Passphrase for " + key + ": ");
    }

    private Optional<char[]> read(String prompt) {
        Console c = console.get();
        if (c == null) {
            return Optional.empty();
        }
        char[] secret = c.readPassword("%s", prompt);
        return secret == null || secret.length == 0 ? Optional.empty() : Optional.of(secret);
    }
}
