package dev.labtutor.check;

import dev.labtutor.course.Template;
import dev.labtutor.course.Variants;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.Distro;
import dev.labtutor.lab.Family;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Pure evaluation of bound checks against one round's facts. On FAIL the cause rules are tried in order to explain why,
 * and the hint is chosen by cause: the matched rule's, else the primitive's own cause code, else {@code default}.
 */
public final class Evaluator {

    private static final Text UNREACHABLE_HINT = Text.of("确认虚拟机已开机、lab.yaml 中的地址/端口/用户正确、sshd 正在运行并且网络可达；这不是你实验步骤的问题。",
            "Make sure the VM is running, the address/port/user in lab.yaml are right, sshd is running and the network reaches it; this is not about your lab work.");

    private Evaluator() {
    }

    public static Verdict evaluate(BoundCheck check, RoundFacts facts) {
        if (check.misdefined().isPresent() || check.primitive().isEmpty()) {
            Text m = check.misdefined().orElse(Text.of("检查定义有误", "the check is misdefined"));
            return new Verdict(check.id(), check.title(), check.on(), Status.ERROR, "misdefined", m,
                    Optional.of(Text.of("这是课程数据的问题，请运行 labtutor lint 并报告给课程作者。",
                            "This is a problem in the course data: run 'labtutor lint' and report it to the course author.")),
                    List.of());
        }
        if (check.primitive().get() instanceof FamilySwitch sw) {
            return switched(check, sw, facts);
        }
        Outcome o = check.primitive().get().evaluate(check.on(), facts);
        if (!o.perHost().isEmpty()) {
            return fromHosts(check, o, perHost(check, o, "", Optional.empty(), facts), facts);
        }
        String cause = o.cause();
        List<String> matched = check.on();
        if (o.status() == Status.FAIL) {
            for (BoundCheck.BoundCause c : check.causes()) {
                if (c.ifCause().isPresent() && !c.ifCause().get().equals(o.cause())) {
                    continue;
                }
                List<String> hits = matches(c, check.on(), facts);
                if (!hits.isEmpty()) {
                    cause = c.cause();
                    matched = hits;
                    break;
                }
            }
        }
        Optional<Text> hint = hintFor(check, o.status(), cause, o.cause(), matched, facts);
        return new Verdict(check.id(), check.title(), check.on(), o.status(), cause, o.message(), hint, o.evidence(),
                perHost(check, o, cause, hint, facts), o.notes());
    }

    /**
     * The verdict of a check judged host by host sums up the hosts that decided its status: the cause is that of the
     * first host whose own status is the check's, and the hint is the one for that cause on every such host with that
     * cause. A host that passed never lends the check its cause or hint (a cause rule that holds on a passing host
     * explains nothing about the others).
     */
    private static Verdict fromHosts(BoundCheck check, Outcome o, List<HostVerdict> hosts, RoundFacts facts) {
        Optional<HostVerdict> first = hosts.stream().filter(h -> h.status() == o.status()).findFirst();
        String cause = first.map(HostVerdict::cause).orElse(o.cause());
        String primitiveCause = first.map(h -> o.perHost().get(h.role()).cause()).orElse(o.cause());
        List<String> matched = first.isEmpty() ? check.on() : hosts.stream()
                .filter(h -> h.status() == o.status() && h.cause().equals(cause)).map(HostVerdict::role).toList();
        Optional<Text> hint = hintFor(check, o.status(), cause, primitiveCause, matched, facts);
        return new Verdict(check.id(), check.title(), check.on(), o.status(), cause, o.message(), hint, o.evidence(),
                hosts, o.notes());
    }

