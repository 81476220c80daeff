package dev.labtutor.cli;

import dev.labtutor.check.Prober;
import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.host.ConsoleSecretPrompter;
import dev.labtutor.host.ShellPool;
import dev.labtutor.host.SshConnector;
import dev.labtutor.host.SshOptions;
import dev.labtutor.i18n.Lang;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The live side of a run: the SSH connector with labtutor's known_hosts, one pooled
 * connection per host, and the prober. New host keys are announced on stderr.
 */
final class LabSession implements AutoCloseable {

    private final ShellPool pool;
    private final Prober prober;

    private LabSession(ShellPool pool, Prober prober) {
        this.pool = pool;
        this.prober = prober;
    }

    static LabSession open(Path knownHosts, Duration hostDeadline, PrintWriter err, Lang lang) {
        SshOptions options = SshOptions.defaults(knownHosts);
        SshConnector connector = new SshConnector(options, new ConsoleSecretPrompter(), t -> {
            err.println("labtutor: " + t.in(lang));
            err.flush();
        });
        ShellPool pool = new ShellPool(connector);
        Prober prober = new Prober(pool::get, LocalProbes::run, Duration.ofSeconds(8), hostDeadline, 32);
        return new LabSession(pool, prober);
    }

    Prober prober() {
        return prober;
    }

    @Override
    public void close() {
        prober.close();
        pool.close();
    }

    /** Probes made from this machine. */
    static final class LocalProbes {
        private LocalProbes() {
        }

        static dev.labtutor.check.fact.Fact run(dev.labtutor.check.probe.Probe p) {
            return new ProbeBroken(p.describe(), "not supported from the tutor's machine");
        }
    }
}
