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
 *
 * <p>{@code family} holds the check of each family that judges this differently (by family id, see {@link Variants}):
 * each host is judged with its own family's variant, see {@code dev.labtutor.check.FamilySwitch}.
 */
public record CheckRef(String id, String use, List<String> on, Map<String, YNode> with, YNode at,
        java.util.Optional<String> supersededBy, Map<String, Variant> family) {

    /**
     * A family's own check: {@code skip} (not asked on that family's hosts, which pass as "does not apply"), or another
     * {@code use} and/or {@code with}. A variant with its own {@code use} starts from an empty {@code with}; one
     * without lays its {@code with} over the default's. {@code at} is where the variant is written.
     */
    public record Variant(boolean skip, java.util.Optional<String> use, Map<String, YNode> with, YNode at) {

        public Variant {
            with = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
        }
    }

    public CheckRef {
        on = List.copyOf(on);
        with = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(with));
        java.util.Objects.requireNonNull(supersededBy, "supersededBy");
        family = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(family));
    }

    public CheckRef(String id, String use, List<String> on, Map<String, YNode> with, YNode at,
            java.util.Optional<String> supersededBy) {
        this(id, use, on, with, at, supersededBy, Map.of());
    }

    /** A check that holds in every later state of the course. */
    public CheckRef(String id, String use, List<String> on, Map<String, YNode> with, YNode at) {
        this(id, use, on, with, at, java.util.Optional.empty());
    }

    /**
     * This check as a host of {@code family} is judged by: empty when its variant is {@code skip}; the variant's
     * check (same id, hosts and scope, no variants of its own) when it has one; else this check.
     */
    public java.util.Optional<CheckRef> forFamily(dev.labtutor.lab.Family f) {
        java.util.Optional<Variant> v = Variants.lookup(family, f);
        if (v.isEmpty()) {
            return java.util.Optional.of(this);
        }
        return variant(v.get());
    }

    /** The check one variant makes: empty for {@code skip}. */
    public java.util.Optional<CheckRef> variant(Variant v) {
        if (v.skip()) {
            return java.util.Optional.empty();
        }
        Map<String, YNode> w = new java.util.LinkedHashMap<>();
        if (v.use().isEmpty()) {
            w.putAll(with);
        }
        w.putAll(v.with());
        return java.util.Optional.of(new CheckRef(id, v.use().orElse(use), on, w, v.at(), supersededBy));
    }

    /**
     * The roles this check needs a host for: those it runs {@code on}, then those whose fields its parameters name
     * ({@code ${web01.address}}). A lab without such a host would render the course's default address in its place and
     * judge the learner's work against it.
     */
    public List<String> roles() {
        Set<String> out = new LinkedHashSet<>(on);
        List<YNode> values = new java.util.ArrayList<>(with.values());
        family.values().forEach(v -> values.addAll(v.with().values()));
        for (YNode v : values) {
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