    /**
     * A check with family variants: each host is judged as the check of its own family (with that check's causes and
     * hints) and the hosts' judgements are summed up as for any check judged host by host. The title is the variant's
     * when every host took the same one; when the hosts that decided the status were told different hints, each is
     * said under its hosts.
     */
    private static Verdict switched(BoundCheck check, FamilySwitch sw, RoundFacts facts) {
        Map<String, Outcome> per = new LinkedHashMap<>();
        List<HostVerdict> hosts = new ArrayList<>();
        Set<Text> titles = new LinkedHashSet<>();
        for (String role : check.on()) {
            Optional<BoundCheck> chosen = sw.choose(facts.host(role));
            if (chosen.isEmpty()) {
                Outcome o = FamilySwitch.notApplies(role, facts.host(role));
                per.put(role, o);
                hosts.add(new HostVerdict(role, o.status(), o.cause(), o.message(), Optional.empty(), o.evidence()));
                continue;
            }
            BoundCheck c = chosen.get();
            titles.add(c.title());
            Verdict v = evaluate(new BoundCheck(c.id(), c.use(), c.title(), List.of(role), c.primitive(), c.causes(),
                    c.hints(), c.hintFamilies(), c.render(), c.misdefined()), facts);
            HostVerdict hv = v.on(role)
                    .orElse(new HostVerdict(role, v.status(), v.cause(), v.message(), v.hint(), v.evidence()));
            hosts.add(hv);
            per.put(role, new Outcome(hv.status(), hv.cause(), hv.message(), hv.evidence(), Map.of(), v.notes()));
        }
        Outcome o = Outcome.combine(per);
        Optional<HostVerdict> first = hosts.stream().filter(h -> h.status() == o.status()).findFirst();
        Text title = titles.size() == 1 ? titles.iterator().next() : check.title();
        Map<Text, List<String>> told = new LinkedHashMap<>();
        Map<Text, Set<Family>> families = new LinkedHashMap<>();
        hosts.stream().filter(h -> h.status() == o.status() && h.hint().isPresent()).forEach(h -> {
            told.computeIfAbsent(h.hint().get(), k -> new ArrayList<>()).add(h.role());
            familyOf(facts, h.role()).filter(f -> f != Family.OPENEULER)
                    .ifPresent(f -> families.computeIfAbsent(h.hint().get(), k -> new LinkedHashSet<>()).add(f));
        });
        Optional<Text> hint =
                told.size() > 1 ? Optional.of(eachUnderItsHosts(told, families)) : first.flatMap(HostVerdict::hint);
        return new Verdict(check.id(), title, check.on(), o.status(), first.map(HostVerdict::cause).orElse(o.cause()),
                o.message(), hint, o.evidence(), hosts, o.notes());
    }

    /**
     * The verdict of a check judged outside a round (an observation over time): the hint is chosen by the outcome's
     * cause; every host shares the judgement.
     */
    public static Verdict judged(BoundCheck check, Outcome o) {
        return judged(check, o, new RoundFacts(Map.of()));
    }

    /**
     * As {@link #judged(BoundCheck, Outcome)}, the hint told to each host in its family's terms as {@code distros}
     * (a round that asked {@link HostFacts#OS}) says.
     */
    public static Verdict judged(BoundCheck check, Outcome o, RoundFacts distros) {
        Optional<Text> hint = hintFor(check, o.status(), o.cause(), o.cause(), check.on(), distros);
        return new Verdict(check.id(), check.title(), check.on(), o.status(), o.cause(), o.message(), hint,
                o.evidence()).withNotes(o.notes());
    }

    /**
     * Each host's own judgement: a per-host primitive's outcome for that host, with the cause and hint found for that
     * host alone; for a group primitive, the group's judgement, except for a host that could not be asked, which says
     * so.
     */
    private static List<HostVerdict> perHost(BoundCheck check, Outcome o, String groupCause, Optional<Text> groupHint,
            RoundFacts facts) {
        List<HostVerdict> out = new ArrayList<>();
        if (!o.perHost().isEmpty()) {
            o.perHost().forEach((role, ho) -> {
                String cause = ho.cause();
                if (ho.status() == Status.FAIL) {
                    for (BoundCheck.BoundCause c : check.causes()) {
                        if (c.ifCause().isPresent() && !c.ifCause().get().equals(ho.cause())) {
                            continue;
                        }
                        List<String> scope = c.when() instanceof PerHostPrimitive ? List.of(role) : check.on();
                        List<String> hits = matches(c, scope, facts);
                        if (hits.contains(role) || (!hits.isEmpty() && !(c.when() instanceof PerHostPrimitive))) {
                            cause = c.cause();
                            break;
                        }
                    }
                }
                out.add(new HostVerdict(role, ho.status(), cause, ho.message(),
                        hintFor(check, ho.status(), cause, ho.cause(), List.of(role), facts), ho.evidence()));
            });
            return out;
        }
        for (String role : check.on()) {
            Optional<Outcome> down = facts.host(role).flatMap(HostFacts::unavailable);
            if (down.isPresent()) {
                Outcome d = down.get();
                out.add(new HostVerdict(role, d.status(), d.cause(), d.message(),
                        hintFor(check, d.status(), d.cause(), d.cause(), List.of(role), facts), d.evidence()));
            } else {
                out.add(new HostVerdict(role, o.status(), groupCause, o.message(), groupHint,
                        o.evidence().stream().filter(e -> e.host().equals(role)).toList()));
            }
        }
        return out;
    }

    private static Optional<Text> hintFor(BoundCheck check, Status status, String cause, String primitiveCause,
            List<String> hosts, RoundFacts facts) {
        return switch (status) {
            case PASS -> Optional.empty();
            case UNREACHABLE -> Optional.of(UNREACHABLE_HINT);
            case FAIL, ERROR -> hint(check, cause, primitiveCause, hosts, facts);
        };
    }

