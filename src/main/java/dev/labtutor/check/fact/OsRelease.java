package dev.labtutor.check.fact;

import dev.labtutor.lab.Distro;

/** OS: the host's distribution as its os-release, package managers and keepalived version tell. */
public record OsRelease(Distro distro) implements Fact {
}
