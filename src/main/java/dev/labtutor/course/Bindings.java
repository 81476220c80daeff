package dev.labtutor.course;

import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.yaml.Problem;
import dev.labtutor.yaml.Problems;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values that fill a course's templates for one learner: course variables (lab file overrides, else the course
 * default), and per role {@code ROLE.address}, {@code ROLE.user}, {@code ROLE.port} and {@code ROLE.iface} (the
 * interface detected on the host as carrying its address, else the course's {@code iface} default), and each role's
 * detected {@link Distro} whose {@link Family} picks the course's variants.
 */
public final class Bindings {

    private final Course course;
    private final Optional<LabFile> lab;
    private final Map<String, String> detectedIfaces;
    private final Map<String, Distro> distros;

    private Bindings(Course course, Optional<LabFile> lab, Map<String, String> detectedIfaces,
            Map<String, Distro> distros) {
        this.course = course;
        this.lab = lab;
        this.detectedIfaces = Map.copyOf(detectedIfaces);
        this.distros = Map.copyOf(distros);
    }

    public static Bindings of(Course course, Optional<LabFile> lab) {
        return new Bindings(course, lab, Map.of(), Map.of());
    }

    /** The same bindings with interfaces detected on the hosts. */
    public Bindings withIfaces(Map<String, String> ifaces) {
        Map<String, String> m = new HashMap<>(detectedIfaces);
        m.putAll(ifaces);
        return new Bindings(course, lab, m, distros);
    }

    /** The same bindings with the distributions detected on the hosts (by role). */
    public Bindings withDistros(Map<String, Distro> detected) {
        Map<String, Distro> m = new HashMap<>(distros);
        m.putAll(detected);
        return new Bindings(course, lab, detectedIfaces, m);
    }

    /** The distribution detected on {@code role}'s host, when it has been. */
    public Optional<Distro> distro(String role) {
        return Optional.ofNullable(distros.get(role));
    }

    /**
     * The family whose variants {@code role}'s text, commands and checks use: the detected one, else the document's
     * (openEuler).
     */
    public Family family(String role) {
        return distro(role).map(Distro::familyOrDefault).orElse(Family.OPENEULER);
    }

    /** {@code a} as its host ({@code on:}) is told it: the variant of that host's family, else as written. */
    public Action forHost(Action a) {
        return a.forFamily(family(a.on()));
    }

    public Course course() {
        return course;
    }

    public Optional<LabFile> lab() {
        return lab;
    }

    public Optional<String> lookup(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            VarSpec spec = course.vars().get(name);
            if (spec == null) {
                return Optional.empty();
            }
            return Optional.of(lab.map(l -> l.vars().get(name)).orElse(spec.defaultValue()));
        }
        String role = name.substring(0, dot);
        String field = name.substring(dot + 1);
        if (!course.roles().containsKey(role)) {
            return Optional.empty();
        }
        Optional<HostSpec> host = lab.flatMap(l -> l.host(role));
        return switch (field) {
            case "address" -> host.map(HostSpec::address).or(() -> Optional.ofNullable(course.defaultHosts().get(role)))
                    .or(() -> Optional.of("<" + role + ".address>"));
            case "user" -> Optional.of(host.map(HostSpec::user).orElse("root"));
            case "port" -> Optional.of(String.valueOf(host.map(HostSpec::port).orElse(22)));
            case "iface" -> Optional.ofNullable(detectedIfaces.get(role)).or(() -> lookup("iface"));
            default -> Optional.empty();
        };
    }

    /** The type of a placeholder name: a course variable's, or a role field's. */
    public Optional<VarType> typeOf(String name) {
        int dot = name.indexOf('.');
        if (dot < 0) {
            return Optional.ofNullable(course.vars().get(name)).map(VarSpec::type);
        }
        if (!course.roles().containsKey(name.substring(0, dot))) {
            return Optional.empty();
        }
        return switch (name.substring(dot + 1)) {
            case "address" -> Optional.of(VarType.IPV4);
            case "iface" -> Optional.of(VarType.IFACE);
            case "port" -> Optional.of(VarType.INT);
            case "user" -> Optional.of(VarType.WORD);
            default -> Optional.empty();
        };
    }

    /** Renders a template, failing on unknown names. */
    public String render(String template) {
        return Template.render(template, this::lookup);
    }

    /**
     * Problems with the lab file as far as this course is concerned: variables the course does not know or with values
     * of the wrong type, and roles the given lesson needs but the lab does not define.
     */
    public List<Problem> labProblems(List<String> neededRoles) {
        Problems p = new Problems();
        if (lab.isEmpty()) {
            return p.sorted();
        }
        LabFile l = lab.get();
        Path f = l.source();
        l.vars().forEach((k, v) -> {
            int line = l.varLines().getOrDefault(k, 1);
            VarSpec spec = course.vars().get(k);
            if (spec == null) {
                p.add(new Problem(f, line, 1, "unknown variable '" + k + "' (this course has: "
                        + String.join(", ", course.vars().keySet()) + ")"));
            } else if (!spec.type().accepts(v)) {
                p.add(new Problem(f, line, 1,
                        "variable '" + k + "' must be " + spec.type().describe() + ", not '" + v + "'"));
            }
        });
        java.util.Set<String> explained = new java.util.HashSet<>();
        l.hosts().keySet().forEach(role -> {
            if (!course.roles().containsKey(role)) {
                java.util.Optional<String> meant = dev.labtutor.yaml.Fields.closest(role, course.roles().keySet())
                        .filter(r -> !l.hosts().containsKey(r));
                meant.ifPresent(explained::add);
                p.add(new Problem(f, l.hostLines().getOrDefault(role, 1), 1,
                        "unknown role '" + role + "'" + meant
                                .map(r -> ", did you mean '" + r + "'?"
                                        + (neededRoles.contains(r) ? " (this lesson needs " + r + ")" : ""))
                                .orElse(" (this course has: " + String.join(", ", course.roles().keySet()) + ")")));
            }
        });
        for (String role : neededRoles) {
            if (!l.hosts().containsKey(role) && !explained.contains(role)) {
                p.add(new Problem(f, 1, 1, "role '" + role + "' is needed but not defined under 'hosts:' (add " + role
                        + ": { address: ... })"));
            }
        }
        return p.sorted();
    }
}
