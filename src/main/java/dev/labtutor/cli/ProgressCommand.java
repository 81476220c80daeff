package dev.labtutor.cli;

import dev.labtutor.app.LearnerContext;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.progress.LessonProgress;
import dev.labtutor.progress.LessonState;
import dev.labtutor.progress.Progress;
import dev.labtutor.progress.ProgressJson;
import dev.labtutor.session.SessionState;
import dev.labtutor.view.DisplayWidth;
import dev.labtutor.yaml.JsonWriter;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code labtutor progress}: where the learner stands in the course on this lab. */
@Command(name = "progress", mixinStandardHelpOptions = true,
        description = "Show your progress in the course on this lab: each lesson's state, attempts, time, hints and solution.")
public final class ProgressCommand extends LearnerCommand {

    @Mixin
    FormatOption format = new FormatOption();

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Override
    public Integer call() {
        boolean json = format.json();
        Lang lang = courseOptions.lang();
        LearnerContext learner = labOptions.learner(courseOptions, false);
        PrintWriter err = spec.commandLine().getErr();
        learner.loaded.warning().ifPresent(w -> err.println("labtutor: " + w.in(lang)));
        LearnerContext.notes(learner.course, learner.lab, lang, false).forEach(n -> err.println("labtutor: " + n));
        SessionState s = learner.state(lang, Clock.systemUTC().instant());
        Progress p = s.progress();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>(ProgressJson.toMap(p));
            root.put("file", learner.store.file(learner.course.id(), learner.key).toString());
            root.put("saved", learner.loaded.existed());
            out.println(JsonWriter.write(root));
        } else {
            out.print(text(learner, s, lang));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static String text(LearnerContext learner, SessionState s, Lang lang) {
        boolean zh = lang == Lang.ZH;
        StringBuilder sb = new StringBuilder();
        sb.append(learner.course.title().in(lang)).append('\n');
        sb.append(learner.labLine(lang)).append('\n');
        sb.append(zh ? "进度文件：" : "Progress file: ").append(learner.store.file(learner.course.id(), learner.key))
                .append(learner.loaded.existed() ? "" : zh ? "（尚未创建）" : " (not written yet)").append("\n\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(zh ? new String[]{"", "课", "状态", "尝试", "用时", "提示", "答案", "标题"}
                : new String[]{"", "lesson", "state", "tries", "time", "hints", "solution", "title"});
        int i = 1;
        for (Lesson l : learner.course.lessons()) {
            LessonProgress r = s.record(l.id());
            LessonState st = s.stateOf(l.id());
            String state = switch (st) {
                case PASSED -> s.brokenNow(l.id()) ? (zh ? "通过(现有问题)" : "passed, broken now") : zh ? "已通过" : "passed";
                case OPEN -> zh ? "进行中" : "open";
                case LOCKED -> zh ? "未解锁" : "locked";
            };
            rows.add(new String[]{(l.id().equals(s.current().id()) ? ">" : " ") + i++, l.id(), state,
                    String.valueOf(r.attempts()), minutes(r.timeSpent(), zh),
                    r.hintLevel() == 0 ? "-" : String.valueOf(r.hintLevel()),
                    r.solutionViewed().map(WHEN::format).orElse("-"), l.title().in(lang)});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int c = 0; c < r.length - 1; c++) {
                w[c] = Math.max(w[c], DisplayWidth.of(r[c]));
            }
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < r.length - 1; c++) {
                line.append(DisplayWidth.pad(r[c], w[c])).append("  ");
            }
            sb.append(line.append(r[r.length - 1]).toString().stripTrailing()).append('\n');
        }
        LessonProgress cur = s.record(s.current().id());
        sb.append('\n')
                .append(zh
                        ? "当前：第 " + (s.index(s.current().id()) + 1) + " 课 " + s.current().id() + "，第 " + (s.step() + 1)
                                + " 步"
                        : "At: lesson " + (s.index(s.current().id()) + 1) + " " + s.current().id() + ", step "
                                + (s.step() + 1));
        cur.passedAt()
                .ifPresent(t -> sb.append(zh ? "（通过于 " : " (passed ").append(WHEN.format(t)).append(zh ? "）" : ")"));
        sb.append('\n');
        return sb.toString();
    }

    private static String minutes(Duration d, boolean zh) {
        long m = d.toMinutes();
        if (d.isZero()) {
            return "-";
        }
        return m < 1 ? (zh ? "<1 分" : "<1 min") : m + (zh ? " 分" : " min");
    }
}
