package dev.labtutor.cli;

import dev.labtutor.check.CourseLint;
import dev.labtutor.yaml.Problem;
import dev.labtutor.yaml.Problems;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code labtutor lint [DIR...]}: validates course and check files, every problem as file:line:col. */
@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Validate course and check files. Prints every problem as file:line:col: message; exit 1 when there is any.")
public final class LintCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "0..*",
            description = "Course directories, directories of courses, or check directories (default: lessons checks).")
    List<Path> dirs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Installation inst = Installation.locate();
        List<Path> targets = dirs == null || dirs.isEmpty() ? List.of(inst.lessonsDir(), inst.checksDir()) : dirs;
        List<Problem> problems = CourseLint.lint(targets, inst.checksDir(), new Problems());
        var out = spec.commandLine().getOut();
        for (Problem p : problems) {
            out.println(p);
        }
        if (problems.isEmpty()) {
            out.println("ok: no problems in " + String.join(" ", targets.stream().map(Path::toString).toList()));
        } else {
            out.println(problems.size() + " problem(s)");
        }
        out.flush();
        return ExitCodes.passed(problems.isEmpty());
    }
}
