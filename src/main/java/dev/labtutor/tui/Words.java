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
    static final Text HINTS = Text.of("提示", "Hint");
    static final Text SOLUTION = Text.of("答案（已记录在进度中；Esc 或 s 关闭）", "Solution (recorded in your progress; Esc or s closes it)");
    static final Text QUIZ = Text.of("小测验（按 a 回答）", "Quiz (press a to answer)");
    static final Text ESC_CANCELS = Text.of("Esc 取消", "Esc cancels");
    static final Text TOO_SMALL = Text.of("请把窗口放大到至少 80x24", "Make the window at least 80x24");

    static String state(LessonState s, boolean broken, Lang lang) {
        return switch (s) {
            case PASSED -> broken ? Text.of("已通过，现有问题", "passed, broken now").in(lang) : Text.of("已通过", "passed").in(lang);
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

    /** The key line's items, most important first within each group; {@code quiz} adds the quiz key. */
    static java.util.List<String[]> keys(Lang lang, boolean quiz) {
        boolean zh = lang == Lang.ZH;
        java.util.List<String[]> k = new java.util.ArrayList<>();
        k.add(new String[]{"c", zh ? "检查" : "check"});
        k.add(new String[]{"w", zh ? "监视" : "watch"});
        k.add(new String[]{"h", zh ? "提示" : "hint"});
        k.add(new String[]{"s", zh ? "答案" : "solution"});
        k.add(new String[]{"n/p", zh ? "下/上一课" : "next/prev"});
        k.add(new String[]{"r", zh ? "复查" : "recheck"});
        if (quiz) {
            k.add(new String[]{"a", zh ? "答题" : "quiz"});
        }
        k.add(new String[]{"l", zh ? "English" : "中文"});
        k.add(new String[]{"?", zh ? "帮助" : "help"});
        k.add(new String[]{"q", zh ? "退出" : "quit"});
        return k;
    }

    static final Text[] HELP = {
        Text.of("按键", "Keys"),
        Text.of("c      立即检查当前课程一次（在后台进行，Esc 取消）", "c      check the current lesson once, now (in the background; Esc cancels)"),
        Text.of("w      监视：每 2 秒检查一次，直到全部通过（w 或 Esc 停止）", "w      watch: check every 2 s until everything passes (w or Esc stops)"),
        Text.of("       观察类课程（故障切换）：先按 w，再在另一个终端操作，每轮最多观察 120 秒；c 只根据 keepalived 的日志判断已经做过的切换",
                "       observed lessons (a failover): press w first, then act in another terminal; each round watches up to 120 s. "
                        + "c judges a failover already done from keepalived's logs"),
        Text.of("h      下一级提示", "h      the next hint level"),
        Text.of("s      查看答案（先询问，并记录在进度中）", "s      the solution (asks first; recorded in your progress)"),
        Text.of("n / p  下一课 / 上一课", "n / p  next / previous lesson"),
        Text.of("r      复查所有已通过的课程", "r      re-check every passed lesson"),
        Text.of("a      回答本课的小测验", "a      answer this lesson's quiz"),
        Text.of("l      切换中文 / English", "l      switch Chinese / English"),
        Text.of("Tab    在课程列表、课程内容、检查结果之间切换", "Tab    move between the lesson list, the lesson and the results"),
        Text.of("方向键 PgUp PgDn Home End  滚动；Enter 打开列表中的课程", "Up Down PgUp PgDn Home End  scroll; Enter opens the lesson in the list"),
        Text.of("Ctrl-L 重画屏幕    q 退出（检查进行中会先询问）", "Ctrl-L redraw the screen    q quit (asks while a check runs)"),
        Text.of("", ""),
        Text.of("按任意键关闭", "press any key to close"),
    };
}
