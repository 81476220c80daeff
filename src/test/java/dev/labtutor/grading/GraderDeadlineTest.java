package dev.labtutor.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A host's lessons run as ONE batch whose probes run in parallel: the deadline is sized to the lessons graded, and each
 * probe may run nearly to the host's deadline (a fixed 8 s cut a slow lab VM's batch of thirteen lessons into ERRORs
 * that check never met).
 */
class GraderDeadlineTest {

    @Test
    void theDefaultDeadlineGrowsWithTheLessonsGraded() {
        assertEquals(Duration.ofSeconds(22), Grader.defaultDeadline(1));
        assertEquals(Duration.ofSeconds(46), Grader.defaultDeadline(13));
        assertEquals(Duration.ofSeconds(600), Grader.defaultDeadline(1000));
    }

    @Test
    void aProbeMayRunUntilTheHostDeadlineLessTheWayBack() {
        assertEquals(Duration.ofSeconds(41), Grader.perProbe(Duration.ofSeconds(46)));
        assertEquals(Duration.ofSeconds(115), Grader.perProbe(Duration.ofSeconds(120)));
        assertEquals(Duration.ofSeconds(3), Grader.perProbe(Duration.ofSeconds(6)),
                "a short deadline keeps half for its probes");
    }
}
