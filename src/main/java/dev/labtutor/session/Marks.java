package dev.labtutor.session;

import dev.labtutor.check.Evidence;
import dev.labtutor.check.HostVerdict;
import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.HostMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Verdicts as the progress remembers them: one {@link CheckMark} per check with one {@link HostMark} per host (a check
 * judged without hosts, like a quiz, gets one row with an empty host name). Evidence is kept up to
 * {@link #MAX_EVIDENCE} lines per host.
 */
public final class Marks {

    public static final int MAX_EVIDENCE = 40;

    private Marks() {
    }

    public static List<CheckMark> of(List<Verdict> verdicts) {
        return verdicts.stream().map(Marks::of).toList();
    }

    public static CheckMark of(Verdict v) {
        List<HostMark> hosts = new ArrayList<>();
        for (HostVerdict h : v.perHost()) {
            hosts.add(new HostMark(h.role(), h.status().json(), h.cause(), h.message(), h.hint(),
                    evidence(h.evidence())));
        }
        if (hosts.isEmpty()) {
            hosts.add(new HostMark("", v.status().json(), v.cause(), v.message(), v.hint(), evidence(v.evidence())));
        }
        return new CheckMark(v.check(), v.title(), v.status().json(), hosts, v.notes());
    }

    /**
     * The verdict a mark remembers, for a view that renders verdicts: {@code Marks.of} of it is the mark again. Its own
     * message, hint and cause are those of its first host not passing (else its first host); its evidence is every
     * host's.
     */
    public static Verdict verdict(CheckMark m) {
        List<HostVerdict> perHost = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        for (HostMark h : m.hosts()) {
            List<Evidence> ev = h.evidence().stream().map(d -> new Evidence(h.host(), d)).toList();
            evidence.addAll(ev);
            if (!h.host().isEmpty()) {
                perHost.add(new HostVerdict(h.host(), status(h.status()), h.cause(), h.message(), h.hint(), ev));
            }
        }
        HostMark first =
                m.hosts().stream().filter(h -> !h.passed()).findFirst().or(() -> m.hosts().stream().findFirst())
                        .orElse(new HostMark("", m.status(), "", Text.of("", ""), Optional.empty(), List.of()));
        return new Verdict(m.check(), m.title(), perHost.stream().map(HostVerdict::role).toList(), status(m.status()),
                first.cause(), first.message(), first.hint(), evidence, perHost, m.notes());
    }

    /** A status as the progress writes it; one it does not know (a file edited by hand) could not be judged. */
    private static Status status(String json) {
        try {
            return Status.valueOf(json.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Status.ERROR;
        }
    }

    private static List<String> evidence(List<Evidence> ev) {
        return ev.stream().limit(MAX_EVIDENCE).map(Evidence::detail).toList();
    }
}
