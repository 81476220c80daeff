package dev.labtutor.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.Terminal;
import dev.labtutor.course.Course;
import dev.labtutor.course.LabSubnet;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.LabFile;
import dev.labtutor.session.Driver;
import dev.labtutor.session.Intent;
import dev.labtutor.session.Session;
import dev.labtutor.session.SessionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The full-screen tutor: one drawing thread that takes keys, feeds the session's {@link Driver} and draws the state
 * after every change (effects run on other threads and come back as intents). Starts with the first-run screen when
 * there is no lab file.
 */
public final class TutorApp {

    /**
     * How the app was started. {@code firstPaintFile}: a benchmark asks to be told when the first screen is complete,
     * and to exit then.
     */
    public record Options(Optional<LabFile> lab, Optional<String> lesson, Lang lang, boolean color,
            Optional<Path> firstPaintFile) {
    }

    private final World world;
    private final Course course;
    private final Terminal terminal;
    private final Options options;
    private final Clock clock;
    private Screen screen;
    private AppLog log;
    private TuiPrompter prompter;
    private Driver driver;
    private World.Link link;
    private SessionState shown;
    private Ui ui = Ui.start();
    private Optional<TuiPrompter.Request> asking = Optional.empty();
    private char[] typed = new char[0];
    private int typedLength;
    private Text labName = Text.of("", "");
    private final java.util.concurrent.atomic.AtomicBoolean repaint = new java.util.concurrent.atomic.AtomicBoolean();
    private TutorScreen view;

    public TutorApp(World world, Course course, Terminal terminal, Options options, Clock clock) {
        this.world = world;
        this.course = course;
        this.terminal = terminal;
        this.options = options;
        this.clock = clock;
    }

    /**
     * Does ahead, on a thread of the caller's choosing, the slow first-time work of the first screen that needs no
     * data: the local time zone's rules and the time format of the results header (~30 ms on a cold JVM, which a
     * returning learner's first screen would otherwise wait for). Harmless to skip or to call twice.
     */
    public static void prepare() {
        ResultsPane.prepareClock();
    }

    /** Runs until the learner quits; the terminal is restored whatever happens. */
    public void run() throws IOException, InterruptedException {
        log = AppLog.open(world.stateDir());
        java.io.PrintStream err = System.err;
        java.io.PrintStream out = System.out;
        System.setErr(log.stream());
        System.setOut(log.stream());
        Lang[] lang = {options.lang()};
        prompter = new TuiPrompter(() -> shown == null ? lang[0] : shown.lang());
        view = new TutorScreen(options.color(), ref -> world.checkTitle(ref, shown.bindings()));
        screen = new TerminalScreen(terminal);
        screen.startScreen();
        screen.setCursorPosition(null);
        try {
            Optional<LabFile> lab = options.lab();
            if (lab.isEmpty()) {
                FirstRun.Result r = firstRun(lang[0]);
                if (r instanceof FirstRun.Result.Quit) {
                    return;
                }
                if (r instanceof FirstRun.Result.Lab l) {
                    lab = Optional.of(l.lab());
                }
            }
            loop(lab);
        } finally {
            if (driver != null) {
                driver.close();
            }
            if (link != null) {
                link.close();
            }
            screen.stopScreen();
            System.setErr(err);
            System.setOut(out);
            log.close();
        }
    }

