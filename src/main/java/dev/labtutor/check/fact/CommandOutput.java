package dev.labtutor.check.fact;

/** Output of a course-defined command. */
public record CommandOutput(int exitCode, String stdout, String stderr) implements Fact {
}
