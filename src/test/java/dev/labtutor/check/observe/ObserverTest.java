package dev.labtutor.check.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.Outcome;
import dev.labtutor.check.Status;
import dev.labtutor.check.TimelineCheck;
import dev.labtutor.check.fact.Addresses;
import dev.labtutor.check.fact.FactParsers;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.check.probe.ProbeOutput;
import dev.labtutor.i18n.Lang;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The observer and the timeline over a scripted failover built from real command output: {@code ip -j -4 addr show} of
 * a host with and without the VIP (captured in network namespaces) and python's http.server answering an HTTP/1.0 GET,
 * on a fake clock.
 */
class ObserverTest {

    private static final String VIP = "10.88.0.100";
    private static final Target WEB = Target.http("http://" + VIP + "/").orElseThrow();

    private static String fixture(String rel) {
        try (InputStream in = ObserverTest.class.getResourceAsStream("/fixtures/" + rel)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> ip(String role, boolean vip) {
        Addresses a = (Addresses) FactParsers.parse(Probe.of(Probe.Kind.ADDRESSES),
                new ProbeOutput(fixture("ip/ip-j-4-addr-" + role + (vip ? "-with-vip" : "-without-vip") + ".json"), "",
                        0, false, false));
        Set<String> out = new HashSet<>();
        a.interfaces().forEach(i -> i.addresses().forEach(x -> out.add(x.address())));
        return out;
    }

    /** The captured response of python's http.server, with the page of one host. */
    private static Answer page(String role) {
        String raw = fixture("curl/http10-python-lb01.txt").replace("lb01", role);
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4).strip();
        return new Answer(true, Integer.parseInt(raw.substring(9, 12)), body, "", 3);
    }

    /** Who holds the VIP in each round: 1 = lb01, 2 = lb02, 0 = nobody, -1 = lb02 could not be asked. */
    private static final class Script implements Sampler {
        final int[] holder;
        final boolean[] lost;
        final AtomicInteger addressRound = new AtomicInteger();
        final AtomicInteger askRound = new AtomicInteger();
        final AtomicLong now;

        Script(int[] holder, boolean[] lost, AtomicLong now) {
            this.holder = holder;
            this.lost = lost;
            this.now = now;
        }

        int at(AtomicInteger round) {
            return Math.min(round.getAndIncrement(), holder.length - 1);
        }

        @Override
        public Map<String, Set<String>> addresses(Set<String> roles) {
            now.addAndGet(40_000_000);
            int h = holder[at(addressRound)];
            if (h == -1) {
                return Map.of("lb01", ip("lb01", false));
            }
            return Map.of("lb01", ip("lb01", h == 1), "lb02", ip("lb02", h == 2));
        }

        @Override
        public Answer ask(Target t) {
            int i = at(askRound);
            if (lost[i]) {
                return Answer.lost("timed out", 1000);
            }
            return page(holder[i] == 2 ? "lb02" : "lb01");
        }
    }

    private static Observer.Clock clock(AtomicLong now) {
        return new Observer.Clock() {
            @Override
            public long nanos() {
                return now.get();
            }

            @Override
            public void sleep(long nanos) {
                now.addAndGet(Math.max(0, nanos));
            }
        };
    }

    /** Samples in the calling thread, so the scripted rounds and the fake clock stay in step. */
    private static Observer observer(Sampler s, AtomicLong now) {
        return new Observer(s, Duration.ofMillis(250), clock(now),
                n -> new java.util.concurrent.AbstractExecutorService() {
                    private boolean down;

                    @Override
                    public void execute(Runnable command) {
                        command.run();
                    }

                    @Override
                    public void shutdown() {
                        down = true;
                    }

                    @Override
                    public List<Runnable> shutdownNow() {
                        down = true;
                        return List.of();
                    }

                    @Override
                    public boolean isShutdown() {
                        return down;
                    }

                    @Override
                    public boolean isTerminated() {
                        return down;
                    }

                    @Override
                    public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
                        return true;
                    }
                });
    }

