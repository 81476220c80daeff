package dev.labtutor.cli;

import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The lab file of the default local sandbox while it is up: what {@code check} uses when no other lab file is given. */
final class SandboxLab {

    private SandboxLab() {
    }

    static Optional<Path> currentLabFile() {
        try {
            return Sandbox.open(SandboxSpec.defaults().stateDir()).map(Sandbox::labFile).filter(Files::isRegularFile);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
