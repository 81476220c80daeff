package dev.labtutor.cli;

import dev.labtutor.app.LearnerContext;
import dev.labtutor.lab.LabFile;
import dev.labtutor.progress.LabKey;
import java.util.Optional;

/**
 * Temporary: {@link CdsTraining}, which the start-up rework owns, still names this class. Use
 * {@link LearnerContext#keyOf}; delete this once CdsTraining does.
 */
final class Learner {

    private Learner() {
    }

    static LabKey keyOf(Optional<LabFile> lab) {
        return LearnerContext.keyOf(lab);
    }
}
