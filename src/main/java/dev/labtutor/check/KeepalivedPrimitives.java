package dev.labtutor.check;

import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import java.util.Optional;

/** Reads the keepalived-based primitives (config valid, instance as asked, group consistent). */
final class KeepalivedPrimitives {

    private KeepalivedPrimitives() {
    }

    static Optional<Primitive> read(String name, YNode body, Problems problems) {
        return Optional.empty();
    }
}