    private void loop(Optional<LabFile> lab) throws IOException, InterruptedException {
        World.Start start = world.start(lab, options.lang());
        labName = lab.map(l -> world.labOrigin(l).orElseGet(() -> {
            String file = l.source().toAbsolutePath().normalize().toString();
            return Text.of(file, file);
        })).map(what -> Text.of("实验：" + what.zh(), "lab: " + what.en())).orElse(Text.of("没有实验环境文件", "no lab file"));
        Optional<Text> welcome = lab.flatMap(l -> PlainApp.labNotice(world, course, l));
        shown = start.state();
        if (options.lesson().isPresent()) {
            // Only what the first screen shows: the Driver, once it runs, applies the same intent
            // to the state it starts from and runs its effects (the progress saved).
            shown = new Session().update(shown, new Intent.Open(options.lesson().get()), clock.instant()).state();
        }
        ui = follow(Ui.start().withCursor(shown.index(shown.current().id())), shown);
        paint(true);
        if (options.firstPaintFile().isPresent()) {
            Instant t = Instant.now();
            Files.writeString(options.firstPaintFile().get(),
                    (t.getEpochSecond() * 1_000_000L + t.getNano() / 1000) + "\n");
            return;
        }
        log.line("started: course " + course.id() + ", " + labName.en());
        link = lab.map(l -> world.connect(l, prompter, t -> driver.post(new Intent.Notice(t, false)))).orElse(null);
        driver = new Driver(new Session(), start.state(), start.existed(),
                link == null ? PlainApp.Checkers.NONE : link.checker(), world.store(), clock, log::line);
        welcome.ifPresent(w -> {
            log.line("lab: " + w.en());
            driver.post(new Intent.Notice(w, !LabSubnet.warnings(course, lab.get()).isEmpty()));
        });
        start.warning().ifPresent(w -> {
            log.line("progress: " + w.en());
            driver.post(new Intent.Notice(w, true));
        });
        options.lesson().ifPresent(id -> driver.dispatch(new Intent.Open(id)));
        world.ready().whenComplete((x, e) -> repaint.set(true));
        while (!driver.exited()) {
            boolean dirty = false;
            boolean full = false;
            KeyStroke k = screen.pollInput();
            while (k != null) {
                full |= key(k);
                dirty = true;
                k = screen.pollInput();
            }
            dirty |= driver.pump(Duration.ofMillis(dirty ? 0 : 40));
            dirty |= promptChanged() | repaint.getAndSet(false);
            TerminalSize resized = screen.doResizeIfNecessary();
            if (resized != null) {
                full = true;
            }
            if (dirty || full) {
                shown = driver.state();
                ui = follow(ui, shown);
                paint(full);
            }
        }
        log.line("quit");
    }

    /** A key for the prompt, the session or the view; true when it asks for a full repaint. */
    private boolean key(KeyStroke k) {
        if (asking.isPresent()) {
            secretKey(k);
            return false;
        }
        SessionState s = driver.state();
        Layout l = layout();
        Keys.Outcome o = Keys.handle(ui, s, k, l, view.lesson(s, l).lines().size(),
                ResultsPane.of(s, l.rightWidth() - 1).size());
        ui = o.ui();
        o.intent().ifPresent(driver::dispatch);
        return o.redraw();
    }

    private void secretKey(KeyStroke k) {
        TuiPrompter.Request r = asking.get();
        if (k.getKeyType() == KeyType.Enter || k.getKeyType() == KeyType.Escape || k.getKeyType() == KeyType.EOF) {
            r.answer().complete(k.getKeyType() == KeyType.Enter && typedLength > 0
                    ? Optional.of(Arrays.copyOf(typed, typedLength)) : Optional.empty());
            Arrays.fill(typed, '\0');
            typedLength = 0;
            asking = Optional.empty();
        } else if (k.getKeyType() == KeyType.Backspace && typedLength > 0) {
            typed[--typedLength] = '\0';
        } else if (k.getKeyType() == KeyType.Character && !Character.isISOControl(k.getCharacter())) {
            if (typedLength == typed.length) {
                char[] more = Arrays.copyOf(typed, Math.max(32, typed.length * 2));
                Arrays.fill(typed, '\0');
                typed = more;
            }
            typed[typedLength++] = k.getCharacter();
        }
    }

    /** Picks up a new password or passphrase request, or drops one that was withdrawn. */
    private boolean promptChanged() {
        if (asking.isPresent() && asking.get().answer().isDone()) {
            Arrays.fill(typed, '\0');
            typedLength = 0;
            asking = Optional.empty();
            return true;
        }
        if (asking.isEmpty()) {
            asking = prompter.next();
            return asking.isPresent();
        }
        return false;
    }

