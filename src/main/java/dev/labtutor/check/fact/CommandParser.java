package dev.labtutor.check.fact;

import dev.labtutor.check.probe.ProbeOutput;

/** COMMAND: the course-defined command's exit status and output, passed through unchanged. */
final class CommandParser {

    private CommandParser() {
    }

    static CommandOutput parse(ProbeOutput out) {
        return new CommandOutput(out.exitCode(), out.stdout(), out.stderr());
    }
}
