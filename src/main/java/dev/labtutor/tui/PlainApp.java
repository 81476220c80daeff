package dev.labtutor.tui;

import dev.labtutor.check.Prober;
import dev.labtutor.course.Course;
import dev.labtutor.course.LabSubnet;
import dev.labtutor.course.Lesson;
import dev.labtutor.course.Question;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.progress.LessonState;
import dev.labtutor.session.Driver;
import dev.labtutor.session.Hints;
import dev.labtutor.session.Intent;
import dev.labtutor.session.Session;
import dev.labtutor.session.SessionState;
import dev.labtutor.view.LessonReport;
import dev.labtutor.view.LessonText;
import dev.labtutor.view.LessonView;
import dev.labtutor.view.ReportText;
import dev.labtutor.view.Sentence;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The tutor as numbered lines and a prompt, for screen readers, serial consoles and logs: the same session as the full
 * screen, driven by the commands of the {@link Keymap}, whose full-screen keys work as their short forms. On a
 * terminal, jline gives line editing, completion and history (kept in the state directory) and Ctrl-C cancels a running
 * check; from a pipe, commands are read one per line.
 */
public final class PlainApp {

    private final World world;
    private final Course course;
    private final InputStream in;
    private final PrintWriter out;
    private final Lang lang;
    private final boolean terminal;
    private Driver driver;
    private Optional<Map<String, dev.labtutor.lab.Distro>> toldDistros = Optional.empty();
    private LineReader reader;
    private BufferedReader lines;

    /** @param terminal whether stdin and stdout are a terminal (jline editing) or not (lines from {@code in}) */
    public PlainApp(World world, Course course, InputStream in, PrintWriter out, Lang lang, boolean terminal) {
        this.world = world;
        this.course = course;
        this.in = in;
        this.out = out;
        this.lang = lang;
        this.terminal = terminal;
    }

