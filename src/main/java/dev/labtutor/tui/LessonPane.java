package dev.labtutor.tui;

import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Question;
import dev.labtutor.course.Solution;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.LessonProgress;
import dev.labtutor.session.Hints;
import dev.labtutor.session.SessionState;
import dev.labtutor.view.DisplayWidth;
import dev.labtutor.view.LessonView;
import dev.labtutor.view.ResultRows;
import dev.labtutor.view.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The right-hand pane: the hint box when hints are shown, then the lesson with the learner's values (or its solution
 * when opened), each step's checks marked with their last status, and the quiz with the learner's answers. Pure: state
 * in, lines out.
 */
final class LessonPane {

    /** Lines and the index of the line where each step starts (to scroll to the current step). */
    record Content(List<Line> lines, List<Integer> stepStarts) {
    }

    private LessonPane() {
    }

    static Content of(SessionState s, Function<CheckRef, Text> titles, int width) {
        Lang lang = s.lang();
        Lesson lesson = s.current();
        List<Line> out = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        if (s.hintShown() > 0) {
            out.add(Line.of(" " + Words.HINTS.in(lang) + " " + s.hintShown() + "/" + Hints.LEVELS + " ",
                    Style.WARNING));
            for (Text t : Hints.lines(s, s.hintShown())) {
                out.addAll(
                        Line.wrapped("  ", "  ", Style.NORMAL, Sentence.start(t.in(lang), lang), Style.WARNING, width));
            }
            out.add(Line.BLANK);
        }
        if (s.solutionOpen()) {
            out.addAll(Line.wrapped(" ", " ", Style.WARNING, Words.SOLUTION.in(lang), Style.WARNING, width));
            List<Solution.Step> steps;
            try {
                steps = Solution.render(lesson, s.bindings());
            } catch (RuntimeException e) {
                steps = List.of();
            }
            for (Solution.Step st : steps) {
                out.add(Line.BLANK);
                HereDoc doc = new HereDoc();
                for (String l : st.script().stripTrailing().split("\n", -1)) {
                    out.addAll(command("[" + st.role() + "]# ", l, doc.data(l), width));
                }
            }
            out.add(Line.BLANK);
        }
        int no = s.index(lesson.id()) + 1;
        List<CheckMark> marks = s.marks(lesson.id());
        int current = s.step();
        HereDoc doc = new HereDoc();
        for (LessonView.Block b : LessonView.of(lesson, s.bindings(), lang, ref -> titles.apply(ref).in(lang))) {
            if (!(b instanceof LessonView.Command)) {
                doc = new HereDoc();
            }
            if (b instanceof LessonView.Title t) {
                String head = (lang == Lang.ZH ? "第 " + no + " 课  " : "Lesson " + no + "  ") + t.title();
                out.addAll(Line.wrapped("", "", Style.TITLE, head, Style.TITLE, width));
                String state = Words.state(s.stateOf(lesson.id()), s.brokenNow(lesson.id()), lang);
                out.add(Line.of(lesson.id() + " - " + state, Style.DIM));
                out.add(Line.BLANK);
            } else if (b instanceof LessonView.Para p) {
                String indent = p.step() < 0 ? "" : "   ";
                out.addAll(Line.wrapped(indent, indent, Style.NORMAL, Wrap.reflow(p.text()), Style.NORMAL, width));
                if (p.step() < 0) {
                    out.add(Line.BLANK);
                }
            } else if (b instanceof LessonView.StepHead h) {
                if (h.step() > 0) {
                    out.add(Line.BLANK);
                }
                starts.add(out.size());
                boolean here = h.step() == current;
                out.addAll(Line.wrapped(here ? "> " + (h.step() + 1) + ". " : "  " + (h.step() + 1) + ". ", "     ",
                        here ? Style.SUCCESS : Style.BOLD, h.title(), Style.BOLD, width));
            } else if (b instanceof LessonView.Gap) {
                out.add(Line.BLANK);
            } else if (b instanceof LessonView.Command c) {
                out.addAll(command("   [" + c.host() + "]# ", c.line(), doc.data(c.line()), width));
            } else if (b instanceof LessonView.FileHead f) {
                out.addAll(Line.wrapped("   ", "   ", Style.NORMAL, f.caption(), Style.HOST, width));
            } else if (b instanceof LessonView.FileLine f) {
                out.addAll(Line.wrapped("   | ", "   |   ", Style.DIM, f.line(), Style.CODE, width));
            } else if (b instanceof LessonView.Note n) {
                String indent = n.step() < 0 ? "" : "   ";
                out.addAll(Line.wrapped(indent, indent, Style.NORMAL, n.label(), Style.WARNING, width));
                out.addAll(Line.wrapped(indent + "  ", indent + "  ", Style.NORMAL, n.text(), Style.NORMAL, width));
                if (n.step() < 0) {
                    out.add(Line.BLANK);
                }
            } else if (b instanceof LessonView.ChecksHead h) {
                out.add(Line.of("   " + h.caption(), Style.DIM));
            } else if (b instanceof LessonView.CheckItem c) {
                Optional<CheckMark> m = marks.stream().filter(x -> x.check().equals(c.check())).findFirst();
                String badge = m.map(x -> ResultRows.badge(x.status())).orElse("  -  ");
                Style st = m.map(x -> ResultsPane.style(x.status())).orElse(Style.DIM);
                Line first = new Line(List.of(new Line.Span("   ", Style.NORMAL), new Line.Span(badge, st),
                        new Line.Span(" ", Style.NORMAL)));
                List<Line> body = Line.wrapped("", "", Style.NORMAL,
                        c.title() + " (" + String.join(", ", c.hosts()) + ")", Style.NORMAL, width - 9);
                for (int i = 0; i < body.size(); i++) {
                    out.add(i == 0 ? new Line(concat(first.spans(), body.get(i).spans())) : new Line(
                            concat(List.of(new Line.Span(" ".repeat(9), Style.NORMAL)), body.get(i).spans())));
                }
            }
        }
        if (!lesson.quiz().isEmpty()) {
            out.add(Line.BLANK);
            starts.add(out.size());
            out.add(Line.of(Words.QUIZ.in(lang), Style.BOLD));
            LessonProgress rec = s.record(lesson.id());
            int qn = 1;
            for (Question q : lesson.quiz()) {
                out.addAll(quizQuestion(q, s.bindings(), qn++, rec.answers().get(q.id()), lang, width));
            }
        }
        return new Content(out, starts);
    }

