package dev.labtutor.check.fact;

/** Whether firewalld is installed and running. */
public record FirewalldState(boolean installed, boolean running) implements Fact {
}
