package dev.labtutor.check.probe;

/**
 * The raw output of one probe inside a batch. {@code timedOut} means the remote {@code timeout} killed it (exit
 * 124/137); {@code truncated} means the per-probe cap cut stdout.
 */
public record ProbeOutput(String stdout, String stderr, int exitCode, boolean timedOut, boolean truncated) {
}
