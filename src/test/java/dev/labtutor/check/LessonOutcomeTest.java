package dev.labtutor.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LessonOutcomeTest {

    private static Verdict verdict(String check, Status status) {
        return new Verdict(check, Text.of(check, check), List.of("lb01"), status, "", Text.of("", ""), Optional.empty(),
                List.of());
    }

    @Test
    void aLessonPassesWhenEveryResultPasses() {
        assertTrue(LessonOutcome.passes(List.of(verdict("a", Status.PASS), verdict("b", Status.PASS))));
    }

    @Test
    void anyResultNotPassingFailsTheLessonWhateverItsStatus() {
        for (Status s : List.of(Status.FAIL, Status.UNREACHABLE, Status.ERROR)) {
            assertFalse(LessonOutcome.passes(List.of(verdict("a", Status.PASS), verdict("b", s))), s.toString());
        }
    }

    @Test
    void theEmptyListPassesALessonWithNothingToCheckPassesWhenChecked() {
        assertTrue(LessonOutcome.passes(List.of()));
        assertTrue(LessonOutcome.passes(List.<String>of(), x -> false));
    }

    @Test
    void theRuleReadsResultsInAnyForm() {
        assertTrue(LessonOutcome.passes(List.of("pass", "pass"), "pass"::equals));
        assertFalse(LessonOutcome.passes(List.of("pass", "fail"), "pass"::equals));
    }
}
