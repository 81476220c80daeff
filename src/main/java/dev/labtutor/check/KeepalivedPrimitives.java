package dev.labtutor.check;

import dev.labtutor.course.VarType;
import dev.labtutor.yaml.Fields;
import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Reads the keepalived-based primitives (config valid, instance as asked, group consistent). */
final class KeepalivedPrimitives {

    private static final Set<String> ASPECTS =
            Set.of("vrid", "auth", "advert", "vip", "priority", "master", "router-id", "vs", "instance");

    private KeepalivedPrimitives() {
    }

    static Optional<Primitive> read(String name, YNode body, Problems problems) {
        switch (name) {
            case "keepalived-config" : {
                Fields f = Fields.of(body, problems, name, Set.of("path", "deny", "advisory"));
                return Optional.of(new KeepalivedConfigCheck(PrimitiveReader.typed(f, "path", VarType.PATH, problems),
                        new HashSet<>(f.textList("deny")), new HashSet<>(f.textList("advisory"))));
            }
            case "keepalived-instance" : {
                Fields f = Fields.of(body, problems, name,
                        Set.of("path", "instance", "state", "vip", "vrid", "priority", "iface"));
                Optional<String> state = f.text("state");
                state.filter(s -> !s.equals("MASTER") && !s.equals("BACKUP"))
                        .ifPresent(s -> problems.add(f.node("state").orElseThrow(), "state must be MASTER or BACKUP"));
                Optional<String> vip = f.text("vip");
                vip.filter(v -> !VarType.IPV4.accepts(v)).ifPresent(v -> problems.add(f.node("vip").orElseThrow(),
                        "'vip' must be an IPv4 address, not '" + v + "'"));
                return Optional.of(new KeepalivedInstanceCheck(PrimitiveReader.typed(f, "path", VarType.PATH, problems),
                        f.text("instance"), state, vip, f.integer("vrid", 1, 255), f.integer("priority", 1, 255),
                        PrimitiveReader.optTyped(f, "iface", VarType.IFACE, problems)));
            }
            case "keepalived-group" : {
                Fields f = Fields.of(body, problems, name, Set.of("path", "aspect"));
                Optional<String> aspect = f.text("aspect");
                aspect.filter(a -> !ASPECTS.contains(a)).ifPresent(a -> problems.add(f.node("aspect").orElseThrow(),
                        "aspect must be one of " + new java.util.TreeSet<>(ASPECTS)));
                return Optional
                        .of(new KeepalivedGroupCheck(PrimitiveReader.typed(f, "path", VarType.PATH, problems), aspect));
            }
            case "keepalived-virtual-server" : {
                Fields f = Fields.of(body, problems, name, Set.of("path", "address", "port", "algo", "kind", "protocol",
                        "real-servers", "real-port", "checker"));
                java.util.List<String> rs = new java.util.ArrayList<>();
                for (String a : f.text("real-servers").orElse("").split(",")) {
                    if (a.isBlank()) {
                        continue;
                    }
                    if (!VarType.IPV4.accepts(a.trim())) {
                        problems.add(f.node("real-servers").orElseThrow(),
                                "real server '" + a.trim() + "' is not an IPv4 address");
                    }
                    rs.add(a.trim());
                }
                Optional<Integer> realPort = f.integer("real-port", 1, 65535);
                return Optional.of(new VirtualServerCheck(PrimitiveReader.typed(f, "path", VarType.PATH, problems),
                        PrimitiveReader.typed(f, "address", VarType.IPV4, problems),
                        f.integer("port", 1, 65535).orElse(80), f.text("algo"), f.text("kind"), f.text("protocol"), rs,
                        realPort.map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty()),
                        f.text("checker")));
            }
            default :
                return Optional.empty();
        }
    }
}
