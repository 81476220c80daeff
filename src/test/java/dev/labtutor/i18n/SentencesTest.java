package dev.labtutor.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings joined into one message keep their punctuation right in both languages. */
class SentencesTest {

    @Test
    void aFullStopBeforeTheSeparatorIsDroppedAndTheLastOneKept() {
        Text t = Sentences.join(
                List.of(Text.of("改成 BACKUP。", "write state BACKUP."), Text.of("第 19 行：忽略。", "line 19: Ignoring.")));
        assertEquals("write state BACKUP; line 19: Ignoring.", t.en());
        assertEquals("改成 BACKUP；第 19 行：忽略。", t.zh());
    }

    @Test
    void partsWithoutAStopAreJoinedAsTheyAreAndEmptyOnesLeftOut() {
        Text t = Sentences
                .join(List.of(Text.of("lb01 好", "lb01: fine"), Text.of("", ""), Text.of("lb02 坏", "lb02: broken")));
        assertEquals("lb01: fine; lb02: broken", t.en());
        assertEquals("lb01 好；lb02 坏", t.zh());
        assertEquals("a; b.", Sentences.join("a.", "b.", "; "));
    }
}
