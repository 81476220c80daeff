package dev.labtutor.check;

import dev.labtutor.check.fact.HttpResults;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * GETs a URL {@code requests} times from the tutor's machine ({@code from = "tutor"}) or from a lab host, and expects
 * every answer to contain a text and/or at least {@code distinct} different bodies (load balancing across real
 * servers). A service that does not answer is a FAIL: the host asked was reachable, the service is what is wrong.
 */
public record HttpCheck(String url, String from, int requests, Optional<String> contains, Optional<Integer> distinct,
        List<String> backends) implements GroupPrimitive {

    public HttpCheck(String url, String from, int requests, Optional<String> contains, Optional<Integer> distinct) {
        this(url, from, requests, contains, distinct, List.of());
    }

    public HttpCheck {
        backends = List.copyOf(backends);
    }

    private Probe probe() {
        return Probe.of(Probe.Kind.HTTP, url, String.valueOf(requests));
    }

    private String fromRole() {
        return from.equals("tutor") ? HostFacts.TUTOR : from;
    }

    @Override
    public Map<String, Set<Probe>> probes(List<String> on) {
        return Map.of(fromRole(), Set.of(probe()));
    }

    @Override
    public Outcome evaluate(List<String> on, RoundFacts facts) {
        Optional<Outcome> unusable = facts.unusable(fromRole(), probe());
        if (unusable.isPresent()) {
            return unusable.get();
        }
        HttpResults res = (HttpResults) facts.host(fromRole()).orElseThrow().fact(probe());
        List<Evidence> ev = new ArrayList<>();
        Set<String> bodies = new LinkedHashSet<>();
        int ok = 0;
        for (HttpResults.Response r : res.responses()) {
            if (r.status() == 0) {
                ev.add(new Evidence(from, "GET " + url + ": " + r.error()));
            } else {
                ok++;
                String body = r.body().strip();
                bodies.add(body);
                ev.add(new Evidence(from, "GET " + url + ": " + r.status() + " "
                        + (body.length() > 80 ? body.substring(0, 80) + "…" : body)));
            }
        }
        String who = from.equals("tutor") ? "本机" : from;
        String whoEn = from.equals("tutor") ? "this machine" : from;
        if (ok == 0) {
            return Outcome.fail("no-answer",
                    Text.of("从" + who + "访问 " + url + " 没有响应", url + " does not answer from " + whoEn), ev);
        }
        if (ok < res.responses().size()) {
            return Outcome.fail("some-failed",
                    Text.of("从" + who + "访问 " + url + " 有 " + (res.responses().size() - ok) + " 次失败",
                            (res.responses().size() - ok) + " of " + res.responses().size() + " requests to " + url
                                    + " failed from " + whoEn),
                    ev);
        }
        if (contains.isPresent() && res.responses().stream().anyMatch(r -> !r.body().contains(contains.get()))) {
            return Outcome.fail("wrong-content", Text.of(url + " 返回的页面中没有 “" + contains.get() + "”",
                    url + " answered without \"" + contains.get() + "\""), ev);
        }
        if (distinct.isPresent() && bodies.size() < distinct.get()) {
            return Outcome.fail("not-balanced",
                    Text.of(requests + " 次访问 " + url + " 只看到 " + bodies.size() + " 种页面，应至少 " + distinct.get() + " 种",
                            requests + " requests to " + url + " saw " + bodies.size()
                                    + " distinct page(s), expected at least " + distinct.get()),
                    ev);
        }
        if (!backends.isEmpty()) {
            java.util.Map<String, Integer> seen = new java.util.LinkedHashMap<>();
            backends.forEach(b -> seen.put(b, 0));
            for (HttpResults.Response r : res.responses()) {
                backends.stream().filter(b -> r.body().contains(b)).forEach(b -> seen.merge(b, 1, Integer::sum));
            }
            String counts =
                    String.join(", ", seen.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).toList());
            ev.add(new Evidence(from, "pages per server: " + counts));
            List<String> missing =
                    seen.entrySet().stream().filter(e -> e.getValue() == 0).map(java.util.Map.Entry::getKey).toList();
            if (!missing.isEmpty()) {
                return Outcome.fail("backend-missing",
                        Text.of(requests + " 次访问 " + url + " 没有看到 " + String.join("、", missing) + " 的页面（" + counts
                                + "）",
                                requests + " requests to " + url + " never reached " + String.join(", ", missing) + " ("
                                        + counts + ")"),
                        ev);
            }
            return Outcome.pass(Text.of("从" + who + "访问 " + url + "，请求分到了 " + counts,
                    url + " answers from " + whoEn + ", spread as " + counts), ev);
        }
        return Outcome.pass(Text.of("从" + who + "访问 " + url + " 正常", url + " answers as expected from " + whoEn), ev);
    }
}
