package dev.labtutor.check;

import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Template;
import dev.labtutor.course.VarType;
import dev.labtutor.course.Variants;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Family;
import dev.labtutor.yaml.Problems;
import dev.labtutor.yaml.YNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a lesson's {@link CheckRef} into a {@link BoundCheck}: looks the check up, fills its parameters from
 * {@code with} (rendered with the learner's values) and defaults, validates them, and builds the primitives. Problems
 * go to {@code problems} (for lint) and make the bound check misdefined (for a run).
 */
public final class Binder {

    private final CheckCatalog catalog;

    public Binder(CheckCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Binds {@code ref}; a reference with {@code family:} variants binds the document's check and every variant, and
     * becomes a {@link FamilySwitch} that judges each host by its own family's. Variants are only for checks judged on
     * each host alone: one that judges hosts together (who holds the VIP) is a problem.
     */
    public BoundCheck bind(CheckRef ref, Bindings bindings, Problems problems) {
        if (ref.family().isEmpty()) {
            return bindOne(ref, bindings, problems);
        }
        int before = problems.size();
        BoundCheck fallback = bindOne(ref, bindings, problems);
        perHostOnly(ref, fallback, ref.at(), problems);
        Map<CheckRef.Variant, Optional<BoundCheck>> bound = new java.util.IdentityHashMap<>();
        for (CheckRef.Variant v : ref.family().values()) {
            if (!bound.containsKey(v)) {
                Optional<BoundCheck> b = ref.variant(v).map(r -> bindOne(r, bindings, problems));
                b.ifPresent(c -> perHostOnly(ref, c, v.at(), problems));
                bound.put(v, b);
            }
        }
        if (problems.size() != before) {
            return misdefined(ref, problems, before);
        }
        Map<Family, Optional<BoundCheck>> byFamily = new java.util.EnumMap<>(Family.class);
        for (Family f : Family.values()) {
            byFamily.put(f, Variants.lookup(ref.family(), f).map(bound::get).orElse(Optional.of(fallback)));
        }
        return new BoundCheck(ref.id(), ref.use(), fallback.title(), ref.on(),
                Optional.of(new FamilySwitch(fallback, byFamily)), List.of(), Map.of(), fallback.render(),
                Optional.empty());
    }

    private static void perHostOnly(CheckRef ref, BoundCheck c, YNode at, Problems problems) {
        if (c.primitive().isPresent() && !(c.primitive().get() instanceof PerHostPrimitive)) {
            problems.add(at, "check '" + ref.id() + "' has family variants, but '" + c.use()
                    + "' judges its hosts together; variants are only for checks judged on each host alone");
        }
    }

    private BoundCheck bindOne(CheckRef ref, Bindings bindings, Problems problems) {
        int before = problems.size();
        Optional<CheckDef> def = catalog.get(ref.use());
        if (def.isEmpty()) {
            problems.add(ref.at(), "unknown check '" + ref.use() + "' (not defined in checks/)");
            return misdefined(ref, problems, before);
        }
        CheckDef d = def.get();
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, YNode> w : ref.with().entrySet()) {
            CheckDef.Param p = d.params().get(w.getKey());
            if (p == null) {
                problems.add(w.getValue(), "check '" + d.id() + "' has no parameter '" + w.getKey() + "' (it has: "
                        + String.join(", ", d.params().keySet()) + ")");
                continue;
            }
            if (!w.getValue().isScalar()) {
                problems.add(w.getValue(), "parameter '" + w.getKey() + "' must be a single value");
                continue;
            }
            try {
                String v = bindings.render(w.getValue().text());
                if (!p.type().accepts(v)) {
                    problems.add(w.getValue(), "parameter '" + w.getKey() + "' of check '" + d.id() + "' must be "
                            + p.type().describe() + ", not '" + v + "'");
                }
                values.put(w.getKey(), v);
            } catch (Template.UnknownVariable e) {
                problems.add(w.getValue(), e.getMessage());
            }
        }
        for (CheckDef.Param p : d.params().values()) {
            if (!values.containsKey(p.name())) {
                if (p.defaultValue().isPresent()) {
                    values.put(p.name(), p.defaultValue().get());
                } else if (!ref.with().containsKey(p.name())) {
                    problems.add(ref.at(), "check '" + d.id() + "' needs parameter '" + p.name() + "'");
                }
            }
        }
        if (problems.size() != before) {
            return misdefined(ref, problems, before);
        }
        refuseTextInCommands(d, name -> Optional.ofNullable(d.params().get(name)).map(CheckDef.Param::type)
                .or(() -> bindings.typeOf(name)).or(() -> Optional.of(VarType.TEXT)), problems);
        if (problems.size() != before) {
            return misdefined(ref, problems, before);
        }
        java.util.function.UnaryOperator<String> render =
                t -> Template.render(t, n -> Optional.ofNullable(values.get(n)).or(() -> bindings.lookup(n)));
        YNode expect = render(d.expect(), render, problems);
        Optional<Primitive> prim = PrimitiveReader.read(expect, problems);
        List<BoundCheck.BoundCause> causes = new ArrayList<>();
        for (CheckDef.Cause c : d.causes()) {
            PrimitiveReader.read(render(c.when(), render, problems), problems)
                    .ifPresent(w -> causes.add(new BoundCheck.BoundCause(c.cause(), c.ifCause(), w, c.negate())));
        }
        if (problems.size() != before || prim.isEmpty()) {
            return misdefined(ref, problems, before);
        }
        Text title = renderText(d.title(), render);
        return new BoundCheck(ref.id(), ref.use(), title, ref.on(), prim, causes, d.hints(), d.hintFamilies(), render,
                Optional.empty());
    }

    /**
     * A {@code command} primitive's {@code run} reaches a shell as text. It may only use values whose type is validated
     * (address, number, word, interface, path, URL), never free text.
     *
     * @param typeOf the type of each placeholder name; a name it does not know is not reported
     */
    static void refuseTextInCommands(CheckDef d, Function<String, Optional<VarType>> typeOf, Problems problems) {
        List<YNode> nodes = new ArrayList<>();
        nodes.add(d.expect());
        d.causes().forEach(c -> nodes.add(c.when()));
        for (YNode n : nodes) {
            n.get("command").flatMap(c -> c.get("run")).ifPresent(run -> {
                for (String name : Template.names(run.text())) {
                    if (typeOf.apply(name).filter(t -> t == VarType.TEXT).isPresent()) {
                        problems.add(run, "check " + d.id() + ": command 'run' uses ${" + name
                                + "}, a free-text value that would reach the shell unvalidated; give it a stricter type");
                    }
                }
            });
        }
    }

    private static YNode render(YNode n, java.util.function.UnaryOperator<String> render, Problems problems) {
        try {
            return n.mapScalars(render);
        } catch (Template.UnknownVariable e) {
            problems.add(n, e.getMessage() + " in check definition");
            return n;
        }
    }

    static Text renderText(Text t, java.util.function.UnaryOperator<String> render) {
        try {
            return Text.of(render.apply(t.zh()), render.apply(t.en()));
        } catch (Template.UnknownVariable e) {
            return t;
        }
    }

    private BoundCheck misdefined(CheckRef ref, Problems problems, int before) {
        String first = problems.size() > before ? lastProblem(problems) : "";
        return new BoundCheck(ref.id(), ref.use(), Text.of(ref.id(), ref.id()), ref.on(), Optional.empty(), List.of(),
                Map.of(), s -> s, Optional.of(Text.of("检查定义有误：" + first, "the check is misdefined: " + first)));
    }

    private static String lastProblem(Problems problems) {
        return problems.last().map(Object::toString).orElse("");
    }
}
