package dev.labtutor.cli;

import dev.labtutor.io.FileTree;
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
        try {
            paintTutor();
        } catch (Exception e) {
            // the archive is still made with what was loaded until here
        }
    }

    /**
     * The tutor's first screen, painted once into a terminal on no device: the classes of the
     * full-screen app, the session, the progress store and the terminal's escape sequences, so
     * {@code ./labtutor} maps them too, and the {@code stty} run against a device that is no terminal.
     * Everything it writes stays in a temporary directory; no host is contacted (the app exits
     * after its first paint, before it connects).
     */
    private static void paintTutor() throws Exception {
        java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("labtutor-cds");
        try {
            java.nio.file.Path labFile = tmp.resolve("lab.yaml");
            java.nio.file.Files.writeString(labFile, "hosts:\n  lb01: { address: 127.0.0.1, port: 1 }\n"
                    + "  lb02: { address: 127.0.0.1, port: 1 }\n");
            CourseOptions courseOptions = new CourseOptions();
            dev.labtutor.course.Course course = courseOptions.loadCourse(Installation.locate());
            dev.labtutor.host.LabFile lab = dev.labtutor.host.LabFileReader.forCurrentUser().readStrict(labFile);
            CliWorld world = new CliWorld(course, courseOptions, java.util.Optional.of(tmp.resolve("known_hosts")),
                    java.time.Duration.ofSeconds(1), java.util.Optional.of(tmp.resolve("state")));
            for (dev.labtutor.i18n.Lang lang : dev.labtutor.i18n.Lang.values()) {
                try (var terminal = dev.labtutor.tui.TutorTerminal.detached(java.io.InputStream.nullInputStream(),
                        java.io.OutputStream.nullOutputStream(), new com.googlecode.lanterna.TerminalSize(100, 30))) {
                    new dev.labtutor.tui.TutorApp(world, course, terminal, new dev.labtutor.tui.TutorApp.Options(java.util.Optional.of(lab),
                            java.util.Optional.empty(), lang, true, java.util.Optional.of(tmp.resolve("painted"))),
                            java.time.Clock.systemUTC()).run();
                }
            }
            dev.labtutor.tui.TutorTerminal.rehearse();
        } finally {
            FileTree.delete(tmp);
        }
    }
}
