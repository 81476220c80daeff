package dev.labtutor.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder: filled in by the keepalived work (issue 3). */
@Command(name = "keepalived", description = "keepalived.conf tools.")
public final class KeepalivedCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        throw new UserError("not implemented yet", ExitCodes.INTERNAL);
    }
}
