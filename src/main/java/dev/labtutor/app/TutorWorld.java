package dev.labtutor.app;

import dev.labtutor.check.Binder;
import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.LabFileReader;
import dev.labtutor.lab.RemoteShell;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.progress.ProgressStore;
import dev.labtutor.progress.StateDir;
import dev.labtutor.sandbox.Sandbox;
import dev.labtutor.sandbox.SandboxException;
import dev.labtutor.sandbox.SandboxPreflight;
import dev.labtutor.sandbox.SandboxSpec;
import dev.labtutor.session.Checker;
import dev.labtutor.session.HostProfiles;
import dev.labtutor.session.LiveChecker;
import dev.labtutor.ssh.SshConnector;
import dev.labtutor.ssh.SshOptions;
import dev.labtutor.tui.World;
import dev.labtutor.yaml.DataFileException;
import dev.labtutor.yaml.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The tutor's {@link World} on this machine: the installed course and checks, the standard progress store and state
 * directory, SSH through labtutor's known_hosts, and the sandbox.
 */
public class TutorWorld implements World {

    private final Course course;
    private final Optional<Path> knownHostsOption;
    private final Optional<Path> stateRoot;
    private final Duration hostDeadline;
    private final Supplier<CheckCatalog> checks;
    private final CompletableFuture<CheckCatalog> catalog = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * The check definitions are read later, in the background ({@link #ready()}): the first screen does not wait for
     * them.
     */
    public TutorWorld(Course course, Supplier<CheckCatalog> checks, Optional<Path> knownHosts, Duration hostDeadline) {
        this(course, checks, knownHosts, hostDeadline, Optional.empty());
    }

    /**
     * As above, with progress and the app's log under {@code stateRoot} instead of the user's state directory (the CDS
     * training run).
     */
    public TutorWorld(Course course, Supplier<CheckCatalog> checks, Optional<Path> knownHosts, Duration hostDeadline,
            Optional<Path> stateRoot) {
        this.stateRoot = stateRoot;
        this.course = course;
        this.checks = checks;
        this.knownHostsOption = knownHosts;
        this.hostDeadline = hostDeadline;
    }

    private CheckCatalog catalog() {
        ready();
        return catalog.join();
    }

    /** Starts reading the check definitions (once) and completes when they are read. */
    @Override
    public java.util.concurrent.CompletionStage<?> ready() {
        if (loading.compareAndSet(false, true)) {
            CompletableFuture.runAsync(() -> {
                try {
                    catalog.complete(checks.get());
                } catch (RuntimeException e) {
                    catalog.completeExceptionally(e);
                }
            });
        }
        return catalog;
    }

    @Override
    public Start start(Optional<LabFile> lab, Lang lang) {
        LearnerContext l = LearnerContext.of(course, lab, store());
        return new Start(l.state(lang, Clock.systemUTC().instant()), l.loaded.existed(), l.loaded.warning());
    }

    @Override
    public Optional<Text> labOrigin(LabFile lab) {
        return SandboxLab.describe(lab.source());
    }

    @Override
    public Text checkTitle(CheckRef ref, Bindings bindings) {
        if (!catalog.isDone() || catalog.isCompletedExceptionally()) {
            return Text.of(ref.id(), ref.id());
        }
        try {
            return new Binder(catalog()).bind(ref, bindings, new Problems()).title();
        } catch (RuntimeException e) {
            return Text.of(ref.id(), ref.id());
        }
    }

    private Path knownHosts(Optional<LabFile> lab) {
        return LearnerContext.knownHosts(knownHostsOption, lab);
    }

    @Override
    public Link connect(LabFile lab, SecretPrompter prompter, Consumer<Text> notices) {
        LabSession session = LabSession.open(knownHosts(Optional.of(lab)), hostDeadline, prompter, notices);
        Checker checker = new Checker() {
            private volatile LiveChecker live;

            /** Made on first use, on a worker thread: it needs the check definitions, which may still be loading. */
            private LiveChecker live() {
                if (live == null) {
                    live = new LiveChecker(session.lessonLab(course, catalog(), lab));
                }
                return live;
            }

            @Override
            public List<Verdict> check(Lesson lesson, Listener listener) throws Refused, InterruptedException {
                return live().check(lesson, listener);
            }

            @Override
            public List<Verdict> watch(Lesson lesson, Listener listener) throws Refused, InterruptedException {
                return live().watch(lesson, listener);
            }

            @Override
            public HostProfiles detectHosts(Set<String> roles) throws InterruptedException {
                return live().detectHosts(roles);
            }
        };
        return Link.of(checker, session::close);
    }

    @Override
    public ProgressStore store() {
        return stateRoot.map(ProgressStore::new).orElseGet(ProgressStore::standard);
    }

    @Override
    public Path stateDir() {
        return stateRoot.orElseGet(StateDir::resolve);
    }

    @Override
    public Path labTarget() {
        return SshOptions.defaultKnownHosts().resolveSibling("lab.yaml");
    }

    @Override
    public Optional<Text> sandboxUnavailable() {
        return SandboxPreflight.problem();
    }

    @Override
    public LabFile startSandbox(Consumer<String> progress) throws SetupFailed {
        Sandbox sandbox;
        try {
            sandbox = Sandbox.up(SandboxSpec.defaults(), progress::accept);
        } catch (SandboxException e) {
            throw new SetupFailed(e.text());
        }
        return read(sandbox.labFile());
    }

    @Override
    public Optional<Text> tryLogin(HostSpec host, SecretPrompter prompter) {
        SshConnector connector = new SshConnector(SshOptions.defaults(knownHosts(Optional.empty())), prompter, t -> {
        });
        try (RemoteShell shell = connector.open(host)) {
            return Optional.empty();
        } catch (HostException e) {
            return Optional.of(e.text());
        }
    }

    @Override
    public LabFile writeLab(Map<String, HostSpec> hosts, Map<String, String> vars) throws SetupFailed {
        Path target = labTarget();
        if (Files.exists(target)) {
            throw new SetupFailed(Text.of(target + " 已存在，不会覆盖它", target + " exists already; it is not overwritten"));
        }
        dev.labtutor.lab.LabFileWriter y = new dev.labtutor.lab.LabFileWriter()
                .comment("Written by labtutor's first-run form. See the README, \"The lab file\".").vars(vars).hosts();
        hosts.forEach((role, h) -> y
                .host(new dev.labtutor.lab.LabFileWriter.Entry(role, h.address(), java.util.OptionalInt.of(h.port()),
                        Optional.of(h.user()), h.identity().map(Path::toString), Optional.empty(), h.sudo())));
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, y.text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SetupFailed(
                    Text.of("无法写入 " + target + "：" + e.getMessage(), "cannot write " + target + ": " + e.getMessage()));
        }
        return read(target);
    }

    private static LabFile read(Path p) throws SetupFailed {
        try {
            return LabFileReader.forCurrentUser().readStrict(p);
        } catch (DataFileException e) {
            throw new SetupFailed(Text.of("实验环境文件无效：" + e.getMessage(), "the lab file is invalid: " + e.getMessage()));
        }
    }
}
