package dev.labtutor.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * The training run for labtutor's class-data sharing archive (AppCDS): the launcher (or the
 * build) runs this once with {@code -XX:ArchiveClassesAtExit}, and every later start maps the
 * classes it loaded, parsed and verified instead of loading them again. It runs the commands a
 * learner starts most often, with their output thrown away; none of them touches the network.
 */
final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) {
        PrintWriter none = new PrintWriter(Writer.nullWriter());
        String[][] runs = {
                {"--version"},
                {"--help"},
                {"lessons", "--lang", "zh"},
                {"lessons", "--lang", "en"},
                {"show", "install", "--no-detect", "--lang", "zh"},
                {"lint"},
                {"check", "--help"},
                {"hosts", "list", "--known-hosts", "/nonexistent/labtutor-cds-training"},
        };
        for (String[] run : runs) {
            try {
                Main.run(none, none, run);
            } catch (RuntimeException e) {
                // a command that cannot run here still loaded its classes
            }
        }
    }
}
