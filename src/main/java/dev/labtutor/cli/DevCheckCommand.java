package dev.labtutor.cli;

import dev.labtutor.app.LabSession;
import dev.labtutor.app.ProofReport;
import dev.labtutor.check.CheckCatalog;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.LabFileReader;
import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxFlavour;
import dev.labtutor.sandbox.SandboxKernel;
import dev.labtutor.sandbox.SandboxSpec;
import dev.labtutor.session.CourseProof;
import dev.labtutor.session.LessonLab;
import dev.labtutor.session.Solver;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code labtutor dev check [LESSON...]}: on a fresh sandbox, every lesson's checks must fail before its solution and
 * pass after it.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Prove lessons on a fresh sandbox: checks must not all pass before the lesson's solution and must all pass after it.")
public final class DevCheckCommand extends CourseCommand {

    @Parameters(paramLabel = "LESSON", arity = "0..*", description = "Lessons to prove (default: all, in order).")
    List<String> lessonIds;

    @Option(names = "--subnet", defaultValue = "10.79.0",
            description = "First three octets of the proof sandbox's /24 (default: ${DEFAULT-VALUE}).")
    String subnet;

    @Option(names = "--settle", defaultValue = "120",
            description = "Seconds to wait for checks to pass after a solution (default: ${DEFAULT-VALUE}).")
    int settle;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Deadline for each host per round (default: ${DEFAULT-VALUE}; a sandbox in an emulated VM is slow).")
    int timeout;

    @Option(names = "--on", paramLabel = "NAME",
            description = "Prove on this running sandbox (just brought up with 'sandbox up'), and leave it up afterwards.")
    String on;

    @Option(names = "--state-dir", description = "With --on: parent directory of the sandbox's state.")
    Path stateDir;

    @Option(names = "--whole",
            description = "After the proofs, solve the rest of the course and check every lesson again "
                    + "as re-checking and grading do: a finished lab must pass them all.")
    boolean whole;

    @Option(names = "--vm",
            description = "The proof sandbox runs in a VM (default: a VM only when this kernel lacks IPVS or nfsd).")
    boolean vm;

    @Option(names = "--flavour", paramLabel = "FLAVOUR",
            description = "Distribution the proof sandbox's hosts show: openeuler, rocky9, centos7 or ubuntu "
                    + "(default: openeuler; with --on, the running sandbox must be of this flavour).")
    String flavour;

    @Option(names = "--no-vm",
            description = "The proof sandbox runs on this machine's kernel; lessons it cannot run are reported not runnable.")
    boolean noVm;

    @Override
    public Integer call() throws Exception {
        Course course = courseOptions.loadCourse();
        CheckCatalog catalog = courseOptions.loadChecks();
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
        SandboxFlavour wanted;
        try {
            wanted = flavour == null ? null : SandboxFlavour.parse(flavour);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        if (on != null) {
            sandbox = SandboxWhere.of(on, stateDir).openRunning();
            if (wanted != null && sandbox.spec().flavour() != wanted) {
                String up = "sudo labtutor sandbox up --flavour " + wanted.word() + sandbox.spec().whereOptions();
                throw new UserError(Text.of(
                        "沙箱 " + on + " 是 " + sandbox.spec().flavour().word() + " 风格，不是 " + wanted.word()
                                + "；先 sandbox down，再运行：" + up,
                        "Sandbox " + on + " shows " + sandbox.spec().flavour().word() + ", not " + wanted.word()
                                + "; take it down and run: " + up)
                        .in(courseOptions.lang()), ExitCodes.BAD_INPUT);
            }
        } else {
            SandboxSpec sspec;
            try {
                sspec = SandboxSpec.defaults()
                        .withName("dev" + Long.toString(ProcessHandle.current().pid() % 100000, 36))
                        .withSubnetPrefix(subnet).withStateRoot(stateRoot)
                        .withKernel(vm ? SandboxKernel.VM : noVm ? SandboxKernel.MACHINE : SandboxKernel.AUTO)
                        .withFlavour(wanted == null ? SandboxFlavour.OPENEULER : wanted);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            sandbox = Sandbox.up(sspec, out);
        }
        try {
            LabFile lab = LabFileReader.forCurrentUser().readStrict(sandbox.labFile());
            try (LabSession session = LabSession.open(sandbox.knownHosts(), Duration.ofSeconds(timeout),
                    spec.commandLine().getErr(), courseOptions.lang())) {
                LessonLab ll = session.lessonLab(course, catalog, lab);
                CourseProof proof = new CourseProof(CourseProof.of(ll, Duration.ofSeconds(180), line -> {
                }), Duration.ofSeconds(settle));
                ProofReport report = new ProofReport(out, courseOptions.lang(), course, ll, targets);
                report.header();
                List<CourseProof.LessonProof> results =
                        proof.prove(course.lessons(), targets.stream().map(Lesson::id).toList(), report::row);
                boolean ok = report.summary(results);
                if (whole) {
                    ok &= report.endState(proof, targets.get(targets.size() - 1).id());
                }
                return ExitCodes.passed(ok);
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

    private static void deleteQuietly(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // the sandbox's own down() already removed what it created
        }
    }
}
