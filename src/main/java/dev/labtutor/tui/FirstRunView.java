package dev.labtutor.tui;

import dev.labtutor.course.Course;
import dev.labtutor.course.LabSubnet;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.view.DisplayWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first-run screen drawn from its {@link FirstRun.State} alone, through the tutor's {@link Painter}: the title bar,
 * the current mode's lines (wrapped to the width), the key line, and the password prompt over it when a login asks for
 * one.
 */
final class FirstRunView {

    private FirstRunView() {
    }

    /** Draws the whole screen; {@code spinner} is the frame of the busy mark. */
    static void draw(Painter p, Layout l, FirstRun.State s, Lang lang, String spinner,
            Optional<TutorScreen.SecretField> secret) {
        p.clear();
        if (l.tooSmall()) {
            TutorScreen.tooSmall(p, l, lang);
            return;
        }
        p.text(0, 0, l.width(), " labtutor  " + s.course().title().in(lang), Style.HEADER);
        List<Line> lines = new ArrayList<>();
        for (Line line : lines(s, lang, spinner)) {
            if (line.width() <= l.width() - 4) {
                lines.add(line);
            } else {
                Style st = line.spans().get(line.spans().size() - 1).style();
                String text = line.text();
                int hang = 0;
                if (line.spans().size() > 1 && line.spans().get(0).style() == Style.KEY) {
                    String rest = line.spans().get(1).text();
                    hang = DisplayWidth.of(line.spans().get(0).text()) + rest.length() - rest.stripLeading().length()
                            - (text.length() - text.stripLeading().length());
                }
                lines.addAll(
                        Line.wrapped("", " ".repeat(Math.max(0, Math.min(hang, 10))), st, text, st, l.width() - 4));
            }
        }
        p.lines(2, 2, l.width() - 4, l.height() - 4, lines, 0, Style.NORMAL);
        for (int r = 1; r < l.height() - 1; r++) {
            p.text(0, r, 2, "", Style.NORMAL);
            p.text(l.width() - 2, r, 2, "", Style.NORMAL);
        }
        p.text(0, 1, l.width(), "", Style.NORMAL);
        p.text(0, l.height() - 1, l.width(), " " + footer(s, lang) + " ", Style.HEADER);
        secret.ifPresent(f -> TutorScreen.secret(p, l, f, lang));
    }

    /** The key line for the current mode. */
    static String footer(FirstRun.State s, Lang lang) {
        return switch (s.mode()) {
            case CHOOSE -> Text.of("1 填写主机  2 启动沙箱  Esc 先看课程  q 退出",
                    "1 describe your hosts  2 start the sandbox  Esc read first  q quit").in(lang);
            case FORM -> Text.of("Enter 测试登录  Tab 下一项  PgDn 跳过这台  PgUp 上一台  Esc 返回",
                    "Enter try the login  Tab next field  PgDn skip host  PgUp back  Esc return").in(lang);
            case ADDRESSES ->
                Text.of("Enter 确认  Tab 下一项  Esc 返回主机", "Enter confirm  Tab next field  Esc back to the hosts").in(lang);
            case SUMMARY -> Text.of("Enter 保存并开始  Esc 返回修改", "Enter save and start  Esc go back").in(lang);
            case SANDBOX -> s.working() ? Text.of("正在启动沙箱，请稍候", "starting the sandbox, please wait").in(lang)
                    : Text.of("Esc 返回", "Esc return").in(lang);
        };
    }

