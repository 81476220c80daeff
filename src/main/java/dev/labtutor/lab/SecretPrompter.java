package dev.labtutor.lab;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the learner for a secret when the lab file does not provide one. Secrets are handed over as {@code char[]} so
 * the caller can wipe them after use; the caller owns the array. An empty result means "cannot ask" (no terminal) or
 * "the learner declined".
 */
public interface SecretPrompter {

    /** The login password for {@code host}; {@code prompt} is the sentence to show. */
    Optional<char[]> password(HostSpec host, String prompt);

    /** The passphrase of an encrypted private key file. */
    Optional<char[]> passphrase(Path key);

    /** A prompter that never asks: for batch runs, graders and tests. */
    static SecretPrompter none() {
        return new SecretPrompter() {
            @Override
            public Optional<char[]> password(HostSpec host, String prompt) {
                return Optional.empty();
            }

            @Override
            public Optional<char[]> passphrase(Path key) {
                return Optional.empty();
            }
        };
    }
}
