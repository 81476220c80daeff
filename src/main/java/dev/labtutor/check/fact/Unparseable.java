package dev.labtutor.check.fact;

/**
 * A parser could not make sense of a probe's output. Internal to the fact package: {@link FactParsers} turns it into
 * {@link ProbeBroken} so callers never see an exception.
 */
final class Unparseable extends Exception {

    Unparseable(String reason) {
        super(reason);
    }
}
