package dev.labtutor.tui;

import dev.labtutor.check.Prober;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.progress.LessonState;

/** The app's own words, in both languages. */
final class Words {

    private Words() {
    }

    static final Text LESSONS = Text.of("课程", "Lessons");
    static final Text RESULTS = Text.of("检查结果", "Results");
    static final Text NOT_CHECKED = Text.of("还没有检查。按步骤操作后按 c 检查，按 w 持续检查。",
            "Not checked yet. Do the steps, then press c to check (w keeps checking).");
    static final Text HOSTS = Text.of("实验主机", "Lab hosts");
    static final Text HINTS = Text.of("提示", "Hint");
    static final Text SOLUTION =
            Text.of("答案（已记录在进度中；Esc 或 s 关闭）", "Solution (recorded in your progress; Esc or s closes it)");
    static final Text QUIZ = Text.of("小测验（按 a 回答）", "Quiz (press a to answer)");
    static final Text ESC_CANCELS = Text.of("Esc 取消", "Esc cancels");
    static final Text TOO_SMALL = Text.of("请把窗口放大到至少 80x24", "Make the window at least 80x24");

    static String state(LessonState s, boolean broken, Lang lang) {
        return switch (s) {
            case PASSED ->
                broken ? Text.of("已通过，现有问题", "passed, broken now").in(lang) : Text.of("已通过", "passed").in(lang);
            case OPEN -> Text.of("进行中", "open").in(lang);
            case LOCKED -> Text.of("未解锁", "locked").in(lang);
        };
    }

    static String phase(Prober.Phase p, Lang lang) {
        return switch (p) {
            case CONNECTING -> Text.of("正在连接", "connecting").in(lang);
            case LOGGING_IN -> Text.of("正在登录", "logging in").in(lang);
            case PROBING -> Text.of("正在检查", "probing").in(lang);
            case DONE -> Text.of("完成", "done").in(lang);
        };
    }
}