    private static int[] rounds(int... runs) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < runs.length; i += 2) {
            for (int k = 0; k < runs[i + 1]; k++) {
                out.add(runs[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static final TimelineCheck FAILOVER =
            new TimelineCheck(Watch.Track.HOLDER, VIP, Optional.of(WEB), List.of(), 1, List.of("lb01", "lb02", "lb01"));
    private static final TimelineCheck PAGES = new TimelineCheck(Watch.Track.BACKENDS, VIP, Optional.of(WEB),
            List.of("lb01", "lb02"), 1, List.of("lb01", "lb02", "lb01"));

    @Test
    void aFailoverAndBackIsObservedWithItsGapAndLostRequests() {
        // lb01 for 12 rounds, nobody for 2, lb02 (unreachable for one round) for 20, nobody 1, lb01 again.
        int[] holder = rounds(1, 12, 0, 2, 2, 10, -1, 1, 2, 9, 0, 1, 1, 40);
        boolean[] lost = new boolean[holder.length];
        lost[12] = lost[13] = lost[33] = true;
        AtomicLong now = new AtomicLong();
        List<String> events = new ArrayList<>();
        AtomicInteger sampled = new AtomicInteger();
        ObservationListener listener = new ObservationListener() {
            @Override
            public void sampled(String check, Timeline sofar) {
                sampled.incrementAndGet();
            }

            @Override
            public void event(String check, TimelineEvent e) {
                events.add(check + " " + e.line(Lang.EN));
            }
        };
        Script script = new Script(holder, lost, now);
        Map<String, Timeline> t = observer(script, now)
                .observe(Map.of("failover", FAILOVER.watch(List.of("lb01", "lb02"))), Duration.ofSeconds(60), listener);
        Timeline tl = t.get("failover");
        assertTrue(tl.complete());
        assertEquals(72, tl.samples().size(),
                "a hosts' round and a request each tick; stops as soon as lb01 holds the VIP again");
        assertEquals(36, sampled.get(), "the listener hears once a tick");
        assertEquals(List.of("lb01", "", "lb02", "", "lb01"),
                tl.segments().stream().map(Timeline.Segment::state).toList(),
                "the round where lb02 could not be asked does not end its segment");
        assertEquals(3, tl.lost());
        assertEquals(36, tl.requests());
        assertEquals(750, tl.longestOutage().orElseThrow().millis(), "last answer at round 11, next at round 14");
        assertTrue(events.contains("failover [   3.0 s] lb01 lost " + VIP), events.toString());
        assertTrue(events.contains("failover [   3.5 s] lb02 took " + VIP), events.toString());
        assertTrue(events.contains("failover [   3.5 s] http://10.88.0.100/ answers again (out for 0.8 s, 2 lost)"),
                events.toString());
        assertTrue(events.contains("failover [   8.8 s] lb01 took " + VIP), events.toString());

        Outcome o = FAILOVER.judge(tl);
        assertEquals(Status.PASS, o.status(), o.message().en());
        assertTrue(o.message().en().contains("lb02 took over from lb01 at 3.5 s (handover within 0.8 s)"),
                o.message().en());
        assertTrue(o.message().en().contains("3 of 36 requests lost, longest gap 0.8 s"), o.message().en());
        assertTrue(o.message().zh().contains("丢失 3 次"), o.message().zh());
    }

    @Test
    void thePagesShowWhichServerAnswered() {
        int[] holder = rounds(1, 4, 0, 1, 2, 6, 1, 20);
        AtomicLong now = new AtomicLong();
        Map<String, Timeline> t = observer(new Script(holder, new boolean[holder.length], now), now).observe(
                Map.of("pages", PAGES.watch(List.of("lb01", "lb02"))), Duration.ofSeconds(60),
                ObservationListener.NONE);
        Timeline tl = t.get("pages");
        assertTrue(tl.complete(), tl.describeSegments(Lang.EN));
        assertEquals(12, tl.samples().size());
        assertEquals(Status.PASS, PAGES.judge(tl).status());
    }

    @Test
    void withoutAWindowOneSampleIsTakenAndTheCheckSaysWhatItSaw() {
        int[] holder = rounds(1, 5);
        AtomicLong now = new AtomicLong();
        Timeline tl = observer(new Script(holder, new boolean[holder.length], now), now)
                .observe(Map.of("failover", FAILOVER.watch(List.of("lb01", "lb02"))), Duration.ZERO,
                        ObservationListener.NONE)
                .get("failover");
        assertEquals(1, tl.requests());
        assertEquals(2, tl.samples().size(), "one round of the hosts, one request");
        Outcome o = FAILOVER.judge(tl);
        assertEquals(Status.FAIL, o.status());
        assertEquals("not-observed", o.cause());
        assertTrue(
                o.message().en().startsWith("lb01 → lb02 → lb01 was not observed in 0.0 s (" + VIP + ": lb01 0.0 s)"),
                o.message().en());
    }

    @Test
    void bothHoldingIsCalledSplitBrainAndSilenceIsNoAnswer() {
        Watch w = FAILOVER.watch(List.of("lb01", "lb02"));
        Map<String, Set<String>> both = Map.of("lb01", ip("lb01", true), "lb02", ip("lb02", true));
        Timeline split = new Timeline(w, List.of(
                new Sample(0, Map.of("lb01", ip("lb01", true), "lb02", ip("lb02", false)), Map.of(WEB, page("lb01"))),
                new Sample(250, both, Map.of(WEB, page("lb01")))));
        assertEquals("split-brain", FAILOVER.judge(split).cause());
        assertTrue(split.events().stream().anyMatch(e -> e.text().en().contains("split brain")));

        Timeline silent = new Timeline(w, List.of(new Sample(0, both, Map.of(WEB, Answer.lost("timed out", 1000)))));
        Outcome o = FAILOVER.judge(silent);
        assertEquals("no-answer", o.cause());
        assertFalse(silent.complete());
    }

    @Test
    void aShortOutageDoesNotMakeOneServerLookAloneButAStoppedOneDoes() {
        Watch w = new TimelineCheck(Watch.Track.BACKENDS, "", Optional.of(WEB), List.of("web01", "web02"), 4,
                List.of("web01+web02", "web02", "web01+web02")).watch(List.of("web01", "web02"));
        Answer lost = Answer.lost("timed out", 1000);
        List<Answer> failover = List.of(page("web01"), page("web02"), page("web01"), page("web02"), lost, lost, lost,
                page("web02"), page("web01"), page("web02"), page("web01"));
        List<Answer> stopped = List.of(page("web01"), page("web02"), page("web01"), page("web02"), lost, page("web02"),
                lost, page("web02"), page("web02"), page("web02"), page("web02"), page("web01"), page("web02"));
        assertFalse(timeline(w, failover).observed(), "a director failover's gap is not a real server leaving");
        assertTrue(timeline(w, stopped).observed(), timeline(w, stopped).describeSegments(Lang.EN));
    }

    private static Timeline timeline(Watch w, List<Answer> answers) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            samples.add(new Sample(i * 250L, Map.of(), Map.of(WEB, answers.get(i))));
        }
        return new Timeline(w, samples);
    }
}