    private static List<String> matches(BoundCheck.BoundCause c, List<String> on, RoundFacts facts) {
        Status want = c.negate() ? Status.FAIL : Status.PASS;
        if (c.when() instanceof PerHostPrimitive) {
            List<String> hits = new ArrayList<>();
            for (String r : on) {
                if (c.when().evaluate(List.of(r), facts).status() == want) {
                    hits.add(r);
                }
            }
            return hits;
        }
        return c.when().evaluate(on, facts).status() == want ? on : List.of();
    }

    /**
     * The hint for {@code cause} (else the primitive's cause, else {@code default}) as each of {@code hosts} is to be
     * told it: the {@code family:} form of its family (the OS probe of this round), else the written text. When the
     * hosts read different forms, each form is said under the hosts it is for ("lb02 (CentOS 7): ...").
     */
    private static Optional<Text> hint(BoundCheck check, String cause, String primitiveCause, List<String> hosts,
            RoundFacts facts) {
        String key = check.hints().containsKey(cause) ? cause
                : check.hints().containsKey(primitiveCause) ? primitiveCause : "default";
        Text written = check.hints().get(key);
        if (written == null) {
            return Optional.empty();
        }
        Map<String, Text> forms = check.hintFamilies().getOrDefault(key, Map.of());
        Map<Text, List<String>> told = new LinkedHashMap<>();
        Map<Text, Set<Family>> families = new LinkedHashMap<>();
        for (String h : hosts) {
            Optional<Family> f = familyOf(facts, h);
            Text t = f.flatMap(x -> Variants.lookup(forms, x)).orElse(written);
            told.computeIfAbsent(t, k -> new ArrayList<>()).add(h);
            if (t != written) {
                f.ifPresent(x -> families.computeIfAbsent(t, k -> new LinkedHashSet<>()).add(x));
            }
        }
        if (told.size() <= 1) {
            return Optional.of(render(check, told.isEmpty() ? written : told.keySet().iterator().next(), hosts));
        }
        Map<Text, List<String>> rendered = new LinkedHashMap<>();
        Map<Text, Set<Family>> renderedFamilies = new LinkedHashMap<>();
        told.forEach((t, hs) -> {
            Text r = render(check, t, hs);
            rendered.computeIfAbsent(r, k -> new ArrayList<>()).addAll(hs);
            renderedFamilies.computeIfAbsent(r, k -> new LinkedHashSet<>()).addAll(families.getOrDefault(t, Set.of()));
        });
        return Optional.of(eachUnderItsHosts(rendered, renderedFamilies));
    }

    private static Optional<Family> familyOf(RoundFacts facts, String role) {
        return facts.host(role).flatMap(HostFacts::distro).flatMap(Distro::family);
    }

    /**
     * Each hint under the hosts it is for ("lb01: ... lb02 (CentOS 7): ..."), the hosts' family named when they share
     * one in {@code families}.
     */
    private static Text eachUnderItsHosts(Map<Text, List<String>> told, Map<Text, Set<Family>> families) {
        StringBuilder zh = new StringBuilder();
        StringBuilder en = new StringBuilder();
        told.forEach((t, hs) -> {
            Set<Family> fs = families.getOrDefault(t, Set.of());
            Optional<Family> only = fs.size() == 1 ? Optional.of(fs.iterator().next()) : Optional.empty();
            String who = String.join(", ", hs);
            append(zh, who + only.map(f -> "（" + f.zh() + "）").orElse("") + "：" + t.zh(), "；", "");
            append(en, who + only.map(f -> " (" + f.en() + ")").orElse("") + ": " + t.en(), "; ", " ");
        });
        return Text.of(zh.toString(), en.toString());
    }

    /** Appends {@code part}, after {@code soft} when what is there ends a sentence, else after {@code hard}. */
    private static void append(StringBuilder into, String part, String hard, String soft) {
        if (!into.isEmpty()) {
            char last = into.charAt(into.length() - 1);
            into.append("。.！!？?".indexOf(last) >= 0 ? soft : hard);
        }
        into.append(part);
    }

    private static Text render(BoundCheck check, Text t, List<String> hosts) {
        String joined = String.join(", ", hosts);
        java.util.function.UnaryOperator<String> r = s -> {
            try {
                return check.render().apply(s.replace("${hosts}", joined));
            } catch (Template.UnknownVariable e) {
                return s;
            }
        };
        return Text.of(r.apply(t.zh()), r.apply(t.en()));
    }
}
