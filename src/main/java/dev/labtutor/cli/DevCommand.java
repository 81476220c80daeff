package dev.labtutor.cli;

import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.BoundCheck;
import dev.labtutor.check.TimelineCheck;
import dev.labtutor.check.Verdict;
import dev.labtutor.check.observe.ObservationListener;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.host.LabFile;
import dev.labtutor.host.LabFileReader;
import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxSpec;
import dev.labtutor.session.CourseProof;
import dev.labtutor.session.LessonLab;
import dev.labtutor.session.Solver;
import dev.labtutor.view.DisplayWidth;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code labtutor dev ...}: tools for course authors. */
@Command(name = "dev", description = "Tools for course authors.", subcommands = DevCommand.Check.class)
public final class DevCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * {@code labtutor dev check [LESSON...]}: on a fresh sandbox, every lesson's checks must fail
     * before its solution and pass after it.
     */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Prove lessons on a fresh sandbox: checks must not all pass before the lesson's solution and must all pass after it.")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "LESSON", arity = "0..*", description = "Lessons to prove (default: all, in order).")
        List<String> lessonIds;

        @Mixin
        CourseOptions courseOptions = new CourseOptions();

        @Option(names = "--subnet", defaultValue = "10.79.0", description = "First three octets of the proof sandbox's /24 (default: ${DEFAULT-VALUE}).")
        String subnet;

        @Option(names = "--settle", defaultValue = "120", description = "Seconds to wait for checks to pass after a solution (default: ${DEFAULT-VALUE}).")
        int settle;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Installation inst = Installation.locate();
            Course course = courseOptions.loadCourse(inst);
            CheckCatalog catalog = courseOptions.loadChecks(inst);
            List<Lesson> targets = new ArrayList<>();
            if (lessonIds == null || lessonIds.isEmpty()) {
                targets.addAll(course.lessons());
            } else {
                for (String id : lessonIds) {
                    targets.add(CourseOptions.lesson(course, id));
                }
                targets.sort(java.util.Comparator.comparingInt(l -> course.indexOf(l.id())));
            }
            int first = course.indexOf(targets.get(0).id());
            List<Lesson> prerequisites = new ArrayList<>(course.lessons().subList(0, first));
            prerequisites.removeAll(targets);

            SandboxCommand.preflight();
            PrintWriter out = spec.commandLine().getOut();
            Path stateRoot = Files.createTempDirectory("labtutor-devcheck-");
            SandboxSpec sspec;
            try {
                sspec = SandboxSpec.defaults().withName("dev" + Long.toString(ProcessHandle.current().pid() % 100000, 36))
                        .withSubnetPrefix(subnet).withStateRoot(stateRoot);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            Sandbox sandbox = SandboxCommand.guarded(() -> Sandbox.up(sspec, out));
            try {
                LabFile lab = LabFileReader.forCurrentUser().readStrict(sandbox.labFile());
                try (LabSession session = LabSession.open(sandbox.knownHosts(), Duration.ofSeconds(30), spec.commandLine().getErr(),
                        courseOptions.lang())) {
                    LessonLab ll = session.lessonLab(course, catalog, lab);
                    CourseProof proof = new CourseProof(new CourseProof.Lab() {
                        @Override
                        public List<Verdict> check(Lesson lesson, Duration wait) {
                            return ll.check(lesson, wait);
                        }

                        @Override
                        public List<Verdict> check(Lesson lesson, Duration wait, ObservationListener listener) {
                            return ll.check(lesson, wait, listener);
                        }

                        @Override
                        public boolean observes(Lesson lesson) {
                            return ll.observes(lesson);
                        }

                        @Override
                        public void solve(Lesson lesson) throws Solver.SolveFailed {
                            ll.solve(lesson, Duration.ofSeconds(120), line -> { });
                        }
                    }, Duration.ofSeconds(settle));
                    int w = Math.max(6, targets.stream().mapToInt(l -> DisplayWidth.of(l.id())).max().orElse(6));
                    out.println(DisplayWidth.pad("lesson", w) + "  checks  failed-before  passed-after  time     result");
                    out.flush();
                    List<CourseProof.LessonProof> results = proof.prove(prerequisites, targets, p -> {
                        out.printf("%s  %6d  %13d  %12d  %5.1f s  %s%n", DisplayWidth.pad(p.lesson(), w), p.checks(), p.failedBefore(),
                                p.passedAfter(), p.time().toMillis() / 1000.0, p.result());
                        if (!p.detail().isEmpty()) {
                            out.println("    " + p.detail());
                        }
                        Set<String> observed = course.lesson(p.lesson()).map(ll::bind).orElse(List.of()).stream()
                                .filter(b -> b.primitive().filter(TimelineCheck.class::isInstance).isPresent())
                                .map(BoundCheck::id).collect(java.util.stream.Collectors.toSet());
                        p.after().stream().filter(v -> observed.contains(v.check()) && v.passed())
                                .forEach(v -> out.println("    " + v.check() + ": " + v.message().in(courseOptions.lang())));
                        out.flush();
                    });
                    long proven = results.stream().filter(r -> r.result() == CourseProof.Result.PROVEN).count();
                    long notRunnable = results.stream().filter(r -> r.result() == CourseProof.Result.NOT_RUNNABLE).count();
                    out.printf("%d of %d lesson(s) proven%s.%n", proven, results.size(),
                            notRunnable > 0 ? ", " + notRunnable + " not runnable here (not counted as proven)" : "");
                    out.flush();
                    return proven + notRunnable == results.size() ? ExitCodes.OK : ExitCodes.FAILED;
                } catch (Solver.SolveFailed e) {
                    throw new UserError("solving a prerequisite lesson failed: " + e.getMessage(), ExitCodes.FAILED);
                }
            } finally {
                sandbox.down();
                deleteQuietly(stateRoot);
            }
        }

        private static void deleteQuietly(Path dir) {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (java.io.IOException ignored) {
                // the sandbox's own down() already removed what it created
            }
        }
    }
}
