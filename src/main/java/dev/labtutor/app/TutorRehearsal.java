package dev.labtutor.app;

import dev.labtutor.io.FileTree;

/**
 * The tutor's first screen for the AppCDS training run ({@code cli.Startup}): the classes a learner's start loads,
 * loaded once with no terminal, no host and nothing kept.
 */
public final class TutorRehearsal {

    private TutorRehearsal() {
    }

    /** The start's background jobs, run as the tutor runs them, reading the given lab file. */
    @FunctionalInterface
    public interface Jobs {
        void rehearse(java.nio.file.Path labFile) throws Exception;
    }

    /**
     * The tutor's first screen, painted into a terminal on no device, in both languages, for a first start and for a
     * returning learner's (progress with a checked lesson: the JSON reader, the results pane, the clock): the classes
     * of the full-screen app, the session, the progress store, the start's background jobs and the terminal's escape
     * sequences, so {@code ./labtutor} maps them too, and the {@code stty} run against a device that is no terminal.
     * Everything it writes stays in a temporary directory; no host is contacted (the app exits after its first paint,
     * before it connects). Returns how many paints completed.
     */
    public static int paint(dev.labtutor.course.Course course,
            java.util.function.Supplier<dev.labtutor.check.CheckCatalog> checks, Jobs jobs) throws Exception {
        java.nio.file.Path tmp = java.nio.file.Files.createTempDirectory("labtutor-cds");
        int painted = 0;
        try {
            java.nio.file.Path labFile = tmp.resolve("lab.yaml");
            java.nio.file.Files.writeString(labFile,
                    "hosts:\n  lb01: { address: 127.0.0.1, port: 1 }\n" + "  lb02: { address: 127.0.0.1, port: 1 }\n");
            dev.labtutor.lab.LabFile lab = dev.labtutor.lab.LabFileReader.forCurrentUser().readStrict(labFile);
            TutorWorld world = new TutorWorld(course, checks, java.util.Optional.of(tmp.resolve("known_hosts")),
                    java.time.Duration.ofSeconds(1), java.util.Optional.of(tmp.resolve("state")));
            jobs.rehearse(labFile);
            // a first start (no progress yet), then a returning learner's: the first lesson checked once
            for (int start = 0; start < 2; start++) {
                if (start == 1) {
                    world.store().save(checkedOnce(course, lab));
                }
                for (dev.labtutor.i18n.Lang lang : dev.labtutor.i18n.Lang.values()) {
                    try (var terminal = dev.labtutor.tui.TutorTerminal.detached(java.io.InputStream.nullInputStream(),
                            java.io.OutputStream.nullOutputStream(),
                            new com.googlecode.lanterna.TerminalSize(100, 30))) {
                        new dev.labtutor.tui.TutorApp(world, course, terminal,
                                new dev.labtutor.tui.TutorApp.Options(java.util.Optional.of(lab),
                                        java.util.Optional.empty(), lang, true,
                                        java.util.Optional.of(tmp.resolve("painted"))),
                                java.time.Clock.systemUTC()).run();
                    }
                    painted += java.nio.file.Files.exists(tmp.resolve("painted")) ? 1 : 0;
                    java.nio.file.Files.deleteIfExists(tmp.resolve("painted"));
                }
            }
            dev.labtutor.tui.TutorTerminal.rehearse();
            return painted;
        } finally {
            FileTree.delete(tmp);
        }
    }

    /** Progress in which the first lesson was checked once: one host unreachable, one failing with a hint, a note. */
    private static dev.labtutor.progress.Progress checkedOnce(dev.labtutor.course.Course course,
            dev.labtutor.lab.LabFile lab) {
        dev.labtutor.course.Lesson first = course.lessons().get(0);
        String check = first.checks().isEmpty() ? "reachable" : first.checks().get(0).id();
        java.time.Instant now = java.time.Instant.now();
        var hosts =
                java.util.List.of(
                        new dev.labtutor.progress.HostMark("lb01", "unreachable", "refused",
                                dev.labtutor.i18n.Text.of("连接被拒绝", "connection refused"),
                                java.util.Optional
                                        .of(dev.labtutor.i18n.Text.of("确认虚拟机在运行", "Make sure the VM is running")),
                                java.util.List.of()),
                        new dev.labtutor.progress.HostMark("lb02", "fail", "missing",
                                dev.labtutor.i18n.Text.of("没有找到", "not found"),
                                java.util.Optional.of(dev.labtutor.i18n.Text.of("再看一遍这一步", "Read the step again")),
                                java.util.List.of("seen: nothing")));
        var mark = new dev.labtutor.progress.CheckMark(check, dev.labtutor.i18n.Text.of(check, check), "fail", hosts,
                java.util.List.of(dev.labtutor.i18n.Text.of("注意", "note")));
        return dev.labtutor.progress.Progress.empty(course.id(), LearnerContext.keyOf(java.util.Optional.of(lab)))
                .with(first.id(), dev.labtutor.progress.LessonProgress.fresh(dev.labtutor.progress.LessonState.OPEN)
                        .opened(now).checked(now, java.util.List.of(mark), true));
    }
}
