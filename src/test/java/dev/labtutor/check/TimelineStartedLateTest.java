package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.check.observe.Sample;
import dev.labtutor.check.observe.Timeline;
import dev.labtutor.check.observe.Watch;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A learner who stopped keepalived before watching began is told to start watching first, not just "not observed". */
class TimelineStartedLateTest {

    private static final String VIP = "10.0.0.100";
    private final TimelineCheck check =
            new TimelineCheck(Watch.Track.HOLDER, VIP, Optional.empty(), List.of(), 1, List.of("lb01", "lb02", "lb01"));

    private static Sample held(long at, String who) {
        return new Sample(at, Map.of("lb01", who.equals("lb01") ? Set.of(VIP) : Set.of(), "lb02",
                who.equals("lb02") ? Set.of(VIP) : Set.of()), Map.of());
    }

    @Test
    void aWatchThatBeganWithLb02HoldingTheVipSaysTheFailureCameFirst() {
        Timeline t = new Timeline(check.watch(List.of("lb01", "lb02")),
                List.of(held(0, "lb02"), held(500, "lb02"), held(1000, "lb01")));
        Outcome o = check.judge(t);
        assertEquals(Status.FAIL, o.status());
        assertEquals("started-late", o.cause());
        assertTrue(o.message().en().contains("when watching began, 10.0.0.100 was already at lb02, not lb01"),
                o.message().en());
    }

    @Test
    void aWatchThatSawOnlyTheStartIsStillNotObserved() {
        Timeline t = new Timeline(check.watch(List.of("lb01", "lb02")), List.of(held(0, "lb01"), held(500, "lb01")));
        assertEquals("not-observed", check.judge(t).cause());
    }
}
