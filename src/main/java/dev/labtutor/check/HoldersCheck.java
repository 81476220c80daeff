package dev.labtutor.check;

import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Exactly {@code count} hosts of the group hold an address. With count 1 and two holders this is split brain. A host
 * that cannot be asked makes the verdict UNREACHABLE: who holds the VIP cannot be told without it.
 */
public record HoldersCheck(String address, int count) implements GroupPrimitive {

    @Override
    public Map<String, Set<Probe>> probes(List<String> on) {
        Map<String, Set<Probe>> m = new LinkedHashMap<>();
        on.forEach(r -> m.put(r, Set.of(AddressCheck.ADDRESSES)));
        return m;
    }

    @Override
    public Outcome evaluate(List<String> on, RoundFacts facts) {
        List<String> holders = new ArrayList<>();
        List<Evidence> ev = new ArrayList<>();
        for (String role : on) {
            Optional<Outcome> unusable = facts.unusable(role, AddressCheck.ADDRESSES);
            if (unusable.isPresent()) {
                Outcome d = unusable.get();
                return new Outcome(d.status(), d.cause(), Text.of("无法判断谁持有 " + address + "：" + d.message().zh(),
                        "cannot tell who holds " + address + ": " + d.message().en()), d.evidence());
            }
            Addresses a = (Addresses) facts.host(role).orElseThrow().fact(AddressCheck.ADDRESSES);
            ev.add(new Evidence(role, AddressCheck.describe(a)));
            if (a.holds(address)) {
                holders.add(role);
            }
        }
        String who = holders.isEmpty() ? "-" : String.join(", ", holders);
        if (holders.size() == count) {
            return Outcome.pass(Text.of(address + " 由 " + who + " 持有", address + " is held by " + who), ev);
        }
        if (holders.isEmpty()) {
            return Outcome.fail("none", Text.of(String.join("、", on) + " 都没有持有 " + address,
                    "none of " + String.join(", ", on) + " holds " + address), ev);
        }
        if (holders.size() > count) {
            String cause = count == 1 ? "split-brain" : "too-many";
            return Outcome.fail(cause, Text.of(address + " 同时出现在 " + who + " 上" + (count == 1 ? "（脑裂）" : ""),
                    address + " is held by " + who + " at the same time" + (count == 1 ? " (split brain)" : "")), ev);
        }
        return Outcome.fail("too-few", Text.of(address + " 只在 " + who + " 上，应有 " + count + " 台持有",
                address + " is held only by " + who + ", expected " + count + " holders"), ev);
    }
}
