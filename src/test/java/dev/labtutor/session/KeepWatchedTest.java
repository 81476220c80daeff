package dev.labtutor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Text;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.HostMark;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A failover measured while the tutor watched stays passed in the learner's progress when a later round cannot see it.
 */
class KeepWatchedTest {

    private static CheckMark mark(String status, String cause, String message, List<Text> notes) {
        return new CheckMark("failover-observed", Text.of("切换", "failover"), status,
                List.of(new HostMark("lb01", status, cause, Text.of(message, message), Optional.empty(), List.of())),
                notes);
    }

    private final CheckMark watched = mark("pass", "", "observed lb01 → lb02 → lb01 within 12 s",
            List.of(Text.of("测得：lb02 接管", "measured: lb02 took over from lb01 at 3.1 s")));
    private final CheckMark rotated =
            mark("error", "logs-missing", "keepalived's log on lb01, lb02 holds no state change at all", List.of());

    @Test
    void aWatchedPassSurvivesARoundThatCannotSeeItAndSaysWhy() {
        CheckMark kept = Session.keepWatched(List.of(watched), List.of(rotated)).get(0);
        assertTrue(kept.passed());
        assertEquals(watched.hosts(), kept.hosts());
        assertTrue(kept.notes().stream()
                .anyMatch(n -> n.en().startsWith("recorded in your progress: this was measured while labtutor watched;")
                        && n.en().contains("holds no state change")),
                kept.notes().toString());
        CheckMark again = Session.keepWatched(List.of(kept), List.of(rotated)).get(0);
        assertEquals(kept.notes().size(), again.notes().size(), "the note is not piled up round after round");
    }

    @Test
    void aPassFromTheLogsOrNoPassAtAllIsNotKept() {
        CheckMark fromLogs = mark("pass", "", "from the logs: lb02 MASTER 10:31:05, back to lb01 10:31:12", List.of());
        assertEquals(rotated, Session.keepWatched(List.of(fromLogs), List.of(rotated)).get(0));
        CheckMark failed = mark("fail", "not-performed", "the failover has not been performed", List.of());
        assertEquals(rotated, Session.keepWatched(List.of(failed), List.of(rotated)).get(0));
    }
}
