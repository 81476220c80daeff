package dev.labtutor.app;

import dev.labtutor.check.CheckCatalog;
import dev.labtutor.check.Prober;
import dev.labtutor.check.fact.Fact;
import dev.labtutor.check.fact.ProbeBroken;
import dev.labtutor.check.probe.LocalHttp;
import dev.labtutor.check.probe.Probe;
import dev.labtutor.course.Course;
import dev.labtutor.i18n.Lang;
import dev.labtutor.i18n.Text;
import dev.labtutor.lab.ConnectProgress;
import dev.labtutor.lab.HostException;
import dev.labtutor.lab.HostSpec;
import dev.labtutor.lab.LabFile;
import dev.labtutor.lab.RemoteShell;
import dev.labtutor.lab.SecretPrompter;
import dev.labtutor.lab.ShellPool;
import dev.labtutor.session.LessonLab;
import dev.labtutor.ssh.ConsoleSecretPrompter;
import dev.labtutor.ssh.SshConnector;
import dev.labtutor.ssh.SshOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The live side of a run: the SSH connector with labtutor's known_hosts, one pooled connection per host, and the
 * prober. New host keys are announced on stderr.
 */
public final class LabSession implements AutoCloseable {

    private final ShellPool pool;
    private final Prober prober;

    private LabSession(ShellPool pool, Prober prober) {
        this.pool = pool;
        this.prober = prober;
    }

    public static LabSession open(Path knownHosts, Duration hostDeadline, PrintWriter err, Lang lang) {
        return open(knownHosts, hostDeadline, new ConsoleSecretPrompter(), t -> {
            err.println("labtutor: " + t.in(lang));
            err.flush();
        });
    }

    /**
     * As above, with the prompter and the receiver of host-key notices given (the full-screen app asks inside its
     * screen).
     */
    public static LabSession open(Path knownHosts, Duration hostDeadline, SecretPrompter prompter,
            Consumer<Text> notices) {
        SshOptions options = SshOptions.defaults(knownHosts);
        ShellPool pool = new ShellPool(new SshConnector(options, prompter, notices));
        Prober.ShellSource shells = new Prober.ShellSource() {
            @Override
            public RemoteShell get(HostSpec host) throws HostException {
                return pool.get(host);
            }

            @Override
            public RemoteShell get(HostSpec host, ConnectProgress progress) throws HostException {
                return pool.get(host, progress);
            }
        };
        // A probe may take a third of the host's deadline, at least 8 s (an emulated VM sandbox is slow).
        Duration perProbe = hostDeadline.dividedBy(3).compareTo(Duration.ofSeconds(8)) > 0 ? hostDeadline.dividedBy(3)
                : Duration.ofSeconds(8);
        Prober prober = new Prober(shells, LocalProbes::run, perProbe, hostDeadline, 32);
        return new LabSession(pool, prober);
    }

    public Prober prober() {
        return prober;
    }

    public Prober.ShellSource shells() {
        return pool::get;
    }

    public LessonLab lessonLab(Course course, CheckCatalog catalog, LabFile lab) {
        return new LessonLab(course, catalog, lab, prober, shells());
    }

    @Override
    public void close() {
        prober.close();
        pool.close();
    }

    /** Probes made from this machine. */
    public static final class LocalProbes {
        private LocalProbes() {
        }

        public static Fact run(Probe p) {
            if (p.kind() == Probe.Kind.HTTP) {
                try {
                    return LocalHttp.withDefaults().fetch(p.arg(0), Integer.parseInt(p.arg(1)));
                } catch (IllegalArgumentException e) {
                    return new ProbeBroken(p.describe(), e.getMessage());
                }
            }
            return new ProbeBroken(p.describe(), "not supported from the tutor's machine");
        }
    }
}
