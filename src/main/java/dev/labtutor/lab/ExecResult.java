package dev.labtutor.lab;

import java.time.Duration;

/**
 * What one remote command produced. Output is capped by the shell that ran it; the {@code *Truncated} flags say when
 * the cap cut it.
 */
public record ExecResult(int exitStatus, String stdout, String stderr, boolean stdoutTruncated, boolean stderrTruncated,
        Duration elapsed) {
}
