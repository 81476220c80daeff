package dev.labtutor.view;

import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import java.util.List;
import java.util.function.Function;

/**
 * A lesson as plain text for the terminal: steps, what to type on which host and the files to write, all with the
 * learner's own values filled in.
 */
public final class LessonText {

    private LessonText() {
    }

    /** @param checkTitle the title of a check reference, already rendered, in the learner's language */
    public static String render(Lesson lesson, Bindings b, Lang lang, Function<CheckRef, String> checkTitle) {
        return body(LessonView.of(lesson, b, lang, checkTitle)) + Text
                .of("完成后运行：labtutor check " + lesson.id(), "When done, run: labtutor check " + lesson.id()).in(lang)
                + "\n";
    }

    /**
     * The blocks as text: numbered steps, commands as {@code [host]# line}, files indented with {@code | }, notes on
     * the original document as a paragraph that starts with their label.
     */
    public static String body(List<LessonView.Block> blocks) {
        StringBuilder sb = new StringBuilder();
        int step = -1;
        for (LessonView.Block block : blocks) {
            if (block.step() != step) {
                if (step >= 0) {
                    sb.append('\n');
                }
                step = block.step();
            }
            if (block instanceof LessonView.Title t) {
                sb.append(t.id()).append(": ").append(t.title()).append("\n\n");
            } else if (block instanceof LessonView.Para p) {
                sb.append(step < 0 ? p.text() + "\n\n" : indent(p.text(), "   ") + "\n");
            } else if (block instanceof LessonView.StepHead h) {
                sb.append(h.step() + 1).append(". ").append(h.title()).append('\n');
            } else if (block instanceof LessonView.Gap) {
                sb.append('\n');
            } else if (block instanceof LessonView.FileHead f) {
                sb.append("   ").append(f.caption()).append('\n');
            } else if (block instanceof LessonView.FileLine f) {
                sb.append(f.line().isEmpty() ? "   |" : "   | " + f.line()).append('\n');
            } else if (block instanceof LessonView.Command c) {
                sb.append("   [").append(c.host()).append("]# ").append(c.line()).append('\n');
            } else if (block instanceof LessonView.Note n) {
                sb.append(step < 0 ? n.label() + n.text() + "\n\n" : indent(n.label() + n.text(), "   ") + "\n");
            } else if (block instanceof LessonView.ChecksHead h) {
                sb.append("   ").append(h.caption()).append('\n');
            } else if (block instanceof LessonView.CheckItem c) {
                sb.append("   - ").append(c.title()).append(" (").append(String.join(", ", c.hosts())).append(")\n");
            }
        }
        if (step >= 0) {
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String indent(String s, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n", -1)) {
            sb.append(sb.length() == 0 ? "" : "\n").append(line.isEmpty() ? prefix.stripTrailing() : prefix + line);
        }
        return sb.toString();
    }
}
