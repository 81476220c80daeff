package dev.labtutor.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json} for the learner's commands. */
public final class FormatOption {

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
            description = "Output format (default: text).")
    String format = "text";

    /** True for JSON; a value other than text or json is a {@link UserError}. */
    boolean json() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new UserError("--format must be text or json, not '" + format + "'");
        }
        return format.equals("json");
    }
}
