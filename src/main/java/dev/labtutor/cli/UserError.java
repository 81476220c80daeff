package dev.labtutor.cli;

/** An error the user can fix: printed as one sentence, no stack trace, with its exit code. */
public final class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(String message) {
        this(message, ExitCodes.BAD_INPUT);
    }

    public int exitCode() {
        return exitCode;
    }
}
