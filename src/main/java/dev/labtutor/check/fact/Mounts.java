package dev.labtutor.check.fact;

import java.util.List;
import java.util.Optional;

/** The host's mount table ({@code /proc/self/mounts}); the last mount on a path is the one in effect. */
public record Mounts(List<Mount> mounts) implements Fact {

    public record Mount(String source, String target, String fstype, String options) {
    }

    public Mounts {
        mounts = List.copyOf(mounts);
    }

    public Optional<Mount> at(String target) {
        Mount found = null;
        for (Mount m : mounts) {
            if (m.target().equals(target)) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }
}
