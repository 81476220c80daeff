package dev.labtutor.tui;

import dev.labtutor.check.Prober;
import dev.labtutor.check.Verdict;
import dev.labtutor.course.Bindings;
import dev.labtutor.course.CheckRef;
import dev.labtutor.course.Course;
import dev.labtutor.course.Lesson;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.LabFileReader;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.progress.LabKey;
import dev.labtutor.progress.ProgressStore;
import dev.labtutor.session.Checker;
import dev.labtutor.session.Fixtures;
import dev.labtutor.session.SessionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * A world for the views' tests: a real progress store in a temporary directory, and a lab whose checks report phases,
 * can ask for a password, and wait until the test lets them answer.
 */
final class FakeWorld implements World {

    final Course course;
    final Path dir;
    final ProgressStore store;
    final Semaphore answer = new Semaphore(0);
    final CountDownLatch checking = new CountDownLatch(1);
    volatile boolean interrupted;
    volatile boolean blocking = true;
    volatile boolean askPassword;
    volatile String typedPassword;
    volatile List<String> failing = List.of();
    /** How many checks see {@link #failing}; later ones pass. */
    volatile int failingRounds = Integer.MAX_VALUE;

    final List<String> checked = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** What {@link #labOrigin} says of every lab ("sandbox nt (started by root)"). */
    volatile Optional<Text> origin = Optional.empty();
    /** The distributions the hosts answer with in the first round (none detected by default). */
    volatile Map<String, dev.labtutor.lab.Distro> distros = Map.of();

    FakeWorld(Course course, Path dir) {
        this.course = course;
        this.dir = dir;
        this.store = new ProgressStore(dir.resolve("state"));
    }

    @Override
    public Start start(Optional<LabFile> lab, Lang lang) {
        LabKey key = lab.map(l -> new LabKey(l.source().toString(), Map.of())).orElse(LabKey.NONE);
        ProgressStore.Loaded l = store.load(course.id(), key);
        return new Start(SessionState.start(course, lab.map(x -> withKey(x, key)), lang, l.progress(), Instant.now()),
                l.existed(), l.warning());
    }

    private static LabFile withKey(LabFile lab, LabKey key) {
        return lab;
    }

    /** When the check definitions are read: until then a check's title is its id, as in the real world. */
    volatile java.util.concurrent.CompletableFuture<?> titles =
            java.util.concurrent.CompletableFuture.completedFuture(null);

    @Override
    public java.util.concurrent.CompletionStage<?> ready() {
        return titles;
    }

    @Override
    public Text checkTitle(CheckRef ref, Bindings bindings) {
        if (!titles.isDone()) {
            return Text.of(ref.id(), ref.id());
        }
        return Text.of("检查 " + ref.id(), "check " + ref.id());
    }

    @Override
    public Link connect(LabFile lab, SecretPrompter prompter, Consumer<Text> notices) {
        Checker checker = new Checker() {
            @Override
            public List<Verdict> check(Lesson lesson, Listener listener) throws InterruptedException {
                checked.add(lesson.id());
                listener.phase("lb01", Prober.Phase.CONNECTING);
                listener.phase("lb02", Prober.Phase.LOGGING_IN);
                if (askPassword) {
                    typedPassword = prompter.password(lab.hosts().get("lb01"), "ignored").map(String::new).orElse("");
                }
                checking.countDown();
                if (blocking) {
                    try {
                        answer.acquire();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        throw e;
                    }
                }
                listener.phase("lb01", Prober.Phase.DONE);
                List<String> bad = failingRounds-- > 0 ? failing : List.of();
                return Fixtures.verdicts(lesson, bad.toArray(String[]::new));
            }

            @Override
            public dev.labtutor.session.HostProfiles detectHosts(Set<String> roles) {
                return new dev.labtutor.session.HostProfiles(Map.of("lb01", "eth1", "lb02", "eth1"), distros);
            }
        };
        return Link.of(checker, () -> {
        });
    }

    @Override
    public ProgressStore store() {
        return store;
    }

    @Override
    public Path stateDir() {
        return dir.resolve("state");
    }

    @Override
    public Optional<Text> labOrigin(LabFile lab) {
        return origin;
    }

    @Override
    public Path labTarget() {
        return dir.resolve("config/lab.yaml");
    }

    @Override
    public Optional<Text> sandboxUnavailable() {
        return Optional.of(Text.of("测试中不可用", "not in tests"));
    }

    @Override
    public LabFile startSandbox(Consumer<String> progress) throws SetupFailed {
        throw new SetupFailed(Text.of("不可用", "not in tests"));
    }

    final List<String> logins = new ArrayList<>();

    @Override
    public Optional<Text> tryLogin(HostSpec host, SecretPrompter prompter) {
        logins.add(host.role() + "=" + host.user() + "@" + host.address() + ":" + host.port());
        return Optional.empty();
    }

    @Override
    public LabFile writeLab(Map<String, HostSpec> hosts, Map<String, String> vars) throws SetupFailed {
        StringBuilder y = new StringBuilder(vars.isEmpty() ? "" : "vars:\n");
        vars.forEach((n, v) -> y.append("  ").append(n).append(": ").append(v).append('\n'));
        y.append("hosts:\n");
        hosts.forEach((r, h) -> y.append("  ").append(r).append(": { address: ").append(h.address()).append(" }\n"));
        try {
            Files.createDirectories(labTarget().getParent());
            Files.writeString(labTarget(), y);
            return LabFileReader.forCurrentUser().readStrict(labTarget());
        } catch (IOException e) {
            throw new SetupFailed(Text.of(e.toString(), e.toString()));
        }
    }
}
