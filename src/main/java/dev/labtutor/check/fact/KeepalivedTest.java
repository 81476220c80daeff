package dev.labtutor.check.fact;

import java.util.List;

/**
 * Result of {@code keepalived -t}: exit code and de-duplicated diagnostic lines (keepalived prints each several times,
 * once per child process). {@code available} is false when keepalived is not installed. {@code testOption} is false
 * when the installed keepalived has no {@code -t} at all (1.x: getopt's "invalid option -- 't'" and exit 0, which
 * looks like a clean test but tested nothing).
 */
public record KeepalivedTest(boolean available, int exitCode, List<String> messages,
        boolean testOption) implements Fact {

    public KeepalivedTest {
        messages = List.copyOf(messages);
    }

    /** A keepalived that knows {@code -t}, or none. */
    public KeepalivedTest(boolean available, int exitCode, List<String> messages) {
        this(available, exitCode, messages, true);
    }

    /** True when keepalived is installed but could not test the file: its answer says nothing about the config. */
    public boolean untested() {
        return available && !testOption;
    }
}
