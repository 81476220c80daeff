package dev.labtutor.yaml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects problems while reading data files, so a reader reports everything wrong in one pass (what {@code lint}
 * needs) instead of stopping at the first mistake.
 */
public final class Problems {

    private final List<Problem> list = new ArrayList<>();

    public void add(YNode at, String message) {
        list.add(new Problem(at.file(), at.line(), at.column(), message));
    }

    public void add(Problem p) {
        list.add(p);
    }

    public void addAll(List<Problem> ps) {
        list.addAll(ps);
    }

    /** The problem added last, if any. */
    public java.util.Optional<Problem> last() {
        return list.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(list.get(list.size() - 1));
    }

    public int size() {
        return list.size();
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> sorted() {
        List<Problem> copy = new ArrayList<>(new java.util.LinkedHashSet<>(list));
        Collections.sort(copy);
        return List.copyOf(copy);
    }

    /** Throws {@link DataFileException} carrying every problem when there is at least one. */
    public void throwIfAny() {
        if (!list.isEmpty()) {
            throw new DataFileException(sorted());
        }
    }
}
