package dev.labtutor.grading;

import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.SecretPrompter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Asks for each secret once per grading run, not once per student's host: a key's passphrase once per key file, a
 * password once per {@code password-env} name (or login user when there is none). Answers are kept for the run, handed
 * out as copies, wiped on {@link #close()}, and registered with the {@link Redactor} so that they can never reach the
 * gradebook.
 */
public final class ClassPrompter implements SecretPrompter, AutoCloseable {

    private final SecretPrompter console;
    private final Runnable beforeAsking;
    private final Runnable afterAsking;
    private final Redactor redactor;
    private final Map<String, Optional<char[]>> answers = new HashMap<>();
    private boolean asking = true;

    /** @param beforeAsking runs before a question is put (to clear a progress line), {@code afterAsking} after it */
    public ClassPrompter(SecretPrompter console, Runnable beforeAsking, Runnable afterAsking, Redactor redactor) {
        this.console = console;
        this.beforeAsking = beforeAsking;
        this.afterAsking = afterAsking;
        this.redactor = redactor;
    }

    @Override
    public synchronized Optional<char[]> password(HostSpec host, String prompt) {
        String key = host.passwordEnv().map(e -> "env:" + e).orElse("user:" + host.user());
        String asked = host.passwordEnv().map(e -> "$" + e + " is not set; password for the hosts that use it: ")
                .orElse("Password of " + host.user() + " on the students' hosts (asked once): ");
        return answer(key, () -> console.password(host, asked));
    }

    @Override
    public synchronized Optional<char[]> passphrase(Path key) {
        return answer("key:" + key.toAbsolutePath().normalize(), () -> console.passphrase(key));
    }

    private Optional<char[]> answer(String key, java.util.function.Supplier<Optional<char[]>> ask) {
        Optional<char[]> a = answers.get(key);
        if (a == null && !asking) {
            return Optional.empty();
        }
        if (a == null) {
            beforeAsking.run();
            try {
                a = ask.get();
            } finally {
                afterAsking.run();
            }
            a.ifPresent(s -> redactor.secret(new String(s)));
            answers.put(key, a);
        }
        return a.map(char[]::clone);
    }

    /** From now on only answers already given are handed out (the dashboard owns the terminal). */
    public synchronized void stopAsking() {
        asking = false;
    }

    @Override
    public synchronized void close() {
        answers.values().forEach(a -> a.ifPresent(s -> Arrays.fill(s, '\0')));
        answers.clear();
    }
}
