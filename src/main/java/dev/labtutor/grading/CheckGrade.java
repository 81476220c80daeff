package dev.labtutor.grading;

import dev.labtutor.check.Status;
import dev.labtutor.check.Verdict;

/** One check of one lesson for one student: its verdict and what it is worth. */
public record CheckGrade(String lesson, Verdict verdict, int points) {

    /** The check's points when it passed, else 0 (UNREACHABLE and ERROR earn nothing either). */
    public int earned() {
        return verdict.status() == Status.PASS ? points : 0;
    }

    public Status status() {
        return verdict.status();
    }

    /**
     * True when the check could not be judged because a host could not be asked (its status comes from the host, not
     * from the student's work): reported once per host, not per check.
     */
    public boolean hostLevel() {
        return verdict.cause().startsWith("host-");
    }
}
