package dev.labtutor.session;

import dev.labtutor.course.Action;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Step;
import dev.labtutor.course.StepText;
import dev.labtutor.course.Template;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.CheckMark;
import dev.labtutor.progress.HostMark;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The hint ladder of the current lesson, built from what the last check saw: level 1 names the first thing not passing
 * and the hint for its observed cause; level 2 adds the step that covers it and what was seen; level 3 adds that step's
 * commands with the learner's values. After that only the solution is left.
 */
public final class Hints {

    public static final int LEVELS = 3;
    private static final int MAX_COMMAND_LINES = 8;

    private Hints() {
    }

    public static List<Text> lines(SessionState s, int level) {
        List<Text> out = new ArrayList<>();
        if (level <= 0) {
            return out;
        }
        Lesson lesson = s.current();
        List<CheckMark> marks = s.marks(lesson.id());
        Optional<CheckMark> failing = marks.stream().filter(m -> !m.passed()).findFirst();
        Step step = failing.flatMap(m -> stepOf(lesson, m.check())).orElse(stepAt(lesson, s.step()));
        int stepNo = lesson.steps().indexOf(step) + 1;
        Bindings b = s.bindings();
        Text title = StepText.title(step, lesson.roles(), b);
        if (failing.isPresent()) {
            CheckMark m = failing.get();
            HostMark h = m.hosts().stream().filter(x -> !x.passed()).findFirst().orElse(m.hosts().get(0));
            String on = h.host().isEmpty() ? "" : h.host();
            if (h.cause().startsWith("host-")) {
                out.add(Text.of("先让 labtutor 能登录 " + on + "：" + h.message().zh(),
                        "First let labtutor log in to " + on + ": " + h.message().en()));
            } else {
                Text what = h.hint().orElse(h.message());
                out.add(Text.of("「" + m.title().zh() + "」" + (on.isEmpty() ? "" : "（" + on + "）") + "：" + what.zh(),
                        "\"" + m.title().en() + "\"" + (on.isEmpty() ? "" : " on " + on) + ": " + what.en()));
            }
            if (level >= 2) {
                if (stepNo > 0) {
                    out.add(Text.of(
                            "这一项属于第 " + stepNo + " 步「" + render(b, title.zh()) + "」" + hostsOf(step, true) + "。",
                            "This is step " + stepNo + ", \"" + render(b, title.en()) + "\"" + hostsOf(step, false)));
                }
                if (h.hint().isPresent()) {
                    out.add(Text.of("看到的情况：" + h.message().zh(), "What labtutor saw: " + h.message().en()));
                }
                h.evidence().stream().limit(3).forEach(e -> out.add(Text.of("  " + e, "  " + e)));
            }
        } else if (marks.isEmpty()) {
            out.add(Text.of(
                    "从第 " + Math.max(1, stepNo) + " 步开始：" + render(b, title.zh()) + hostsOf(step, true) + "。做完后按 c 检查。",
                    "Start with step " + Math.max(1, stepNo) + ": " + render(b, title.en()) + hostsOf(step, false)
                            + ". Press c to check when done."));
            if (level >= 2) {
                Text text = StepText.of(step, lesson.roles(), b).get(0).text();
                out.add(Text.of(firstSentence(render(b, text.zh())), firstSentence(render(b, text.en()))));
            }
        } else {
            out.add(Text.of("全部检查都通过了。", "Every check passes."));
            return out;
        }
        if (level >= 3) {
            List<Text> commands = commands(step, b);
            if (!commands.isEmpty()) {
                out.add(Text.of("要输入的命令和要写的文件：", "The commands to type and files to write:"));
                out.addAll(commands);
            }
        }
        if (level >= LEVELS) {
            out.add(Text.of("提示就这些了；按 s 查看完整答案。", "That is every hint; s shows the whole solution."));
        }
        return out;
    }

    private static Optional<Step> stepOf(Lesson lesson, String checkId) {
        for (Step st : lesson.steps()) {
            for (CheckRef c : st.checks()) {
                if (c.id().equals(checkId)) {
                    return Optional.of(st);
                }
            }
        }
        return Optional.empty();
    }

    private static Step stepAt(Lesson lesson, int index) {
        return lesson.steps().get(Math.max(0, Math.min(index, lesson.steps().size() - 1)));
    }

    private static String hostsOf(Step st, boolean zh) {
        List<String> on = st.actions().stream().map(Action::on).distinct().toList();
        if (on.isEmpty()) {
            return "";
        }
        return zh ? "，要在 " + String.join("、", on) + " 上操作" : ", on " + String.join(", ", on);
    }

    private static List<Text> commands(Step st, Bindings b) {
        List<Text> out = new ArrayList<>();
        for (Action each : st.actions()) {
            Action a = b.forHost(each);
            if (a instanceof Action.Run r) {
                for (String line : render(b, r.script()).strip().split("\n")) {
                    String c = "  [" + r.on() + "]# " + line;
                    out.add(Text.of(c, c));
                }
            } else if (a instanceof Action.WriteFile w) {
                String path = render(b, w.path());
                long n = render(b, w.content()).strip().lines().count();
                out.add(Text.of("  [" + w.on() + "] 写入 " + path + "（" + n + " 行，内容见课程）",
                        "  [" + w.on() + "] write " + path + " (" + n + " lines, shown in the lesson)"));
            }
        }
        return out.size() > MAX_COMMAND_LINES ? out.subList(0, MAX_COMMAND_LINES) : out;
    }

    static String render(Bindings b, String template) {
        try {
            return b.render(template);
        } catch (Template.UnknownVariable e) {
            return template;
        }
    }

    private static String firstSentence(String text) {
        String t = text.strip();
        int cut = t.length();
        for (String end : List.of("。", ". ", "\n")) {
            int i = t.indexOf(end);
            if (i >= 0 && i < cut) {
                cut = i + (end.equals("\n") ? 0 : 1);
            }
        }
        return t.substring(0, cut).strip();
    }
}
