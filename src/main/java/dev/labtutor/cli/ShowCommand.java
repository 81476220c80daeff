package dev.labtutor.cli;

import dev.labtutor.app.LabSession;
import dev.labtutor.app.LearnerContext;
import dev.labtutor.check.Binder;
import dev.labtutor.check.CheckCatalog;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.lab.LabFile;
import dev.labtutor.view.LessonText;
import dev.labtutor.yaml.Problems;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code labtutor show LESSON}: the lesson with your values filled in. With a lab file, the interface that carries each
 * host's address is detected on the host, so the commands and configs name your interface rather than the source
 * document's.
 */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show a lesson's steps, commands and files with your lab's values filled in.")
public final class ShowCommand extends LearnerCommand {

    @Parameters(index = "0", paramLabel = "LESSON", description = "Lesson id (see 'labtutor lessons').")
    String lessonId;

    @Option(names = "--no-detect", description = "Do not contact the hosts to detect their interfaces.")
    boolean noDetect;

    @Override
    public Integer call() {
        Lang lang = courseOptions.lang();
        Installation inst = Installation.locate();
        Course course = courseOptions.loadCourse(inst);
        CheckCatalog catalog = courseOptions.loadChecks(inst);
        Lesson lesson = CourseOptions.lesson(course, lessonId);
        Optional<LabFile> lab = labOptions.loadIfAny();
        LearnerContext.notes(course, lab, lang, true)
                .forEach(n -> spec.commandLine().getErr().println("labtutor: " + n));
        Bindings bindings = Bindings.of(course, lab);
        if (lab.isPresent() && !noDetect) {
            Set<String> roles = new LinkedHashSet<>(lesson.roles());
            roles.retainAll(lab.get().hosts().keySet());
            try (LabSession session = LabSession.open(labOptions.knownHosts(lab), Duration.ofSeconds(5),
                    spec.commandLine().getErr(), lang)) {
                var found = session.lessonLab(course, catalog, lab.get()).detectHosts(roles);
                bindings = bindings.withIfaces(found.ifaces()).withDistros(found.distros());
            }
        }
        Binder binder = new Binder(catalog);
        Bindings b = bindings;
        String text = LessonText.render(lesson, b, lang, ref -> binder.bind(ref, b, new Problems()).title().in(lang));
        var out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return ExitCodes.OK;
    }
}
