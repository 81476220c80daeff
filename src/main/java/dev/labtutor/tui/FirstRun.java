package dev.labtutor.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.labtutor.course.Course;
import dev.labtutor.course.LabSubnet;
import dev.labtutor.course.VarType;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.Ipv4;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The first run without a lab file: a screen with the two ways on. Either a small form per
 * role (address, user, key, port) whose SSH login is tried before anything is saved, then the
 * course's addresses (the VIP; offered: a free address in the hosts' subnet, since the course's
 * default is the source document's network), then written as the lab file; or, as root on
 * Linux, the local sandbox started from here. Owned by the drawing thread; logins and the
 * sandbox run on a worker and report back through a queue.
 */
final class FirstRun {

    enum Mode { CHOOSE, FORM, ADDRESSES, SUMMARY, SANDBOX }

    /** What the first run ended with. */
    sealed interface Result permits Result.Lab, Result.WithoutLab, Result.Quit {
        record Lab(LabFile lab) implements Result {
        }

        record WithoutLab() implements Result {
        }

        record Quit() implements Result {
        }
    }

    static final int ADDRESS = 0;
    static final int USER = 1;
    static final int KEY = 2;
    static final int PORT = 3;

    private final World world;
    private final Course course;
    private final SecretPrompter prompter;
    private final List<String> roles;
    private final Map<String, String[]> values = new LinkedHashMap<>();
    private final Map<String, Optional<Text>> tested = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private final ConcurrentLinkedQueue<Runnable> inbox = new ConcurrentLinkedQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "labtutor-setup");
        t.setDaemon(true);
        return t;
    });
    /** The course's address variables (type ipv4: the VIP) and the values the learner gives them. */
    private final Map<String, String> addresses = new LinkedHashMap<>();
    private final Optional<Text> sandboxProblem;
    private Mode mode = Mode.CHOOSE;
    private int role;
    private int field;
    private Future<?> busy;
    private Optional<Text> message = Optional.empty();
    private Optional<Result> result = Optional.empty();

    FirstRun(World world, Course course, SecretPrompter prompter) {
        this.world = world;
        this.course = course;
        this.prompter = prompter;
        this.roles = List.copyOf(course.roles().keySet());
        String key = defaultKey();
        for (String r : roles) {
            values.put(r, new String[]{"", "root", key, "22"});
        }
        this.sandboxProblem = world.sandboxUnavailable();
        course.vars().values().stream().filter(v -> v.type() == VarType.IPV4).forEach(v -> addresses.put(v.name(), ""));
    }

    private static String defaultKey() {
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        for (String k : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            if (Files.isReadable(ssh.resolve(k))) {
                return ssh.resolve(k).toString();
            }
        }
        return "";
    }

    Optional<Result> result() {
        return result;
    }

    boolean working() {
        return busy != null && !busy.isDone();
    }

    /** Applies what the worker reported; true when something changed. */
    boolean poll() {
        boolean any = false;
        for (Runnable r; (r = inbox.poll()) != null; ) {
            r.run();
            any = true;
        }
        return any;
    }

    void close() {
        worker.shutdownNow();
    }

    void key(KeyStroke k) {
        if (working()) {
            if (k.getKeyType() == KeyType.Escape && mode != Mode.SANDBOX) {
                busy.cancel(true);
                message = Optional.of(Text.of("已取消", "cancelled"));
            }
            return;
        }
        switch (mode) {
            case CHOOSE -> choose(k);
            case FORM -> form(k);
            case ADDRESSES -> addresses(k);
            case SUMMARY -> summary(k);
            case SANDBOX -> {
                if (k.getKeyType() == KeyType.Escape) {
                    mode = Mode.CHOOSE;
                }
            }
        }
    }

    private void choose(KeyStroke k) {
        Character c = k.getKeyType() == KeyType.Character ? k.getCharacter() : null;
        if (c != null && c == '1') {
            mode = Mode.FORM;
            role = 0;
            field = ADDRESS;
            message = Optional.empty();
        } else if (c != null && c == '2') {
            if (sandboxProblem.isPresent()) {
                message = sandboxProblem;
                return;
            }
            mode = Mode.SANDBOX;
            log.clear();
            message = Optional.empty();
            busy = worker.submit(() -> {
                try {
                    LabFile lab = world.startSandbox(line -> inbox.add(() -> log.add(line)));
                    inbox.add(() -> result = Optional.of(new Result.Lab(lab)));
                } catch (World.SetupFailed e) {
                    inbox.add(() -> message = Optional.of(e.reason()));
                }
            });
        } else if (k.getKeyType() == KeyType.Escape) {
            result = Optional.of(new Result.WithoutLab());
        } else if (c != null && c == 'q') {
            result = Optional.of(new Result.Quit());
        }
    }

    private void form(KeyStroke k) {
        String[] v = values.get(roles.get(role));
        switch (k.getKeyType()) {
            case Escape -> mode = Mode.CHOOSE;
            case Tab, ArrowDown -> field = (field + 1) % 4;
            case ReverseTab, ArrowUp -> field = (field + 3) % 4;
            case PageDown -> nextRole();
            case PageUp -> role = Math.max(0, role - 1);
            case Backspace -> {
                if (!v[field].isEmpty()) {
                    v[field] = v[field].substring(0, v[field].length() - 1);
                }
            }
            case Enter -> test();
            case Character -> {
                char c = k.getCharacter();
                if (!Character.isISOControl(c) && v[field].length() < 200 && (field != PORT || Character.isDigit(c))) {
                    v[field] = v[field] + c;
                }
            }
            default -> { }
        }
    }

    private void nextRole() {
        message = Optional.empty();
        field = ADDRESS;
        if (role + 1 < roles.size()) {
            role++;
        } else if (addresses.isEmpty()) {
            mode = Mode.SUMMARY;
        } else {
            mode = Mode.ADDRESSES;
            field = 0;
            String offer = LabSubnet.freeAddress(hostAddresses()).orElse("");
            addresses.replaceAll((name, v) -> v.isBlank()
                    ? offer.isEmpty() ? course.vars().get(name).defaultValue() : offer : v);
        }
    }

    /** The addresses of the hosts that logged in, else of every host given. */
    private List<String> hostAddresses() {
        List<String> ok = tested.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(e -> values.get(e.getKey())[ADDRESS].strip()).toList();
        return !ok.isEmpty() ? ok : values.values().stream().map(v -> v[ADDRESS].strip()).filter(a -> !a.isEmpty()).toList();
    }

    /** The VIP (and any other course address): an IPv4 address, offered in the hosts' subnet; Enter checks it and goes on. */
    private void addresses(KeyStroke k) {
        List<String> names = List.copyOf(addresses.keySet());
        String name = names.get(field);
        String v = addresses.get(name);
        switch (k.getKeyType()) {
            case Escape, PageUp -> {
                mode = Mode.FORM;
                role = roles.size() - 1;
                field = ADDRESS;
                message = Optional.empty();
            }
            case Tab, ArrowDown -> field = (field + 1) % names.size();
            case ReverseTab, ArrowUp -> field = (field + names.size() - 1) % names.size();
            case Backspace -> addresses.put(name, v.isEmpty() ? v : v.substring(0, v.length() - 1));
            case Character -> {
                char c = k.getCharacter();
                if ((Character.isDigit(c) || c == '.') && v.length() < 15) {
                    addresses.put(name, v + c);
                }
            }
            case Enter -> {
                Optional<String> bad = names.stream().filter(n -> !Ipv4.isValid(addresses.get(n).strip())).findFirst();
                if (bad.isPresent()) {
                    field = names.indexOf(bad.get());
                    message = Optional.of(Text.of(bad.get() + " 必须是 IPv4 地址，例如 " + LabSubnet.freeAddress(hostAddresses()).orElse("10.0.0.200"),
                            bad.get() + " must be an IPv4 address, e.g. " + LabSubnet.freeAddress(hostAddresses()).orElse("10.0.0.200")));
                    return;
                }
                message = Optional.empty();
                mode = Mode.SUMMARY;
            }
            default -> { }
        }
    }

    /** Why an address is unlikely to work: outside the hosts' subnet (a /24 assumed). */
    private Optional<Text> outside(String address) {
        var prefixes = LabSubnet.prefixes(hostAddresses());
        if (!LabSubnet.outside(address, prefixes)) {
            return Optional.empty();
        }
        String nets = LabSubnet.networks(prefixes);
        return Optional.of(Text.of(address + " 不在你的主机所在的网段 " + nets + " 中：实验网络上没有主机能访问它",
                address + " is outside your hosts' subnet " + nets + ": nothing on the lab network reaches it"));
    }

    /** Tries the login of the role being edited; on success moves on; an empty address skips the role. */
    private void test() {
        String r = roles.get(role);
        String[] v = values.get(r);
        if (v[ADDRESS].isBlank()) {
            tested.remove(r);
            nextRole();
            return;
        }
        HostSpec spec;
        try {
            spec = spec(r, v);
        } catch (IllegalArgumentException e) {
            message = Optional.of(Text.of("端口必须在 1 到 65535 之间", "the port must be between 1 and 65535"));
            return;
        }
        message = Optional.of(Text.of("正在尝试登录 " + r + "...", "trying to log in to " + r + "..."));
        busy = worker.submit(() -> {
            Optional<Text> problem = world.tryLogin(spec, prompter);
            inbox.add(() -> {
                tested.put(r, problem);
                if (problem.isEmpty()) {
                    message = Optional.of(Text.of(r + " 登录成功", "logged in to " + r));
                    nextRole();
                } else {
                    message = problem;
                }
            });
        });
    }

    private static HostSpec spec(String role, String[] v) {
        int port = Integer.parseInt(v[PORT].isBlank() ? "22" : v[PORT]);
        String user = v[USER].isBlank() ? "root" : v[USER].strip();
        Optional<Path> key = v[KEY].isBlank() ? Optional.empty() : Optional.of(Path.of(v[KEY].strip()));
        return new HostSpec(role, v[ADDRESS].strip(), port, user, key, Optional.empty(), !"root".equals(user));
    }

    private void summary(KeyStroke k) {
        if (k.getKeyType() == KeyType.Escape || k.getKeyType() == KeyType.PageUp) {
            mode = addresses.isEmpty() ? Mode.FORM : Mode.ADDRESSES;
            role = roles.size() - 1;
            field = addresses.isEmpty() ? ADDRESS : 0;
            return;
        }
        if (k.getKeyType() != KeyType.Enter) {
            return;
        }
        Map<String, HostSpec> ok = new LinkedHashMap<>();
        tested.forEach((r, problem) -> {
            if (problem.isEmpty()) {
                ok.put(r, spec(r, values.get(r)));
            }
        });
        if (ok.isEmpty()) {
            message = Optional.of(Text.of("还没有一台主机登录成功；按 Esc 返回填写", "no host has logged in yet; Esc goes back to the form"));
            return;
        }
        try {
            Map<String, String> vars = new LinkedHashMap<>();
            addresses.forEach((n, v) -> vars.put(n, v.strip()));
            result = Optional.of(new Result.Lab(world.writeLab(ok, vars)));
        } catch (World.SetupFailed e) {
            message = Optional.of(e.reason());
        }
    }

    /** The key line for the current mode. */
    String footer(Lang lang) {
        return switch (mode) {
            case CHOOSE -> Text.of("1 填写主机  2 启动沙箱  Esc 先看课程  q 退出", "1 describe your hosts  2 start the sandbox  Esc read first  q quit").in(lang);
            case FORM -> Text.of("Enter 测试登录  Tab 下一项  PgDn 跳过这台  PgUp 上一台  Esc 返回", "Enter try the login  Tab next field  PgDn skip host  PgUp back  Esc return").in(lang);
            case ADDRESSES -> Text.of("Enter 确认  Tab 下一项  Esc 返回主机", "Enter confirm  Tab next field  Esc back to the hosts").in(lang);
            case SUMMARY -> Text.of("Enter 保存并开始  Esc 返回修改", "Enter save and start  Esc go back").in(lang);
            case SANDBOX -> working() ? Text.of("正在启动沙箱，请稍候", "starting the sandbox, please wait").in(lang) : Text.of("Esc 返回", "Esc return").in(lang);
        };
    }

    /** The screen's lines for the current mode. */
    List<Line> lines(Lang lang, String spinner) {
        List<Line> out = new ArrayList<>();
        out.add(Line.of(Text.of("欢迎使用 labtutor：" + course.title().zh(), "Welcome to labtutor: " + course.title().en()).in(lang), Style.TITLE));
        out.add(Line.BLANK);
        switch (mode) {
            case CHOOSE -> {
                out.add(Line.of(Text.of("labtutor 通过 SSH 登录你的实验主机来检查你做的每一步，但它还不知道你的主机在哪里。",
                        "labtutor checks each step on your own lab hosts over SSH, and it does not know your hosts yet.").in(lang)));
                out.add(Line.of(Text.of("有两种方式开始：", "There are two ways on:").in(lang)));
                out.add(Line.BLANK);
                out.add(Line.of("  1  ", Style.KEY).plus(" " + Text.of("填写你的主机：每台主机一个小表单（地址、用户、私钥），登录测试成功后写入 ",
                        "Describe your hosts: a small form per host (address, user, key); each login is tried, then written to ").in(lang)
                        + world.labTarget(), Style.NORMAL));
                out.add(Line.BLANK);
                Style two = sandboxProblem.isPresent() ? Style.DIM : Style.NORMAL;
                out.add(Line.of("  2  ", sandboxProblem.isPresent() ? Style.DIM : Style.KEY).plus(" " + Text.of(
                        "启动本机沙箱：在这台 Linux 机器上用网络命名空间建出课程的 5 台主机（需要 root）",
                        "Start the sandbox: the course's five hosts on this Linux machine in network namespaces (needs root)").in(lang), two));
                sandboxProblem.ifPresent(p -> out.add(Line.of("       " + Text.of("现在不可用：", "not available here: ").in(lang) + p.in(lang), Style.DIM)));
                out.add(Line.BLANK);
                out.add(Line.of("  Esc", Style.KEY).plus("  " + Text.of("先看课程（没有实验环境时无法检查）",
                        "read the lessons first (checks need a lab)").in(lang), Style.NORMAL));
                out.add(Line.of("  q  ", Style.KEY).plus("  " + Text.of("退出", "quit").in(lang), Style.NORMAL));
                out.add(Line.BLANK);
                out.add(Line.of(Text.of("也可以自己写 lab.yaml（见 README 的 \"The lab file\" 一节），或用 --lab 指定。",
                        "You can also write lab.yaml yourself (README, \"The lab file\") or pass --lab FILE.").in(lang), Style.DIM));
            }
            case FORM -> {
                String r = roles.get(role);
                String[] v = values.get(r);
                out.add(Line.of(Text.of("主机 " + (role + 1) + "/" + roles.size() + "：" + r + " - " + course.roles().get(r).zh(),
                        "Host " + (role + 1) + " of " + roles.size() + ": " + r + " - " + course.roles().get(r).en()).in(lang), Style.BOLD));
                out.add(Line.BLANK);
                String[] labels = lang == Lang.ZH ? new String[]{"地址", "用户", "私钥", "端口"} : new String[]{"address", "user", "key", "port"};
                for (int f = 0; f < 4; f++) {
                    boolean here = f == field;
                    out.add(Line.of((here ? "> " : "  ") + dev.labtutor.view.DisplayWidth.pad(labels[f], 8), here ? Style.BOLD : Style.NORMAL)
                            .plus(" " + v[f] + (here ? "_" : ""), here ? Style.SELECTED : Style.CODE));
                }
                out.add(Line.BLANK);
                out.add(Line.of(Text.of("按 Enter 测试登录并继续；地址留空则跳过这台主机。",
                        "Enter tries the login and goes on; an empty address skips this host.").in(lang), Style.DIM));
                out.add(Line.of(Text.of("没有私钥时会在这里询问密码（不会保存）；私钥有口令时同样在这里询问。",
                        "Without a key the password is asked here (never saved); so is a key's passphrase.").in(lang), Style.DIM));
            }
            case ADDRESSES -> {
                out.add(Line.of(Text.of("课程使用的地址", "The course's addresses").in(lang), Style.BOLD));
                out.add(Line.BLANK);
                List<String> names = List.copyOf(addresses.keySet());
                for (int f = 0; f < names.size(); f++) {
                    boolean here = f == field;
                    String n = names.get(f);
                    out.add(Line.of((here ? "> " : "  ") + dev.labtutor.view.DisplayWidth.pad(n, 8), here ? Style.BOLD : Style.NORMAL)
                            .plus(" " + addresses.get(n) + (here ? "_" : ""), here ? Style.SELECTED : Style.CODE));
                    out.add(Line.of("           " + course.vars().get(n).description().in(lang), Style.DIM));
                    outside(addresses.get(n).strip()).ifPresent(w -> out.add(Line.of("           " + w.in(lang), Style.WARNING)));
                }
                out.add(Line.BLANK);
                String seed = String.join(", ", names.stream().map(n -> course.vars().get(n).defaultValue()).toList());
                out.add(Line.of(Text.of("课程文档用的是 " + seed
                                + "，那是原文档的网络；这里给出的是你的主机网段中没有主机使用的地址。写入实验环境文件的 vars:。",
                        "The course document uses " + seed
                                + ", the source document's network; offered here is an address of your hosts' subnet that no host uses. "
                                + "It goes under vars: in the lab file.").in(lang), Style.DIM));
            }
            case SUMMARY -> {
                out.add(Line.of(Text.of("将写入 " + world.labTarget() + "：", "About to write " + world.labTarget() + ":").in(lang), Style.BOLD));
                out.add(Line.BLANK);
                addresses.forEach((n, v) -> out.add(Line.of("  " + dev.labtutor.view.DisplayWidth.pad(n, 11), Style.HOST).plus(v, Style.NORMAL)));
                for (String r : roles) {
                    Optional<Text> t = tested.get(r);
                    String[] v = values.get(r);
                    if (t == null) {
                        out.add(Line.of("  " + dev.labtutor.view.DisplayWidth.pad(r, 11) + Text.of("（跳过）", "(skipped)").in(lang), Style.DIM));
                    } else if (t.isEmpty()) {
                        out.add(Line.of("  " + dev.labtutor.view.DisplayWidth.pad(r, 11), Style.HOST)
                                .plus(v[USER] + "@" + v[ADDRESS] + ":" + v[PORT] + "  ", Style.NORMAL).plus("OK", Style.PASS));
                    } else {
                        out.add(Line.of("  " + dev.labtutor.view.DisplayWidth.pad(r, 11), Style.HOST).plus(t.get().in(lang), Style.FAIL));
                    }
                }
                out.add(Line.BLANK);
                out.add(Line.of(Text.of("Enter 保存登录成功的主机并开始  Esc 返回修改", "Enter saves the hosts that logged in and starts  Esc goes back")
                        .in(lang), Style.DIM));
            }
            case SANDBOX -> {
                out.add(Line.of((working() ? spinner + " " : "") + Text.of("正在启动沙箱...", "starting the sandbox...").in(lang), Style.BOLD));
                out.add(Line.BLANK);
                int from = Math.max(0, log.size() - 12);
                log.subList(from, log.size()).forEach(l -> out.add(Line.of("  " + l, Style.DIM)));
            }
        }
        message.ifPresent(m -> {
            out.add(Line.BLANK);
            out.add(Line.of((working() ? spinner + " " : "") + m.in(lang), working() ? Style.WARNING : Style.INFO));
        });
        return out;
    }
}
