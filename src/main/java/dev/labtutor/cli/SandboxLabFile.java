package dev.labtutor.cli;

import java.nio.file.Path;
import java.util.Optional;

/** The lab file of the local sandbox while it is up (wired to the sandbox package). */
final class SandboxLabFile {

    private SandboxLabFile() {
    }

    static Optional<Path> current() {
        return Optional.empty();
    }
}
