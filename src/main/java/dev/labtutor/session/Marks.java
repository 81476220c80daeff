package dev.labtutor.session;

import dev.labtutor.check.Evidence;
import dev.labtutor.check.HostVerdict;
import dev.labtutor.check.Verdict;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.HostMark;
import java.util.ArrayList;
import java.util.List;

/**
 * Verdicts as the progress remembers them: one {@link CheckMark} per check with one
 * {@link HostMark} per host (a check judged without hosts, like a quiz, gets one row with an
 * empty host name). Evidence is kept up to {@link #MAX_EVIDENCE} lines per host.
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

    private static List<String> evidence(List<Evidence> ev) {
        return ev.stream().limit(MAX_EVIDENCE).map(Evidence::detail).toList();
    }
}
