package dev.labtutor.grading;

import dev.labtutor.lab.LabFile;
import dev.labtutor.yaml.YNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One student of a roster: an id (also the name of their evidence folder), the name shown in the gradebook, and their
 * lab, read from their own lab file or written inline in the roster, with the roster's defaults and variables applied.
 * {@code at} is their roster entry, where problems about them are reported; {@code varNodes} are their variables where
 * they were written (the roster or their lab file), {@code roleNodes} the role names of their hosts.
 */
public record Student(String id, String name, LabFile lab, Optional<Path> labFile, YNode at,
        Map<String, YNode> varNodes, Map<String, YNode> roleNodes) {

    public Student {
        varNodes = Map.copyOf(varNodes);
        roleNodes = Map.copyOf(roleNodes);
    }

    /** {@code roster.yaml:LINE} or the lab file, for messages and the results. */
    public String labSource() {
        return labFile.map(Path::toString).orElse(at.file() + ":" + at.line());
    }
}