    /**
     * A question with its choices, the learner's values filled in as in the lesson text; the learner's answer marked
     * right or wrong, with the reason.
     */
    static List<Line> quizQuestion(Question question, Bindings b, int number, String answer, Lang lang, int width) {
        Question q = question.filled(b::render);
        List<Line> out = new ArrayList<>();
        out.add(Line.BLANK);
        out.addAll(Line.wrapped(" " + number + ". ", "    ", Style.BOLD, q.prompt().in(lang), Style.BOLD, width));
        for (Question.Choice c : q.choices()) {
            boolean picked = c.key().equalsIgnoreCase(answer == null ? "" : answer);
            Style st = !picked ? Style.NORMAL : c.correct() ? Style.PASS : Style.FAIL;
            String mark = !picked ? "    " : c.correct() ? " OK " : " X  ";
            out.addAll(Line.wrapped(mark + c.key() + ") ", "       ", st, c.text().in(lang), st, width));
            if (picked && !c.correct()) {
                c.why().ifPresent(w -> out
                        .addAll(Line.wrapped("       ", "       ", Style.NORMAL, w.in(lang), Style.WARNING, width)));
            }
            if (picked && c.correct()) {
                out.addAll(Line.wrapped("       ", "       ", Style.NORMAL, q.explain().in(lang), Style.DIM, width));
            }
        }
        return out;
    }

    /**
     * A command after its prompt, broken where it does not fit so that it still pastes as the same command
     * ({@link Wrap#command}), the lines after the first indented from where the prompt starts, as a shell script is
     * written; {@code data}: a line of a here-document (text, not a command: no prompt before it), which no shell
     * continuation may break ({@link Wrap#broken}).
     */
    static List<Line> command(String prompt, String line, boolean data, int width) {
        int promptWidth = DisplayWidth.of(prompt);
        String margin = " ".repeat(promptWidth - DisplayWidth.of(prompt.stripLeading()));
        List<String> parts = data ? Wrap.broken(line, width - promptWidth)
                : Wrap.command(line, width - promptWidth, width - margin.length());
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String head = data ? " ".repeat(promptWidth) : i == 0 ? prompt : margin;
            out.add(Line.of(head, Style.HOST).plus(parts.get(i), Style.CODE));
        }
        return out;
    }

    /** Follows the lines of a script through its here-documents ({@code cat > f <<'EOF'} ... {@code EOF}). */
    static final class HereDoc {
        private static final Pattern OPENS =
                Pattern.compile("(?<!<)<<(-?)(?!<)\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\2");
        private String until;

        /**
         * Is {@code line}, the next line of the script, a line of a here-document (its text or the line that ends it)?
         */
        boolean data(String line) {
            if (until != null) {
                if (line.strip().equals(until)) {
                    until = null;
                }
                return true;
            }
            Matcher m = OPENS.matcher(line);
            until = m.find() ? m.group(3) : null;
            return false;
        }
    }

    private static List<Line.Span> concat(List<Line.Span> a, List<Line.Span> b) {
        List<Line.Span> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
