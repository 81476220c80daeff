package dev.labtutor.keepalived;

/** The initial state keepalived actually uses; anything but exactly {@code MASTER} is BACKUP. */
public enum VrrpState {
    MASTER, BACKUP
}
