package dev.labtutor.check.fact;

/** The probe could not produce its fact (timed out, output unparseable, tool crashed). Judged as ERROR. */
public record ProbeBroken(String probe, String reason) implements Fact {
}
