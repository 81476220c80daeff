package dev.labtutor.cli;

import dev.labtutor.app.LabSession;
import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.BoundCheck;
import dev.labtutor.check.TimelineCheck;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.LabFileReader;
import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxKernel;
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

        @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
                description = "Deadline for each host per round (default: ${DEFAULT-VALUE}; a sandbox in an emulated VM is slow).")
        int timeout;

        @Option(names = "--on", paramLabel = "NAME",
                description = "Prove on this running sandbox (just brought up with 'sandbox up'), and leave it up afterwards.")
        String on;

        @Option(names = "--state-dir", description = "With --on: parent directory of the sandbox's state.")
        Path stateDir;

        @Option(names = "--whole", description = "After the proofs, solve the rest of the course and check every lesson again "
                + "as re-checking and grading do: a finished lab must pass them all.")
        boolean whole;

        @Option(names = "--vm", description = "The proof sandbox runs in a VM (default: a VM only when this kernel lacks IPVS or nfsd).")
        boolean vm;

        @Option(names = "--no-vm", description = "The proof sandbox runs on this machine's kernel; lessons it cannot run are reported not runnable.")
        boolean noVm;

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

            if (vm && noVm) {
                throw new UserError("--vm and --no-vm exclude each other");
            }
            SandboxWhere.preflight();
            PrintWriter out = spec.commandLine().getOut();
            Path stateRoot = on == null ? Files.createTempDirectory("labtutor-devcheck-") : null;
            Sandbox sandbox;
            if (on != null) {
                sandbox = SandboxWhere.of(on, stateDir).openRunning();
            } else {
                SandboxSpec sspec;
                try {
                    sspec = SandboxSpec.defaults().withName("dev" + Long.toString(ProcessHandle.current().pid() % 100000, 36))
                            .withSubnetPrefix(subnet).withStateRoot(stateRoot)
                            .withKernel(vm ? SandboxKernel.VM : noVm ? SandboxKernel.MACHINE : SandboxKernel.AUTO);
                } catch (IllegalArgumentException e) {
                    throw new UserError(e.getMessage());
                }
                sandbox = Sandbox.up(sspec, out);
            }
            try {
                LabFile lab = LabFileReader.forCurrentUser().readStrict(sandbox.labFile());
                try (LabSession session = LabSession.open(sandbox.knownHosts(), Duration.ofSeconds(timeout), spec.commandLine().getErr(),
                        courseOptions.lang())) {
                    LessonLab ll = session.lessonLab(course, catalog, lab);
                    CourseProof proof = new CourseProof(CourseProof.of(ll, Duration.ofSeconds(180), line -> { }), Duration.ofSeconds(settle));
                    int w = Math.max(6, targets.stream().mapToInt(l -> DisplayWidth.of(l.id())).max().orElse(6));
                    out.println(DisplayWidth.pad("lesson", w) + "  checks  failed-before  passed-after  time     result");
                    out.flush();
                    List<CourseProof.LessonProof> results = proof.prove(course.lessons(), targets.stream().map(Lesson::id).toList(), p -> {
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
                    boolean ok = proven + notRunnable == results.size();
                    if (whole) {
                        ok &= endState(proof, course, targets, w, out);
                    }
                    return ok ? ExitCodes.OK : ExitCodes.FAILED;
                } catch (Solver.SolveFailed e) {
                    throw new UserError("solving a lesson on the way failed: " + e.getMessage(), ExitCodes.FAILED);
                }
            } finally {
                if (on == null) {
                    sandbox.down();
                    deleteQuietly(stateRoot);
                }
            }
        }

        /** The whole course at its end: the rest solved, then every lesson checked again together. */
        private boolean endState(CourseProof proof, Course course, List<Lesson> targets, int w, PrintWriter out) throws Solver.SolveFailed {
            long t0 = System.nanoTime();
            proof.solveRest(course.lessons(), targets.get(targets.size() - 1).id());
            List<CourseProof.EndState> end = proof.endState(course);
            int wide = Math.max(w, course.lessons().stream().mapToInt(l -> DisplayWidth.of(l.id())).max().orElse(6));
            out.println();
            out.println("The whole course at its end state (every lesson solved, then checked again as re-check and grading do):");
            out.println(DisplayWidth.pad("lesson", wide) + "  checks  pass-at-end  result");
            for (CourseProof.EndState e : end) {
                out.printf("%s  %6d  %11d  %s%n", DisplayWidth.pad(e.lesson(), wide), e.checks(), e.passed(), e.holds() ? "HOLDS" : "BROKEN");
                for (var v : e.verdicts()) {
                    if (!v.passed()) {
                        out.println("    " + v.check() + " " + v.status().json() + ": " + v.message().in(courseOptions.lang()));
                    } else if (v.cause().equals(dev.labtutor.check.Supersede.CAUSE)) {
                        out.println("    " + v.check() + ": " + v.message().in(courseOptions.lang()));
                    }
                }
            }
            long holds = end.stream().filter(CourseProof.EndState::holds).count();
            out.printf("%d of %d lesson(s) hold at the end state (%.1f s).%n", holds, end.size(), (System.nanoTime() - t0) / 1e9);
            out.flush();
            return holds == end.size();
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
