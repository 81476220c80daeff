package dev.labtutor.view;

import dev.labtutor.course.Action;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Step;
import dev.labtutor.course.StepText;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A lesson with the learner's values filled in, as a sequence of typed blocks: the text views ({@code show}, the plain
 * mode) and the full-screen lesson pane lay the same blocks out their own way. Each host is told in its family's terms:
 * every action as its {@code on:} host's family has it, a step's text as its hosts' family has it (each family's text
 * headed by its hosts when the hosts differ).
 */
public final class LessonView {

    /** One piece of a lesson. {@code step} is the 0-based step it belongs to, -1 before the first step. */
    public sealed interface Block
            permits Title, Para, StepHead, Command, FileHead, FileLine, Note, ChecksHead, CheckItem, Gap {
        int step();
    }

    public record Title(int step, String id, String title) implements Block {
    }

    public record Para(int step, String text) implements Block {
    }

    public record StepHead(int step, String title) implements Block {
    }

    public record Command(int step, String host, String line) implements Block {
    }

    public record FileHead(int step, String host, String path, String caption) implements Block {
    }

    public record FileLine(int step, String line) implements Block {
    }

    /**
     * A note on the original document the course is based on, where its slip occurs: {@code label} marks it as such and
     * ends in its punctuation ("原文勘误：", "Note on the original document: "), so a view writes label and text side by
     * side; {@code text} says what the document got wrong and what the course does instead.
     */
    public record Note(int step, String label, String text) implements Block {
    }

    public record ChecksHead(int step, String caption) implements Block {
    }

    public record CheckItem(int step, String check, String title, List<String> hosts) implements Block {
    }

    public record Gap(int step) implements Block {
    }

    private LessonView() {
    }

    /**
     * @param checkTitle the title of a check reference in the learner's language (the lesson's id when the checks are
     *     not loaded)
     */
    public static List<Block> of(Lesson lesson, Bindings b, Lang lang, Function<CheckRef, String> checkTitle) {
        List<Block> out = new ArrayList<>();
        out.add(new Title(-1, lesson.id(), b.render(lesson.title().in(lang))));
        String intro = b.render(lesson.intro().in(lang)).strip();
        if (!intro.isEmpty()) {
            out.add(new Para(-1, intro));
        }
        notes(out, -1, b.course().notes(lesson.id(), Optional.empty()), b, lang);
        for (int i = 0; i < lesson.steps().size(); i++) {
            Step s = lesson.steps().get(i);
            out.add(new StepHead(i, b.render(StepText.title(s, lesson.roles(), b).in(lang))));
            List<StepText.Part> parts = StepText.of(s, lesson.roles(), b);
            for (StepText.Part part : parts) {
                if (part != parts.get(0)) {
                    out.add(new Gap(i));
                }
                String text = b.render(part.text().in(lang)).strip();
                out.add(new Para(i, part.heading().map(h -> h.in(lang) + "\n" + text).orElse(text)));
            }
            for (Action each : s.actions()) {
                Action a = b.forHost(each);
                out.add(new Gap(i));
                if (a instanceof Action.WriteFile w) {
                    String path = b.render(w.path());
                    out.add(new FileHead(i, w.on(), path,
                            Text.of("在 " + w.on() + " 上写入 " + path + "：", "on " + w.on() + ", write " + path + ":")
                                    .in(lang)));
                    for (String line : b.render(w.content()).stripTrailing().split("\n", -1)) {
                        out.add(new FileLine(i, line));
                    }
                } else if (a instanceof Action.Run r) {
                    for (String line : b.render(r.script()).strip().split("\n")) {
                        out.add(new Command(i, r.on(), line));
                    }
                }
            }
            notes(out, i, b.course().notes(lesson.id(), Optional.of(s.id())), b, lang);
            if (!s.checks().isEmpty()) {
                out.add(new Gap(i));
                out.add(new ChecksHead(i, Text.of("检查：", "Checked:").in(lang)));
                for (CheckRef c : s.checks()) {
                    out.add(new CheckItem(i, c.id(), checkTitle.apply(asChecked(c, b)), c.on()));
                }
            }
        }
        return out;
    }

    /**
     * The check its hosts are judged by, when they all take the same one (a family's {@code use}/{@code with}), so its
     * title names what is checked there (ufw rather than firewalld); else the reference itself.
     */
    private static CheckRef asChecked(CheckRef c, Bindings b) {
        java.util.Set<Optional<CheckRef>> taken = new java.util.HashSet<>();
        c.on().forEach(h -> taken.add(c.forFamily(b.family(h))));
        return taken.size() == 1 ? taken.iterator().next().orElse(c) : c;
    }

    private static final Text NOTE_LABEL = Text.of("原文勘误：", "Note on the original document: ");

    private static void notes(List<Block> out, int step, List<dev.labtutor.course.Note> notes, Bindings b, Lang lang) {
        for (dev.labtutor.course.Note n : notes) {
            if (step >= 0) {
                out.add(new Gap(step));
            }
            out.add(new Note(step, NOTE_LABEL.in(lang), b.render(n.text().in(lang)).strip()));
        }
    }
}
