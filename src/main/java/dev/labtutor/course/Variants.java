package dev.labtutor.course;

import dev.labtutor.lab.Family;
import java.util.Map;
import java.util.Optional;

/**
 * The lookup of a {@code family:} variant in course data. Variants are kept by single family id (a key
 * {@code rhel,centos7} is stored under both); a host's family is looked up by {@link Family#keys()}, most specific
 * first (CentOS 7 falls back to {@code rhel}), and no match means the course's default (the document's openEuler
 * text).
 */
public final class Variants {

    private Variants() {
    }

    /** The variant for {@code family}, when the data has one for it or for the family it falls back to. */
    public static <T> Optional<T> lookup(Map<String, T> byFamily, Family family) {
        for (String k : family.keys()) {
            T v = byFamily.get(k);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
