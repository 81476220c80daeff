package dev.labtutor.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What is wrong with a file named as a private key, found before any network step, so the learner hears "the identity
 * file does not exist" or "that is the .pub" instead of a login failure or a passphrase question.
 */
final class IdentityCheck {

    /** Why {@code file} cannot be a private key; {@code privateKey} is the likely right file for a .pub. */
    record Problem(Kind kind, Optional<Path> privateKey) {
        enum Kind {
            MISSING, DIRECTORY, UNREADABLE, PUBLIC_KEY, NOT_A_KEY
        }
    }

    private IdentityCheck() {
    }

    static Optional<Problem> of(Path file) {
        if (!Files.exists(file)) {
            return problem(Problem.Kind.MISSING);
        }
        if (Files.isDirectory(file)) {
            return problem(Problem.Kind.DIRECTORY);
        }
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return problem(Problem.Kind.UNREADABLE);
        }
        String t = head.stripLeading();
        if (t.startsWith("ssh-") || t.startsWith("ecdsa-sha2-") || t.startsWith("sk-")
                || t.startsWith("---- BEGIN SSH2 PUBLIC KEY")) {
            String name = file.getFileName().toString();
            Optional<Path> priv =
                    name.endsWith(".pub") ? Optional.of(file.resolveSibling(name.substring(0, name.length() - 4)))
                            .filter(Files::isRegularFile) : Optional.empty();
            return Optional.of(new Problem(Problem.Kind.PUBLIC_KEY, priv));
        }
        if (!t.contains("PRIVATE KEY") && !t.startsWith("PuTTY-User-Key-File")) {
            return problem(Problem.Kind.NOT_A_KEY);
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(Problem.Kind kind) {
        return Optional.of(new Problem(kind, Optional.empty()));
    }
}
