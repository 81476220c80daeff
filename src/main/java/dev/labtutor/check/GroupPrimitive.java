package dev.labtutor.check;

/** A primitive that judges its hosts together. */
public sealed interface GroupPrimitive extends Primitive
        permits HoldersCheck, HttpCheck, KeepalivedGroupCheck, TimelineCheck {
}