    /**
     * Scrolls the lesson pane to the current step when the lesson or step changed, and keeps the list cursor on the
     * lesson.
     */
    private Ui follow(Ui u, SessionState s) {
        String key = s.current().id() + "#" + s.step() + "#" + s.hintShown() + "#" + s.solutionOpen();
        if (!key.equals(u.follow())) {
            int scroll = 0;
            if (s.hintShown() == 0 && !s.solutionOpen()) {
                LessonPane.Content c = view.lesson(s, layout());
                scroll = s.step() > 0 && s.step() < c.stepStarts().size() ? c.stepStarts().get(s.step()) : 0;
            }
            boolean lessonChanged = !u.follow().startsWith(s.current().id() + "#");
            u = u.following(key, scroll);
            if (lessonChanged) {
                u = u.withCursor(s.index(s.current().id()));
            }
        }
        long results = s.record(s.current().id()).checkedAt().map(Instant::toEpochMilli).orElse(-1L)
                + s.index(s.current().id());
        return results != u.resultsFor() ? u.resultsOf(results) : u;
    }

    private Layout layout() {
        TerminalSize size = screen.getTerminalSize();
        SessionState s = driver != null ? driver.state() : shown;
        int wide = Layout.of(size.getColumns(), size.getRows()).rightWidth() - 1;
        return Layout.of(size.getColumns(), size.getRows(),
                s == null ? Integer.MAX_VALUE : ResultsPane.of(s, wide).size());
    }

    private void paint(boolean full) throws IOException {
        Layout l = layout();
        if (!l.tooSmall()) {
            ui = ui.clamped(view.lesson(shown, l).lines().size(), ResultsPane.of(shown, l.rightWidth() - 1).size(), l);
        }
        Optional<TutorScreen.SecretField> secret =
                asking.map(r -> new TutorScreen.SecretField(r.prompt().in(shown.lang()), typedLength));
        view.draw(screen.newTextGraphics(), l, shown, ui, secret, labName.in(shown.lang()));
        screen.refresh(full ? Screen.RefreshType.COMPLETE : Screen.RefreshType.DELTA);
    }

    private FirstRun.Result firstRun(Lang lang) throws IOException, InterruptedException {
        try (EffectRunner<FirstRun.Event> runner = new EffectRunner<>("labtutor-setup")) {
            FirstRunEffects effects =
                    new FirstRunEffects(world, prompter, runner, Path.of(System.getProperty("user.home")));
            FirstRun.Transition t = FirstRun.start(course, world.labTarget());
            FirstRun.State fr = t.state();
            effects.run(t.effects());
            String spun = "";
            boolean dirty = true;
            while (true) {
                for (KeyStroke k = screen.pollInput(); k != null && fr.result().isEmpty(); k = screen.pollInput()) {
                    if (asking.isPresent()) {
                        secretKey(k);
                    } else {
                        fr = firstRunUpdate(fr, new FirstRun.Event.Key(k), effects);
                    }
                    dirty = true;
                }
                if (fr.result().isPresent()) {
                    return fr.result().get();
                }
                for (FirstRun.Event e : runner.take(Duration.ofMillis(dirty ? 0 : 40))) {
                    fr = firstRunUpdate(fr, e, effects);
                    dirty = true;
                }
                if (fr.result().isPresent()) {
                    return fr.result().get();
                }
                String spin =
                        String.valueOf(ResultsPane.SPINNER.charAt((int) ((System.nanoTime() / 120_000_000L) % 4)));
                dirty |= promptChanged() | screen.doResizeIfNecessary() != null | (fr.working() && !spin.equals(spun));
                if (dirty) {
                    FirstRunView.draw(new Painter(screen.newTextGraphics(), options.color()), layout(), fr, lang, spin,
                            asking.map(r -> new TutorScreen.SecretField(r.prompt().in(lang), typedLength)));
                    screen.refresh();
                    spun = spin;
                    dirty = false;
                }
            }
        }
    }

    private static FirstRun.State firstRunUpdate(FirstRun.State fr, FirstRun.Event e, FirstRunEffects effects) {
        FirstRun.Transition t = FirstRun.update(fr, e);
        effects.run(t.effects());
        return t.state();
    }
}
