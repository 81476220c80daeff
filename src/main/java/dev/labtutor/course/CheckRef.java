package dev.labtutor.course;

import dev.labtutor.yaml.YNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A lesson's use of a named check from {@code checks/}: on which roles, with which parameters (templates, still
 * unrendered). {@code id} names this use in results; it defaults to the check's name.
 *
 * <p>{@code supersededBy} names a later lesson that legitimately changes what this check looks at (NFS mounted over the
 * test pages, IPVS taking port 80 of the VIP): the check is scoped to its own lesson's moment. Where every lesson is
 * judged together (re-check, grading, the whole-course proof) a failure of this check is not held against a learner
 * whose superseding lesson passes; see {@code dev.labtutor.check.Supersede}.
 */
public record CheckRef(String id, String use, List<String> on, Map<String, YNode> with, YNode at,
        java.util.Optional<String> supersededBy) {

    public CheckRef {
        on = List.copyOf(on);
        with = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
        java.util.Objects.requireNonNull(supersededBy, "supersededBy");
    }

    /** A check that holds in every later state of the course. */
    public CheckRef(String id, String use, List<String> on, Map<String, YNode> with, YNode at) {
        this(id, use, on, with, at, java.util.Optional.empty());
    }

    /**
     * The roles this check needs a host for: those it runs {@code on}, then those whose fields its parameters name
     * ({@code ${web01.address}}). A lab without such a host would render the course's default address in its place and
     * judge the learner's work against it.
     */
    public List<String> roles() {
        Set<String> out = new LinkedHashSet<>(on);
        for (YNode v : with.values()) {
            if (v.isScalar()) {
                for (String name : Template.names(v.text())) {
                    int dot = name.indexOf('.');
                    if (dot > 0) {
                        out.add(name.substring(0, dot));
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
