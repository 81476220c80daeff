package dev.labtutor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The class-data training run swallows its errors (the archive is made all the same), so this is where they show. */
class CdsTrainingTest {

    @Test
    void theTutorIsPaintedForAFirstAndAReturningStartInBothLanguages() throws Exception {
        assertEquals(4, CdsTraining.paintTutor());
    }
}
