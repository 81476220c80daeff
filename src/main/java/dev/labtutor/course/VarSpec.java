package dev.labtutor.course;

import dev.labtutor.i18n.Text;

/** A course variable with its default (from the seed) and type. */
public record VarSpec(String name, String defaultValue, VarType type, Text description) {
}
