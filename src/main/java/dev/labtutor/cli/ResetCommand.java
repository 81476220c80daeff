package dev.labtutor.cli;

import dev.labtutor.app.LearnerContext;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.LessonProgress;
import dev.labtutor.progress.Progress;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code labtutor reset}: erases the progress of one lesson, or of the whole course on this lab, after asking. */
@Command(name = "reset", mixinStandardHelpOptions = true,
        description = "Erase your progress in one lesson, or in the whole course with --all (asks first unless --yes).")
public final class ResetCommand extends LearnerCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "LESSON", description = "The lesson whose progress to erase.")
    String lessonId;

    @Option(names = "--all", description = "Erase the progress of every lesson of the course on this lab.")
    boolean all;

    @Option(names = {"-y", "--yes"}, description = "Do not ask.")
    boolean yes;

    @Override
    public Integer call() throws IOException {
        if (all == (lessonId != null)) {
            throw new UserError("name one lesson to reset, or --all for the whole course");
        }
        Lang lang = courseOptions.lang();
        LearnerContext learner = labOptions.learner(courseOptions, false);
        PrintWriter out = spec.commandLine().getOut();
        if (all) {
            if (!learner.loaded.existed()) {
                out.println(Text.of("没有可清除的进度", "there is no progress to erase").in(lang));
                return ExitCodes.OK;
            }
            confirm(Text.of("清除本课程在此实验环境上的全部进度（" + learner.store.file(learner.course.id(), learner.key) + "）？",
                    "Erase all your progress in this course on this lab ("
                            + learner.store.file(learner.course.id(), learner.key) + ")?"),
                    lang);
            learner.store.delete(learner.course.id(), learner.key);
            out.println(Text.of("已清除全部进度", "all progress erased").in(lang));
            return ExitCodes.OK;
        }
        Lesson lesson = CourseOptions.lesson(learner.course, lessonId);
        Progress p = learner.state(lang, Clock.systemUTC().instant()).progress();
        LessonProgress r = p.lesson(lesson.id()).orElseThrow();
        confirm(Text.of(
                "清除第 " + (learner.course.indexOf(lesson.id()) + 1) + " 课 " + lesson.id() + " 的进度（" + r.state().json()
                        + "，检查 " + r.attempts() + " 次）？",
                "Erase your progress in lesson " + (learner.course.indexOf(lesson.id()) + 1) + " " + lesson.id() + " ("
                        + r.state().json() + ", " + r.attempts() + " attempt" + (r.attempts() == 1 ? "" : "s") + ")?"),
                lang);
        learner.store.save(p.without(lesson.id()).stamped(Clock.systemUTC().instant()));
        out.println(Text.of("已清除 " + lesson.id() + " 的进度", "progress of " + lesson.id() + " erased").in(lang));
        return ExitCodes.OK;
    }

    private void confirm(Text question, Lang lang) {
        if (yes) {
            return;
        }
        Console c = System.console();
        if (c == null) {
            throw new UserError(
                    "reset asks before erasing and there is no terminal to ask on; add --yes to erase anyway");
        }
        String answer = c.readLine("%s [y/N] ", question.in(lang));
        if (answer == null || !answer.strip().toLowerCase(Locale.ROOT).matches("y|yes|是")) {
            throw new UserError(Text.of("没有清除任何内容", "nothing erased").in(lang), ExitCodes.FAILED);
        }
    }
}
