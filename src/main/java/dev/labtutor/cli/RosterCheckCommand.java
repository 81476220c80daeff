package dev.labtutor.cli;

import dev.labtutor.grading.GradeInputs;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code roster check}: reads a roster against the course without contacting any host. */
@Command(name = "check", description = {"Check roster.yaml against the course without contacting any host: every "
        + "problem as file:line:col. Exit 0 when it is fine, 2 when not."})
public final class RosterCheckCommand extends CourseCommand {

    @Parameters(index = "0", paramLabel = "ROSTER", description = "The roster file.")
    Path roster;

    @Option(names = "--lessons", split = ",", paramLabel = "A,B",
            description = "Lessons to grade (default: the roster's, else all).")
    List<String> lessons = List.of();

    @Override
    public Integer call() {
        GradeInputs in = courseOptions.gradeInputs(roster, lessons);
        PrintWriter out = spec.commandLine().getOut();
        in.warnings().forEach(w -> out.println("warning: " + w.in(courseOptions.lang())));
        int max = in.lessons().stream().flatMap(l -> l.checks().stream()).mapToInt(c -> in.roster().pointsOf(c.id()))
                .sum();
        int hosts = in.roster().gradedHosts(in.lessons()).size();
        int entries = in.roster().gradedHostEntries(in.lessons());
        out.printf(Locale.ROOT, "%s: %d students, %d hosts%s, course %s, lessons %s, %d points at most%n", roster,
                in.roster().students().size(), hosts,
                entries == hosts ? "" : " (named " + entries + " times: students share hosts)", in.course().id(),
                String.join(", ", in.lessons().stream().map(l -> l.id()).toList()), max);
        List<String> quizzes = in.lessons().stream().filter(l -> !l.quiz().isEmpty()).map(l -> l.id()).toList();
        if (!quizzes.isEmpty()) {
            String ids = String.join(", ", quizzes);
            out.println(dev.labtutor.i18n.Text
                    .of("注意：" + ids + " 的小测验在每个学员自己的 labtutor 中作答，这里不评分",
                            "note: the quizzes of " + ids
                                    + " are answered in each learner's tutor and are not graded here")
                    .in(courseOptions.lang()));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
