package dev.labtutor.check;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.fact.Fact;
import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostException;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one round learned about one host: its facts by probe, or why it could not be asked. {@code address} is the
 * address labtutor connected to (used to find the interface that carries it, whatever the learner's machine calls it).
 */
public record HostFacts(String role, String address, Map<Probe, Fact> facts, Optional<HostException> failure) {

    public static final String TUTOR = "@tutor";

    public HostFacts {
        facts = Map.copyOf(facts);
    }

    public static HostFacts failed(String role, String address, HostException e) {
        return new HostFacts(role, address, Map.of(), Optional.of(e));
    }

    public Fact fact(Probe p) {
        Fact f = facts.get(p);
        return f != null ? f : new ProbeBroken(p.describe(), "probe was not run in this round");
    }

    /** This host's distribution, when the round asked for it ({@link Probe.Kind#OS}) and the answer could be read. */
    public Optional<dev.labtutor.lab.Distro> distro() {
        return fact(OS) instanceof dev.labtutor.check.fact.OsRelease o ? Optional.of(o.distro()) : Optional.empty();
    }

    /** The probe that tells a host's distribution. */
    public static final Probe OS = Probe.of(Probe.Kind.OS);

    /** The interface holding the address labtutor connected to, when it can be seen. */
    public Optional<String> primaryIface() {
        if (fact(Probe.of(Probe.Kind.ADDRESSES)) instanceof Addresses a) {
            return a.holder(address).map(Addresses.Iface::name).filter(n -> IFACE_NAME.matcher(n).matches());
        }
        return Optional.empty();
    }

    /**
     * A name Linux could give an interface (at most 15 bytes, no blank, slash or colon), in the characters real ones
     * use. The detected interface goes into lesson text and commands, so a name a host made up (escape sequences,
     * markup) is not taken: the course's fallback is used.
     */
    private static final java.util.regex.Pattern IFACE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_.@-]{1,15}");

    /** The outcome for a host that could not be asked, or empty when it answered. */
    public Optional<Outcome> unavailable() {
        return failure.map(e -> new Outcome(e.kind().unreachable() ? Status.UNREACHABLE : Status.ERROR,
                "host-" + e.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), e.text(),
                java.util.List.of(new Evidence(role, e.getMessage()))));
    }

    public static Outcome broken(String role, ProbeBroken b) {
        return new Outcome(Status.ERROR, "probe-broken",
                Text.of(role + " 上的探测 " + b.probe() + " 出错：" + b.reason(),
                        "the probe " + b.probe() + " on " + role + " broke: " + b.reason()),
                java.util.List.of(new Evidence(role, b.probe() + ": " + b.reason())));
    }
}
