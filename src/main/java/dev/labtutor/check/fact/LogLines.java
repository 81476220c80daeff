package dev.labtutor.check.fact;

import java.util.List;

/** Recent log lines of a unit; {@code source} is journal or the file read. */
public record LogLines(String unit, String source, List<String> lines) implements Fact {

    public LogLines {
        lines = List.copyOf(lines);
    }
}
