package dev.labtutor.check.fact;

/** Whether a package is installed; {@code via} is rpm, dpkg or path (binary found on PATH). */
public record PackageState(String name, boolean installed, String version, String via) implements Fact {
}
