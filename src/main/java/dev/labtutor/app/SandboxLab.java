package dev.labtutor.app;

import dev.labtutor.i18n.Text;
import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The lab files of local sandboxes: the default sandbox's while it is up (what the tutor and {@code check} use when no
 * other lab file is given), a named one's ({@code --sandbox NAME}), and whether a lab file is a sandbox's, so that a
 * lab the learner did not name is named to them.
 */
public final class SandboxLab {

    private SandboxLab() {
    }

    public static Optional<Path> currentLabFile() {
        return labFile(SandboxSpec.DEFAULT_NAME);
    }

    /** The lab file of sandbox {@code name} in the default state directory while it is up. */
    public static Optional<Path> labFile(String name) {
        try {
            return Sandbox.open(SandboxSpec.defaults().withName(name).stateDir()).map(Sandbox::labFile)
                    .filter(Files::isRegularFile);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code sandbox nt (started by root)} when {@code labFile} is the lab file of a sandbox that is up; else empty.
     */
    public static Optional<Text> describe(Path labFile) {
        Path dir = labFile.toAbsolutePath().normalize().getParent();
        if (dir == null) {
            return Optional.empty();
        }
        try {
            Optional<Sandbox> s = Sandbox.open(dir)
                    .filter(x -> x.labFile().toAbsolutePath().normalize().equals(labFile.toAbsolutePath().normalize()));
            return s.map(x -> {
                String name = x.spec().name();
                Optional<String> by = x.startedBy();
                return Text.of("沙箱 " + name + by.map(u -> "（由 " + u + " 启动）").orElse(""),
                        "sandbox " + name + by.map(u -> " (started by " + u + ")").orElse(""));
            });
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
