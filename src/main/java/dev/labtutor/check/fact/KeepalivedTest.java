package dev.labtutor.check.fact;

import java.util.List;

/**
 * Result of {@code keepalived -t}: exit code and de-duplicated diagnostic lines (keepalived prints each several times,
 * once per child process). {@code available} is false when keepalived is not installed.
 */
public record KeepalivedTest(boolean available, int exitCode, List<String> messages) implements Fact {

    public KeepalivedTest {
        messages = List.copyOf(messages);
    }
}
