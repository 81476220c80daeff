package dev.labtutor.view;

import dev.labtutor.course.Action;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Step;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import java.util.function.Function;

/**
 * A lesson as plain text for the terminal: steps, what to type on which host and the files to
 * write, all with the learner's own values filled in.
 */
public final class LessonText {

    private LessonText() {
    }

    /** @param checkTitle the title of a check reference, already rendered, in the learner's language */
    public static String render(Lesson lesson, Bindings b, Lang lang, Function<CheckRef, String> checkTitle) {
        StringBuilder sb = new StringBuilder();
        sb.append(lesson.id()).append(": ").append(b.render(lesson.title().in(lang))).append("\n\n");
        String intro = b.render(lesson.intro().in(lang)).strip();
        if (!intro.isEmpty()) {
            sb.append(intro).append("\n\n");
        }
        int n = 1;
        for (Step s : lesson.steps()) {
            sb.append(n++).append(". ").append(b.render(s.title().in(lang))).append('\n');
            sb.append(indent(b.render(s.text().in(lang)).strip(), "   ")).append('\n');
            for (Action a : s.actions()) {
                if (a instanceof Action.WriteFile w) {
                    sb.append('\n').append("   ").append(t(lang, "在 " + w.on() + " 上写入 ", "on " + w.on() + ", write "))
                            .append(b.render(w.path())).append(":\n");
                    sb.append(indent(b.render(w.content()).stripTrailing(), "   | ")).append('\n');
                } else if (a instanceof Action.Run r) {
                    sb.append('\n');
                    for (String line : b.render(r.script()).strip().split("\n")) {
                        sb.append("   [").append(r.on()).append("]# ").append(line).append('\n');
                    }
                }
            }
            if (!s.checks().isEmpty()) {
                sb.append('\n').append("   ").append(t(lang, "检查：", "Checked:")).append('\n');
                for (CheckRef c : s.checks()) {
                    sb.append("   - ").append(checkTitle.apply(c)).append(" (").append(String.join(", ", c.on())).append(")\n");
                }
            }
            sb.append('\n');
        }
        sb.append(t(lang, "完成后运行：labtutor check " + lesson.id(), "When done, run: labtutor check " + lesson.id())).append('\n');
        return sb.toString();
    }

    private static String t(Lang lang, String zh, String en) {
        return Text.of(zh, en).in(lang);
    }

    private static String indent(String s, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            sb.append(sb.length() == 0 ? "" : "\n").append(line.isEmpty() ? prefix.stripTrailing() : prefix + line);
        }
        return sb.toString();
    }
}
