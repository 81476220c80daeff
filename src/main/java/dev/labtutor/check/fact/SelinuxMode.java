package dev.labtutor.check.fact;

/** {@code mode} is Enforcing, Permissive or Disabled; {@code present} is false without SELinux. */
public record SelinuxMode(boolean present, String mode, String configuredMode) implements Fact {
}