    public int run(Optional<LabFile> lab, Optional<String> lesson) throws IOException, InterruptedException {
        Terminal term = null;
        PrintWriter w = out;
        if (terminal) {
            term = TerminalBuilder.builder().system(true).build();
            Path history = world.stateDir().resolve("plain-history");
            reader = LineReaderBuilder.builder().terminal(term).appName("labtutor")
                    .completer((r, line, candidates) -> complete(line.words(), line.wordIndex(), candidates))
                    .variable(LineReader.HISTORY_FILE, history).build();
            w = term.writer();
            Terminal t = term;
            term.handle(Terminal.Signal.INT, s -> {
                if (driver != null) {
                    driver.post(new Intent.Cancel());
                }
            });
            w.flush();
            t.flush();
        } else {
            lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        try {
            return session(w, lab, lesson);
        } finally {
            if (term != null) {
                term.close();
            }
        }
    }

    private int session(PrintWriter w, Optional<LabFile> lab, Optional<String> lesson)
            throws IOException, InterruptedException {
        World.Start start = world.start(lab, lang);
        start.warning().ifPresent(x -> w.println("labtutor: " + x.in(lang)));
        try (World.Link link =
                lab.map(l -> world.connect(l, prompter(w), t -> w.println("labtutor: " + t.in(lang)))).orElse(null)) {
            driver = new Driver(new Session(), start.state(), start.existed(),
                    link == null ? Checkers.NONE : link.checker(), world.store(), Clock.systemUTC(), line -> {
                    });
            try {
                lesson.ifPresent(id -> driver.dispatch(new Intent.Open(id)));
                SessionState s = driver.state();
                w.println(course.title().in(s.lang()));
                w.println(lab
                        .map(l -> Text.of("实验：", "Lab: ").in(s.lang()) + world.labOrigin(l)
                                .map(o -> o.in(s.lang()) + (s.lang() == Lang.ZH ? "，" : ", ")).orElse("")
                                + l.source().toAbsolutePath().normalize())
                        .orElse(Text.of("还没有实验环境文件：可以先阅读课程；检查需要 lab.yaml（或以 root 运行 labtutor sandbox up）。",
                                "No lab file yet: you can read the lessons; checks need lab.yaml (or, as root, labtutor sandbox up).")
                                .in(s.lang())));
                lab.ifPresent(
                        l -> LabSubnet.warnings(course, l).forEach(x -> w.println("labtutor: " + x.in(s.lang()))));
                hosts(w);
                w.println(Text.of("输入 help 查看命令。", "Type help for the commands.").in(s.lang()));
                lessons(w);
                show(w);
                loop(w);
            } finally {
                driver.close();
            }
        }
        return 0;
    }

    /**
     * The message the tutor opens with about its lab: each course address outside the hosts' subnet (a warning), else
     * which sandbox the lab is when it is a sandbox's.
     */
    static Optional<Text> labNotice(World world, Course course, LabFile lab) {
        List<Text> warnings = LabSubnet.warnings(course, lab);
        if (!warnings.isEmpty()) {
            return Optional.of(Text.of(String.join(" ", warnings.stream().map(Text::zh).toList()),
                    String.join(" ", warnings.stream().map(Text::en).toList())));
        }
        return world.labOrigin(lab).map(o -> Text.of("实验：" + o.zh() + "，" + lab.source().toAbsolutePath().normalize(),
                "lab: " + o.en() + ", " + lab.source().toAbsolutePath().normalize()));
    }

    /**
     * The lab's hosts, each with the distribution detected on it: at the start, and again before a prompt once the
     * detection round (run in the background when the session starts) changed what is known.
     */
    private void hosts(PrintWriter w) {
        SessionState s = driver.state();
        if (s.lab().isEmpty() || s.lab().get().hosts().isEmpty()
                || toldDistros.isPresent() && toldDistros.get().equals(s.progress().distros())) {
            return;
        }
        toldDistros = Optional.of(s.progress().distros());
        w.println(Text.of("实验主机：", "Lab hosts:").in(s.lang()));
        dev.labtutor.view.HostDistro.lines(s.lab().get(), s.progress().distros()).forEach(l -> w.println("  " + l));
    }

    private void loop(PrintWriter w) throws InterruptedException {
        while (!driver.exited()) {
            // What came in the background since the last command (the hosts detected, a notice) is told first.
            SessionState was = driver.state();
            driver.pump(Duration.ZERO);
            flash(w, was);
            hosts(w);
            w.flush();
            Optional<String> line = read(prompt());
            if (line.isEmpty()) {
                driver.dispatch(new Intent.Quit());
                break;
            }
            String[] words = line.get().strip().split("\\s+");
            if (words[0].isEmpty()) {
                continue;
            }
            command(w, words);
        }
        w.flush();
    }

    private String prompt() {
        SessionState s = driver.state();
        return "labtutor [" + (s.index(s.current().id()) + 1) + " " + s.current().id() + "]> ";
    }

    private Optional<String> read(String prompt) {
        if (reader != null) {
            try {
                return Optional.of(reader.readLine(prompt));
            } catch (UserInterruptException e) {
                return Optional.of("");
            } catch (EndOfFileException e) {
                return Optional.empty();
            }
        }
        out.print(prompt);
        out.flush();
        try {
            String l = lines.readLine();
            if (l != null) {
                out.println(l);
            }
            return Optional.ofNullable(l);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void command(PrintWriter w, String[] words) throws InterruptedException {
        SessionState before = driver.state();
        Optional<Keymap> c = Keymap.command(words[0]);
        if (c.isEmpty()) {
            w.println(Text.of("不认识的命令：" + words[0] + "（输入 help 查看命令）", "unknown command: " + words[0] + " (type help)")
                    .in(lang()));
            flash(w, before);
            return;
        }
        switch (c.get()) {
            case CHECK -> run(w, new Intent.Check());
            case WATCH -> watch(w);
            case HINT -> {
                driver.dispatch(new Intent.Hint());
                hints(w);
            }
            case SOLUTION -> solution(w);
            case NEXT -> move(w, new Intent.Next());
            case PREVIOUS -> move(w, new Intent.Previous());
            case OPEN -> {
                if (words.length < 2) {
                    w.println(Text.of("用法：open 课程编号或名称", "usage: open LESSON (number or id)").in(lang()));
                } else {
                    move(w, new Intent.Open(lessonId(words[1])));
                }
            }
            case LESSONS -> lessons(w);
            case SHOW -> show(w);
            case RECHECK -> run(w, new Intent.RecheckPassed());
            case LANGUAGE -> {
                driver.dispatch(new Intent.SwitchLanguage());
                w.println(Text.of("语言：中文", "language: English").in(lang()));
            }
            case QUIZ -> quiz(w);
            case ANSWER -> {
                if (words.length < 3) {
                    w.println(Text.of("用法：answer 题号 选项，例如 answer 1 b",
                            "usage: answer QUESTION CHOICE, for example: answer 1 b").in(lang()));
                } else {
                    driver.dispatch(new Intent.Answer(questionId(words[1]), words[2]));
                }
            }
            case HELP -> w.println(Keymap.plainHelp(lang()));
            case QUIT -> driver.dispatch(new Intent.Quit());
            // the full screen's own keys are no commands
            case FOCUS, SCROLL, REDRAW, CANCEL -> throw new IllegalStateException("no plain command: " + c.get());
        }
        flash(w, before);
    }

    private Lang lang() {
        return driver.state().lang();
    }

    private void move(PrintWriter w, Intent i) {
        String was = driver.state().current().id();
        driver.dispatch(i);
        if (!driver.state().current().id().equals(was)) {
            show(w);
        }
    }

    /** Runs a check to its end, printing each host's phase as it changes and the check's own lines; then the report. */
    private void run(PrintWriter w, Intent i) throws InterruptedException {
        driver.dispatch(i);
        follow(w);
        if (driver.state().running().isEmpty()) {
            report(w);
        }
    }

    private void follow(PrintWriter w) throws InterruptedException {
        Map<String, Prober.Phase> said = new java.util.HashMap<>();
        int linesSaid = 0;
        while (driver.state().busy()) {
            driver.step(Duration.ofMillis(100));
            SessionState s = driver.state();
            if (s.running().isEmpty()) {
                break;
            }
            for (var e : s.running().get().hosts().entrySet()) {
                if (said.put(e.getKey(), e.getValue()) != e.getValue()) {
                    w.println("  " + e.getKey() + ": " + Words.phase(e.getValue(), s.lang()));
                }
            }
            List<Text> l = s.running().get().lines();
            for (; linesSaid < l.size(); linesSaid++) {
                w.println("  " + l.get(linesSaid).in(s.lang()));
            }
            w.flush();
        }
    }

    private void watch(PrintWriter w) throws InterruptedException {
        driver.dispatch(new Intent.Watch());
        int round = 0;
        while (driver.state().watching().isPresent() || driver.state().busy()) {
            if (driver.state().busy()) {
                follow(w);
                round++;
                SessionState s = driver.state();
                long ok = s.marks(s.current().id()).stream().filter(m -> m.passed()).count();
                w.println(
                        Text.of("第 " + round + " 轮：" + ok + "/" + s.marks(s.current().id()).size() + " 项通过（Ctrl-C 停止）",
                                "round " + round + ": " + ok + " of " + s.marks(s.current().id()).size()
                                        + " pass (Ctrl-C stops)")
                                .in(s.lang()));
                w.flush();
            } else {
                driver.pump(Duration.ofMillis(100));
            }
        }
        report(w);
    }

    private void report(PrintWriter w) {
        SessionState s = driver.state();
        Lesson l = s.current();
        if (s.marks(l.id()).isEmpty()) {
            return;
        }
        List<String> hosts = l.checks().stream().flatMap(r -> r.on().stream()).distinct()
                .map(role -> s.lab().flatMap(x -> x.host(role)).map(HostSpec::listed).orElse(role)).toList();
        ReportText.Header h = new ReportText.Header(s.index(l.id()) + 1, l.id(), l.title().in(s.lang()),
                s.lab().map(x -> x.source().toAbsolutePath().normalize().toString()), hosts);
        w.print(ReportText.render(LessonReport.of(s, l.id(), h, Optional.empty()), s.lang(), false));
    }

    private void flash(PrintWriter w, SessionState before) {
        SessionState s = driver.state();
        if (s.flash().isPresent() && !s.flash().equals(before.flash())) {
            w.println(Sentence.start(s.flash().get().text().in(s.lang()), s.lang()));
        }
    }

    private void hints(PrintWriter w) {
        SessionState s = driver.state();
        List<Text> hs = Hints.lines(s, s.hintShown());
        w.println(Text.of("提示 " + s.hintShown() + "/" + Hints.LEVELS + "：",
                "Hint " + s.hintShown() + "/" + Hints.LEVELS + ":").in(s.lang()));
        hs.forEach(t -> w.println("  " + Sentence.start(t.in(s.lang()), s.lang())));
    }

    private void solution(PrintWriter w) {
        driver.dispatch(new Intent.Solution());
        if (driver.state().ask() == SessionState.Ask.SOLUTION) {
            Optional<String> yes =
                    read(Text.of("查看答案？这会记录在你的进度中。[y/N] ", "Show the solution? It is recorded in your progress. [y/N] ")
                            .in(lang()));
            driver.dispatch(
                    new Intent.Confirm(yes.map(a -> a.strip().toLowerCase(Locale.ROOT).startsWith("y")).orElse(false)));
        }
        SessionState s = driver.state();
        if (s.solutionOpen()) {
            for (var st : dev.labtutor.course.Solution.render(s.current(), s.bindings())) {
                for (String line : st.script().stripTrailing().split("\n")) {
                    w.println("  [" + st.role() + "]# " + line);
                }
            }
            driver.dispatch(new Intent.Solution());
        }
    }

    private void lessons(PrintWriter w) {
        SessionState s = driver.state();
        int i = 1;
        for (Lesson l : s.course().lessons()) {
            LessonState st = s.stateOf(l.id());
            w.println((l.id().equals(s.current().id()) ? ">" : " ") + String.format("%2d. ", i++) + l.id() + "  ["
                    + Words.state(st, s.brokenNow(l.id()), s.lang()) + "]  " + l.title().in(s.lang()));
        }
    }

    private void show(PrintWriter w) {
        awaitTitles();
        SessionState s = driver.state();
        Lesson l = s.current();
        w.println();
        w.println(Text.of(
                "第 " + (s.index(l.id()) + 1) + " 课（" + Words.state(s.stateOf(l.id()), s.brokenNow(l.id()), s.lang())
                        + "）",
                "Lesson " + (s.index(l.id()) + 1) + " (" + Words.state(s.stateOf(l.id()), s.brokenNow(l.id()), s.lang())
                        + ")")
                .in(s.lang()));
        w.print(LessonText.body(
                LessonView.of(l, s.bindings(), s.lang(), ref -> world.checkTitle(ref, s.bindings()).in(s.lang()))));
        if (!l.quiz().isEmpty()) {
            w.println(Text.of("本课有小测验：输入 quiz 查看，answer 题号 选项 回答。",
                    "This lesson has a quiz: type quiz to see it, answer N X to answer.").in(s.lang()));
        }
    }

    /**
     * Waits for the check definitions, which load in the background, so the lesson lists its checks by their titles as
     * the screen does (the screen draws again when they are there; a printed line cannot be redrawn). If they cannot be
     * read in time, the ids stand in.
     */
    private void awaitTitles() {
        try {
            world.ready().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // the check's ids stand in for the titles; checking reports the reason
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void quiz(PrintWriter w) {
        SessionState s = driver.state();
        List<Question> quiz = s.current().quiz();
        if (quiz.isEmpty()) {
            w.println(Text.of("这一课没有小测验", "this lesson has no quiz").in(s.lang()));
            return;
        }
        for (int i = 0; i < quiz.size(); i++) {
            for (Line line : LessonPane.quizQuestion(quiz.get(i), s.bindings(), i + 1,
                    s.record(s.current().id()).answers().get(quiz.get(i).id()), s.lang(), 200)) {
                w.println(line.text());
            }
        }
        w.println(Text.of("回答：answer 题号 选项，例如 answer 1 b", "To answer: answer QUESTION CHOICE, for example: answer 1 b")
                .in(s.lang()));
    }

    private String lessonId(String word) {
        try {
            int n = Integer.parseInt(word);
            if (n >= 1 && n <= course.lessons().size()) {
                return course.lessons().get(n - 1).id();
            }
        } catch (NumberFormatException e) {
            // an id, not a number
        }
        return word;
    }

    private String questionId(String word) {
        List<Question> quiz = driver.state().current().quiz();
        try {
            int n = Integer.parseInt(word);
            if (n >= 1 && n <= quiz.size()) {
                return quiz.get(n - 1).id();
            }
        } catch (NumberFormatException e) {
            // an id
        }
        return word;
    }

    private void complete(List<String> words, int index, List<Candidate> candidates) {
        if (index == 0) {
            Keymap.commands().forEach(c -> candidates.add(new Candidate(c)));
        } else if (index == 1 && Keymap.argument(words.get(0)) == Keymap.Arg.LESSON) {
            course.lessons().forEach(l -> candidates.add(new Candidate(l.id())));
        } else if (index == 1 && Keymap.argument(words.get(0)) == Keymap.Arg.QUESTION && driver != null) {
            List<Question> quiz = driver.state().current().quiz();
            for (int i = 1; i <= quiz.size(); i++) {
                candidates.add(new Candidate(String.valueOf(i)));
            }
        }
    }

    /** Passwords and passphrases asked on the line with a mask; nothing can be asked without a terminal. */
    private SecretPrompter prompter(PrintWriter w) {
        if (reader == null) {
            return SecretPrompter.none();
        }
        return new SecretPrompter() {
            @Override
            public Optional<char[]> password(HostSpec host, String prompt) {
                return ask(Text.of("登录 " + host.display() + " 的密码：", "Password to log in to " + host.display() + ": "));
            }

            @Override
            public Optional<char[]> passphrase(Path key) {
                return ask(Text.of("私钥 " + key + " 的口令：", "Passphrase of the key " + key + ": "));
            }

            private synchronized Optional<char[]> ask(Text prompt) {
                try {
                    String s = reader.readLine(prompt.in(lang), '*');
                    return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s.toCharArray());
                } catch (UserInterruptException | EndOfFileException e) {
                    return Optional.empty();
                }
            }
        };
    }

    /** The checker of a session without a lab (the session never calls it: it refuses to check without a lab). */
    static final class Checkers {
        static final dev.labtutor.session.Checker NONE = new dev.labtutor.session.Checker() {
            @Override
            public List<dev.labtutor.check.Verdict> check(Lesson lesson, Listener listener) throws Refused {
                throw new Refused(Text.of("没有实验环境文件", "no lab file"));
            }

            @Override
            public dev.labtutor.session.HostProfiles detectHosts(java.util.Set<String> roles) {
                return dev.labtutor.session.HostProfiles.NONE;
            }
        };

        private Checkers() {
        }
    }
}
