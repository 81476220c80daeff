package dev.labtutor.tui;

import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.tui.FirstRun.Effect;
import dev.labtutor.tui.FirstRun.Event;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs the first-run screen's effects off the drawing thread with the {@link World}: what they find comes back as
 * {@link FirstRun.Event}s through the runner's queue.
 */
final class FirstRunEffects {

    private final World world;
    private final SecretPrompter prompter;
    private final EffectRunner<Event> runner;
    private final Path home;

    /** @param home the learner's home directory, where {@code .ssh} is looked in */
    FirstRunEffects(World world, SecretPrompter prompter, EffectRunner<Event> runner, Path home) {
        this.world = world;
        this.prompter = prompter;
        this.runner = runner;
        this.home = home;
    }

    void run(List<Effect> effects) {
        for (Effect e : effects) {
            if (e instanceof Effect.LookAround) {
                runner.start(0,
                        report -> report.accept(new Event.LookedAround(defaultKey(home), world.sandboxUnavailable())));
            } else if (e instanceof Effect.TryLogin t) {
                runner.start(t.job(), report -> report
                        .accept(new Event.LoginTried(t.job(), t.host().role(), world.tryLogin(t.host(), prompter))));
            } else if (e instanceof Effect.StartSandbox s) {
                runner.start(s.job(), report -> lab(s.job(), report,
                        () -> world.startSandbox(line -> report.accept(new Event.SandboxLine(s.job(), line)))));
            } else if (e instanceof Effect.WriteLab w) {
                runner.start(w.job(), report -> lab(w.job(), report, () -> world.writeLab(w.hosts(), w.vars())));
            } else if (e instanceof Effect.Cancel c) {
                runner.cancel(c.job());
            }
        }
    }

    /** A step that ends with the lab to start with. */
    private interface LabStep {
        LabFile get() throws World.SetupFailed;
    }

    private static void lab(long job, Consumer<Event> report, LabStep step) {
        try {
            report.accept(new Event.LabReady(job, step.get()));
        } catch (World.SetupFailed e) {
            report.accept(new Event.Failed(job, e.reason()));
        }
    }

    /** The first readable of {@code ~/.ssh/id_ed25519}, {@code id_ecdsa}, {@code id_rsa}. */
    static Optional<String> defaultKey(Path home) {
        Path ssh = home.resolve(".ssh");
        for (String k : List.of("id_ed25519", "id_ecdsa", "id_rsa")) {
            if (Files.isReadable(ssh.resolve(k))) {
                return Optional.of(ssh.resolve(k).toString());
            }
        }
        return Optional.empty();
    }
}