    /** The screen's lines for the current mode. */
    static List<Line> lines(FirstRun.State s, Lang lang, String spinner) {
        Course course = s.course();
        List<String> roles = s.roles();
        Map<String, String> addresses = s.addresses();
        Optional<Text> sandboxProblem = s.sandboxProblem();
        String target = s.labTarget().toString();
        List<Line> out = new ArrayList<>();
        out.add(Line.of(
                Text.of("欢迎使用 labtutor：" + course.title().zh(), "Welcome to labtutor: " + course.title().en()).in(lang),
                Style.TITLE));
        out.add(Line.BLANK);
        switch (s.mode()) {
            case CHOOSE -> {
                out.add(Line.of(Text.of("labtutor 通过 SSH 登录你的实验主机来检查你做的每一步，但它还不知道你的主机在哪里。",
                        "labtutor checks each step on your own lab hosts over SSH, and it does not know your hosts yet.")
                        .in(lang)));
                out.add(Line.of(Text.of("有两种方式开始：", "There are two ways on:").in(lang)));
                out.add(Line.BLANK);
                out.add(Line.of("  1  ", Style.KEY).plus(" " + Text.of("填写你的主机：每台主机一个小表单（地址、用户、私钥），登录测试成功后写入 ",
                        "Describe your hosts: a small form per host (address, user, key); each login is tried, then written to ")
                        .in(lang) + target, Style.NORMAL));
                out.add(Line.BLANK);
                Style two = sandboxProblem.isPresent() ? Style.DIM : Style.NORMAL;
                out.add(Line.of("  2  ", sandboxProblem.isPresent() ? Style.DIM : Style.KEY).plus(" " + Text.of(
                        "启动本机沙箱：在这台 Linux 机器上用网络命名空间建出课程的 5 台主机（需要 root）",
                        "Start the sandbox: the course's five hosts on this Linux machine in network namespaces (needs root)")
                        .in(lang), two));
                sandboxProblem.ifPresent(p -> out.add(Line
                        .of("       " + Text.of("现在不可用：", "not available here: ").in(lang) + p.in(lang), Style.DIM)));
                out.add(Line.BLANK);
                out.add(Line.of("  Esc", Style.KEY).plus(
                        "  " + Text.of("先看课程（没有实验环境时无法检查）", "read the lessons first (checks need a lab)").in(lang),
                        Style.NORMAL));
                out.add(Line.of("  q  ", Style.KEY).plus("  " + Text.of("退出", "quit").in(lang), Style.NORMAL));
                out.add(Line.BLANK);
                out.add(Line.of(Text
                        .of("也可以自己写 lab.yaml（见 README 的 \"The lab file\" 一节），或用 --lab 指定。",
                                "You can also write lab.yaml yourself (README, \"The lab file\") or pass --lab FILE.")
                        .in(lang), Style.DIM));
            }
            case FORM -> {
                int role = s.role();
                String r = roles.get(role);
                List<String> v = s.forms().get(r);
                out.add(Line.of(Text.of(
                        "主机 " + (role + 1) + "/" + roles.size() + "：" + r + " - " + course.roles().get(r).zh(),
                        "Host " + (role + 1) + " of " + roles.size() + ": " + r + " - " + course.roles().get(r).en())
                        .in(lang), Style.BOLD));
                out.add(Line.BLANK);
                String[] labels = lang == Lang.ZH ? new String[]{"地址", "用户", "私钥", "端口"}
                        : new String[]{"address", "user", "key", "port"};
                for (int f = 0; f < 4; f++) {
                    boolean here = f == s.field();
                    out.add(Line
                            .of((here ? "> " : "  ") + DisplayWidth.pad(labels[f], 8), here ? Style.BOLD : Style.NORMAL)
                            .plus(" " + v.get(f) + (here ? "_" : ""), here ? Style.SELECTED : Style.CODE));
                }
                out.add(Line.BLANK);
                out.add(Line.of(
                        Text.of("按 Enter 测试登录并继续；地址留空则跳过这台主机。",
                                "Enter tries the login and goes on; an empty address skips this host.").in(lang),
                        Style.DIM));
                out.add(Line.of(Text
                        .of("没有私钥时会在这里询问密码（不会保存）；私钥有口令时同样在这里询问。",
                                "Without a key the password is asked here (never saved); so is a key's passphrase.")
                        .in(lang), Style.DIM));
            }
            case ADDRESSES -> {
                out.add(Line.of(Text.of("课程使用的地址", "The course's addresses").in(lang), Style.BOLD));
                out.add(Line.BLANK);
                List<String> names = List.copyOf(addresses.keySet());
                for (int f = 0; f < names.size(); f++) {
                    boolean here = f == s.field();
                    String n = names.get(f);
                    out.add(Line.of((here ? "> " : "  ") + DisplayWidth.pad(n, 8), here ? Style.BOLD : Style.NORMAL)
                            .plus(" " + addresses.get(n) + (here ? "_" : ""), here ? Style.SELECTED : Style.CODE));
                    out.add(Line.of("           " + course.vars().get(n).description().in(lang), Style.DIM));
                    outside(s, addresses.get(n).strip())
                            .ifPresent(w -> out.add(Line.of("           " + w.in(lang), Style.WARNING)));
                }
                out.add(Line.BLANK);
                String seed = String.join(", ", names.stream().map(n -> course.vars().get(n).defaultValue()).toList());
                out.add(Line.of(Text.of("课程文档用的是 " + seed + "，那是原文档的网络；这里给出的是你的主机网段中没有主机使用的地址。写入实验环境文件的 vars:。",
                        "The course document uses " + seed
                                + ", the source document's network; offered here is an address of your hosts' subnet that no host uses. "
                                + "It goes under vars: in the lab file.")
                        .in(lang), Style.DIM));
            }
            case SUMMARY -> {
                out.add(Line.of(Text.of("将写入 " + target + "：", "About to write " + target + ":").in(lang), Style.BOLD));
                out.add(Line.BLANK);
                addresses.forEach(
                        (n, v) -> out.add(Line.of("  " + DisplayWidth.pad(n, 11), Style.HOST).plus(v, Style.NORMAL)));
                for (String r : roles) {
                    Optional<Text> t = s.tested().get(r);
                    List<String> v = s.forms().get(r);
                    if (t == null) {
                        out.add(Line.of("  " + DisplayWidth.pad(r, 11) + Text.of("（跳过）", "(skipped)").in(lang),
                                Style.DIM));
                    } else if (t.isEmpty()) {
                        out.add(Line
                                .of("  " + DisplayWidth.pad(r, 11), Style.HOST).plus(v.get(FirstRun.USER) + "@"
                                        + v.get(FirstRun.ADDRESS) + ":" + v.get(FirstRun.PORT) + "  ", Style.NORMAL)
                                .plus("OK", Style.PASS));
                    } else {
                        out.add(Line.of("  " + DisplayWidth.pad(r, 11), Style.HOST).plus(t.get().in(lang), Style.FAIL));
                    }
                }
                out.add(Line.BLANK);
                out.add(Line.of(Text.of("Enter 保存登录成功的主机并开始  Esc 返回修改",
                        "Enter saves the hosts that logged in and starts  Esc goes back").in(lang), Style.DIM));
            }
            case SANDBOX -> {
                out.add(Line.of(
                        (s.working() ? spinner + " " : "") + Text.of("正在启动沙箱...", "starting the sandbox...").in(lang),
                        Style.BOLD));
                out.add(Line.BLANK);
                s.log().forEach(l -> out.add(Line.of("  " + l, Style.DIM)));
            }
        }
        s.message().ifPresent(m -> {
            out.add(Line.BLANK);
            out.add(Line.of((s.working() ? spinner + " " : "") + m.in(lang), s.working() ? Style.WARNING : Style.INFO));
        });
        return out;
    }

    /** Why an address is unlikely to work: outside the hosts' subnet (a /24 assumed). */
    private static Optional<Text> outside(FirstRun.State s, String address) {
        var prefixes = LabSubnet.prefixes(s.hostAddresses());
        if (!LabSubnet.outside(address, prefixes)) {
            return Optional.empty();
        }
        String nets = LabSubnet.networks(prefixes);
        return Optional.of(Text.of(address + " 不在你的主机所在的网段 " + nets + " 中：实验网络上没有主机能访问它",
                address + " is outside your hosts' subnet " + nets + ": nothing on the lab network reaches it"));
    }
}
