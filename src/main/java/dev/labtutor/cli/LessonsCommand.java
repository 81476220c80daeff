package dev.labtutor.cli;

import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.view.DisplayWidth;
import picocli.CommandLine.Command;

/** {@code labtutor lessons}: the course's lessons in order with their titles. */
@Command(name = "lessons", mixinStandardHelpOptions = true, description = "List the course's lessons in order.")
public final class LessonsCommand extends CourseCommand {

    @Override
    public Integer call() {
        Lang lang = courseOptions.lang();
        Course course = courseOptions.loadCourse();
        var out = spec.commandLine().getOut();
        out.println(course.title().in(lang));
        int w = course.lessons().stream().mapToInt(l -> DisplayWidth.of(l.id())).max().orElse(0);
        int i = 1;
        for (Lesson l : course.lessons()) {
            out.println(String.format("%2d. ", i++) + DisplayWidth.pad(l.id(), w) + "  " + l.title().in(lang)
                    + (lang == Lang.ZH ? "" : "  (" + l.title().zh() + ")"));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
